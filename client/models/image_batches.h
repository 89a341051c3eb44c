// The request bodies that create images (from files, URLs or stored predictions) and tag them.
#pragma once

#include <map>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <vector>

#include "client/models/regions.h"

namespace cvmock::client {

// One image for CreateImagesFromFiles. contents holds the raw bytes; the JSON carries them base64-encoded.
struct ImageFileCreateEntry {
  std::string name{};
  std::string contents{};
  std::vector<std::string> tagIds{};
  std::vector<Region> regions{};  // object detection only
};
void from_json(const nlohmann::json& j, ImageFileCreateEntry& entry);
void to_json(nlohmann::json& j, const ImageFileCreateEntry& entry);

struct ImageFileCreateBatch {
  std::vector<ImageFileCreateEntry> images{};
  std::vector<std::string> tagIds{};                             // applied to every image
  std::optional<std::map<std::string, std::string>> metadata{};  // applied to every image
};
void from_json(const nlohmann::json& j, ImageFileCreateBatch& batch);
void to_json(nlohmann::json& j, const ImageFileCreateBatch& batch);

struct ImageUrlCreateEntry {
  std::string url{};
  std::vector<std::string> tagIds{};
  std::vector<Region> regions{};
};
void from_json(const nlohmann::json& j, ImageUrlCreateEntry& entry);
void to_json(nlohmann::json& j, const ImageUrlCreateEntry& entry);

struct ImageUrlCreateBatch {
  std::vector<ImageUrlCreateEntry> images{};
  std::vector<std::string> tagIds{};
  std::optional<std::map<std::string, std::string>> metadata{};
};
void from_json(const nlohmann::json& j, ImageUrlCreateBatch& batch);
void to_json(nlohmann::json& j, const ImageUrlCreateBatch& batch);

// A stored prediction (by its id) to copy into the training images.
struct ImageIdCreateEntry {
  std::string id{};
  std::vector<std::string> tagIds{};
  std::vector<Region> regions{};
};
void from_json(const nlohmann::json& j, ImageIdCreateEntry& entry);
void to_json(nlohmann::json& j, const ImageIdCreateEntry& entry);

struct ImageIdCreateBatch {
  std::vector<ImageIdCreateEntry> images{};
  std::vector<std::string> tagIds{};
  std::optional<std::map<std::string, std::string>> metadata{};
};
void from_json(const nlohmann::json& j, ImageIdCreateBatch& batch);
void to_json(nlohmann::json& j, const ImageIdCreateBatch& batch);

struct ImageTagCreateEntry {
  std::string imageId{};
  std::string tagId{};
};
void from_json(const nlohmann::json& j, ImageTagCreateEntry& entry);
void to_json(nlohmann::json& j, const ImageTagCreateEntry& entry);

struct ImageTagCreateBatch {
  std::vector<ImageTagCreateEntry> tags{};
};
void from_json(const nlohmann::json& j, ImageTagCreateBatch& batch);
void to_json(nlohmann::json& j, const ImageTagCreateBatch& batch);

struct ImageTagCreateSummary {
  std::optional<std::vector<ImageTagCreateEntry>> created{};
  std::optional<std::vector<ImageTagCreateEntry>> duplicated{};
  std::optional<std::vector<ImageTagCreateEntry>> exceeded{};
};
void from_json(const nlohmann::json& j, ImageTagCreateSummary& summary);
void to_json(nlohmann::json& j, const ImageTagCreateSummary& summary);

}  // namespace cvmock::client
