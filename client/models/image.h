// Image: a training image with its tags, regions and metadata; the results of creating images and of
// updating their metadata.
#pragma once

#include <map>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <vector>

#include "client/models/enums.h"
#include "client/models/regions.h"

namespace cvmock::client {

struct ImageTag {
  std::string tagId{};
  std::optional<std::string> tagName{};  // null in some create results
  std::string created{};
};
void from_json(const nlohmann::json& j, ImageTag& tag);
void to_json(nlohmann::json& j, const ImageTag& tag);

// created is the service's text: images carry 7 fractional digits and no "Z" (recordings/README.md).
struct Image {
  std::string id{};
  std::string created{};
  int width = 0;
  int height = 0;
  std::string resizedImageUri{};
  std::string thumbnailUri{};
  std::string originalImageUri{};
  std::optional<std::vector<ImageTag>> tags{};  // absent on untagged images
  std::optional<std::vector<ImageRegion>> regions{};
  std::optional<std::map<std::string, std::string>> metadata{};
};
void from_json(const nlohmann::json& j, Image& image);
void to_json(nlohmann::json& j, const Image& image);

struct ImageCreateResult {
  std::optional<std::string> sourceUrl{};  // the URL, or the prediction id for CreateImagesFromPredictions
  ImageCreateStatus status = ImageCreateStatus::OK;
  std::optional<Image> image{};  // missing when the image was rejected
};
void from_json(const nlohmann::json& j, ImageCreateResult& result);
void to_json(nlohmann::json& j, const ImageCreateResult& result);

struct ImageCreateSummary {
  bool isBatchSuccessful = false;  // false on a 207 with some images rejected
  std::vector<ImageCreateResult> images{};
};
void from_json(const nlohmann::json& j, ImageCreateSummary& summary);
void to_json(nlohmann::json& j, const ImageCreateSummary& summary);

struct ImageMetadataUpdateEntry {
  std::string imageId{};
  ImageMetadataUpdateStatus status = ImageMetadataUpdateStatus::OK;
  std::optional<std::map<std::string, std::string>> metadata{};  // the image's metadata after the update
};
void from_json(const nlohmann::json& j, ImageMetadataUpdateEntry& entry);
void to_json(nlohmann::json& j, const ImageMetadataUpdateEntry& entry);

struct ImageMetadataUpdateSummary {
  bool isBatchSuccessful = false;
  std::vector<ImageMetadataUpdateEntry> images{};
};
void from_json(const nlohmann::json& j, ImageMetadataUpdateSummary& summary);
void to_json(nlohmann::json& j, const ImageMetadataUpdateSummary& summary);

// The body of the URL operations (QuickTestImageUrl, ClassifyImageUrl, DetectImageUrl...).
struct ImageUrl {
  std::string url{};
};
void from_json(const nlohmann::json& j, ImageUrl& url);
void to_json(nlohmann::json& j, const ImageUrl& url);

}  // namespace cvmock::client
