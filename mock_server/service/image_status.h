// The per-image outcomes of batch operations, as the spec's enums spell them (one name table per type).
#pragma once

#include <array>
#include <string_view>

#include "mock_server/base/enum_names.h"

namespace cvmock::server {

// ImageCreateResult.status: what became of one image of an upload batch.
enum class ImageCreateStatus {
  OK,
  OKDuplicate,
  ErrorSource,
  ErrorImageFormat,
  ErrorImageSize,
  ErrorStorage,
  ErrorLimitExceed,
  ErrorTagLimitExceed,
  ErrorRegionLimitExceed,
  ErrorUnknown,
  ErrorNegativeAndRegularTagOnSameImage,
};

// ImageMetadataUpdateEntry.status: what became of one image of UpdateImageMetadata.
enum class ImageMetadataUpdateStatus { OK, ErrorImageNotFound, ErrorLimitExceed, ErrorUnknown };

inline constexpr std::array kImageCreateStatusNames = {
    EnumName<ImageCreateStatus>{ImageCreateStatus::OK, "OK"},
    EnumName<ImageCreateStatus>{ImageCreateStatus::OKDuplicate, "OKDuplicate"},
    EnumName<ImageCreateStatus>{ImageCreateStatus::ErrorSource, "ErrorSource"},
    EnumName<ImageCreateStatus>{ImageCreateStatus::ErrorImageFormat, "ErrorImageFormat"},
    EnumName<ImageCreateStatus>{ImageCreateStatus::ErrorImageSize, "ErrorImageSize"},
    EnumName<ImageCreateStatus>{ImageCreateStatus::ErrorStorage, "ErrorStorage"},
    EnumName<ImageCreateStatus>{ImageCreateStatus::ErrorLimitExceed, "ErrorLimitExceed"},
    EnumName<ImageCreateStatus>{ImageCreateStatus::ErrorTagLimitExceed, "ErrorTagLimitExceed"},
    EnumName<ImageCreateStatus>{ImageCreateStatus::ErrorRegionLimitExceed, "ErrorRegionLimitExceed"},
    EnumName<ImageCreateStatus>{ImageCreateStatus::ErrorUnknown, "ErrorUnknown"},
    EnumName<ImageCreateStatus>{ImageCreateStatus::ErrorNegativeAndRegularTagOnSameImage,
                                "ErrorNegativeAndRegularTagOnSameImage"},
};
inline constexpr std::array kImageMetadataUpdateStatusNames = {
    EnumName<ImageMetadataUpdateStatus>{ImageMetadataUpdateStatus::OK, "OK"},
    EnumName<ImageMetadataUpdateStatus>{ImageMetadataUpdateStatus::ErrorImageNotFound, "ErrorImageNotFound"},
    EnumName<ImageMetadataUpdateStatus>{ImageMetadataUpdateStatus::ErrorLimitExceed, "ErrorLimitExceed"},
    EnumName<ImageMetadataUpdateStatus>{ImageMetadataUpdateStatus::ErrorUnknown, "ErrorUnknown"},
};

constexpr std::string_view name(ImageCreateStatus value) { return enumName(kImageCreateStatusNames, value); }
constexpr std::string_view name(ImageMetadataUpdateStatus value) {
  return enumName(kImageMetadataUpdateStatusNames, value);
}

}  // namespace cvmock::server
