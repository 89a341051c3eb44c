// The JSON mapping of images and of image create and metadata results.
#include "client/models/image.h"

#include "client/models/fields.h"

namespace cvmock::client {

namespace {

using fields::defaulted;
using fields::field;

constexpr auto kImageTag = std::make_tuple(field("tagId", &ImageTag::tagId), field("tagName", &ImageTag::tagName),
                                           field("created", &ImageTag::created));
constexpr auto kImage = std::make_tuple(
    field("id", &Image::id), field("created", &Image::created), field("width", &Image::width),
    field("height", &Image::height), field("resizedImageUri", &Image::resizedImageUri),
    field("thumbnailUri", &Image::thumbnailUri), field("originalImageUri", &Image::originalImageUri),
    field("tags", &Image::tags), field("regions", &Image::regions), field("metadata", &Image::metadata));
constexpr auto kCreateResult = std::make_tuple(field("sourceUrl", &ImageCreateResult::sourceUrl),
                                               field("status", &ImageCreateResult::status),
                                               field("image", &ImageCreateResult::image));
constexpr auto kCreateSummary = std::make_tuple(field("isBatchSuccessful", &ImageCreateSummary::isBatchSuccessful),
                                                defaulted("images", &ImageCreateSummary::images));
constexpr auto kMetadataEntry = std::make_tuple(field("imageId", &ImageMetadataUpdateEntry::imageId),
                                                field("status", &ImageMetadataUpdateEntry::status),
                                                field("metadata", &ImageMetadataUpdateEntry::metadata));
constexpr auto kMetadataSummary =
    std::make_tuple(field("isBatchSuccessful", &ImageMetadataUpdateSummary::isBatchSuccessful),
                    defaulted("images", &ImageMetadataUpdateSummary::images));
constexpr auto kImageUrl = std::make_tuple(field("url", &ImageUrl::url));

}  // namespace

void from_json(const nlohmann::json& j, ImageTag& tag) { fields::read(j, tag, kImageTag); }
void to_json(nlohmann::json& j, const ImageTag& tag) { fields::write(j, tag, kImageTag); }
void from_json(const nlohmann::json& j, Image& image) { fields::read(j, image, kImage); }
void to_json(nlohmann::json& j, const Image& image) { fields::write(j, image, kImage); }
void from_json(const nlohmann::json& j, ImageCreateResult& result) { fields::read(j, result, kCreateResult); }
void to_json(nlohmann::json& j, const ImageCreateResult& result) { fields::write(j, result, kCreateResult); }
void from_json(const nlohmann::json& j, ImageCreateSummary& summary) { fields::read(j, summary, kCreateSummary); }
void to_json(nlohmann::json& j, const ImageCreateSummary& summary) { fields::write(j, summary, kCreateSummary); }
void from_json(const nlohmann::json& j, ImageMetadataUpdateEntry& entry) { fields::read(j, entry, kMetadataEntry); }
void to_json(nlohmann::json& j, const ImageMetadataUpdateEntry& entry) { fields::write(j, entry, kMetadataEntry); }
void from_json(const nlohmann::json& j, ImageMetadataUpdateSummary& summary) {
  fields::read(j, summary, kMetadataSummary);
}
void to_json(nlohmann::json& j, const ImageMetadataUpdateSummary& summary) {
  fields::write(j, summary, kMetadataSummary);
}
void from_json(const nlohmann::json& j, ImageUrl& url) { fields::read(j, url, kImageUrl); }
void to_json(nlohmann::json& j, const ImageUrl& url) { fields::write(j, url, kImageUrl); }

}  // namespace cvmock::client
