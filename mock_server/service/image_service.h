// Training images: uploads (decoded and featurised once, duplicates found by content), listing and counting
// with filters, tagging, metadata and deletion.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "mock_server/base/enum_names.h"
#include "mock_server/service/metadata_filter.h"
#include "mock_server/service/region_rules.h"
#include "mock_server/service/service_state.h"

namespace cvmock::server {

// One image of an upload batch. `source` is what the answer's sourceUrl echoes (a file name, URL or id).
struct ImageUpload {
  std::string source;
  std::string bytes;
  std::vector<std::string> tagIds;  // normalised GUIDs
  std::map<std::string, std::string> metadata;  // the batch's, already checked against the limits
  // Set when the bytes could not be had (a URL not fetched, a prediction not stored): the entry's answer.
  std::optional<ImageCreateStatus> sourceFailure;
  std::vector<RegionLabel> regions;  // object-detection projects only
};

enum class TaggingStatus { All, Tagged, Untagged };
enum class ImageOrder { Newest, Oldest };
inline constexpr std::array kTaggingStatusNames = {
    EnumName<TaggingStatus>{TaggingStatus::All, "All"},
    EnumName<TaggingStatus>{TaggingStatus::Tagged, "Tagged"},
    EnumName<TaggingStatus>{TaggingStatus::Untagged, "Untagged"},
};
inline constexpr std::array kImageOrderNames = {
    EnumName<ImageOrder>{ImageOrder::Newest, "Newest"},
    EnumName<ImageOrder>{ImageOrder::Oldest, "Oldest"},
};

struct ImageQuery {
  TaggingStatus taggingStatus = TaggingStatus::All;
  std::vector<std::string> tagIds;  // any of them; empty means no tag filter
  ImageOrder order = ImageOrder::Newest;
  std::optional<MetadataFilter> filter;  // `$filter`
  int take = 50;
  int skip = 0;
};

// Thread-safe; every failure is a ServiceError from the catalogue (base/errors.h). Decoding runs before the
// rules lock is taken, so uploads decode in parallel.
class ImageService {
 public:
  explicit ImageService(ServiceState& state);

  // Each image gets its own status; the batch fails as a whole only for what makes it invalid (too many
  // images or tags, an unknown tag, the project's image quota, a region on a project that classifies or with
  // a box checkRegionBox refuses). An image given more than maxRegionsPerImage regions is
  // ErrorRegionLimitExceed.
  ImageCreateSummaryView createImages(const std::string& projectId, std::vector<ImageUpload> uploads);
  std::vector<ImageView> getImages(const std::string& projectId, const ImageQuery& query) const;
  int countImages(const std::string& projectId, const ImageQuery& query) const;
  // The listed images that exist, oldest first (as the service answers, whatever the order asked).
  std::vector<ImageView> getImagesByIds(const std::string& projectId, const std::vector<std::string>& imageIds) const;
  void deleteImages(const std::string& projectId, const std::vector<std::string>& imageIds);
  void deleteAllImages(const std::string& projectId);
  ImageTagCreateSummaryView createImageTags(const std::string& projectId, const std::vector<ImageTagPair>& pairs);
  void deleteImageTags(const std::string& projectId, const std::vector<std::string>& imageIds,
                       const std::vector<std::string>& tagIds);
  // Sets the given keys on each listed image, keeping its other keys; an image that would exceed the pair
  // limit is left as it was (ErrorLimitExceed), an unknown one is ErrorImageNotFound.
  ImageMetadataUpdateSummaryView updateImageMetadata(const std::string& projectId,
                                                     const std::vector<std::string>& imageIds,
                                                     const std::map<std::string, std::string>& metadata);
  std::optional<std::string> imageBytes(const std::string& projectId, const std::string& imageId) const;

 private:
  ServiceState& state_;
};

}  // namespace cvmock::server
