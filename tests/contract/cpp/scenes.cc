// Reads the ground truth cvmock-fixtures wrote beside each detection scene.
#include "tests/contract/cpp/scenes.h"

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>

namespace cvmock::contract {

std::vector<Scene> readScenes(const std::filesystem::path& folder, const std::string& relFolder) {
  std::vector<std::filesystem::path> truthFiles;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind("scene_", 0) == 0 && entry.path().extension() == ".json") truthFiles.push_back(entry.path());
  }
  std::sort(truthFiles.begin(), truthFiles.end());
  std::vector<Scene> scenes;
  for (const auto& file : truthFiles) {
    std::ifstream in(file);
    if (!in) throw std::runtime_error("cannot read " + file.string());
    const nlohmann::json truth = nlohmann::json::parse(in);
    Scene scene{relFolder + "/" + truth.at("image").get<std::string>(), truth.at("width").get<int>(),
                truth.at("height").get<int>(), {}};
    for (const auto& region : truth.at("regions")) {
      scene.regions.push_back({region.at("tagName").get<std::string>(),
                               {region.at("left").get<double>(), region.at("top").get<double>(),
                                region.at("width").get<double>(), region.at("height").get<double>()}});
    }
    scenes.push_back(std::move(scene));
  }
  return scenes;
}

}  // namespace cvmock::contract
