// The object-detection scenes cvmock-fixtures writes (`--detection`): each image beside a JSON file holding its size
// and its ground truth, the objects' tags and boxes normalised to the image's size.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "client/models/regions.h"

namespace cvmock::contract {

inline constexpr int kScenes = 44;  // each holds 1-4 of kClasses

struct SceneObject {
  std::string tagName;
  client::BoundingBox box;
};

struct Scene {
  std::string rel;  // the image's path relative to the fixtures folder ("scenes/scene_000.jpg")
  int width = 0;
  int height = 0;
  std::vector<SceneObject> regions;
};

// The scenes of folder (a subfolder named relFolder of the fixtures folder), ordered by file name. Throws
// std::runtime_error when a ground-truth file cannot be read, nlohmann::json::exception when it is malformed.
std::vector<Scene> readScenes(const std::filesystem::path& folder, const std::string& relFolder);

}  // namespace cvmock::contract
