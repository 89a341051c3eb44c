// Reading labelled detection images (the image list from image_files, the regions from the JSON beside each),
// turning them into upload entries, and matching boxes.
#include "client/cvctl/labelled_images.h"

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "client/cvctl/command_line.h"
#include "client/cvctl/image_files.h"

namespace cvmock::cvctl {

namespace fs = std::filesystem;

namespace {

std::vector<LabelledRegion> regionsIn(const fs::path& file) {
  std::ifstream in(file);
  try {
    const nlohmann::json ground = nlohmann::json::parse(in);
    std::vector<LabelledRegion> regions;
    for (const nlohmann::json& region : ground.at("regions")) {
      regions.push_back({region.at("tagName").get<std::string>(),
                         {region.at("left").get<double>(), region.at("top").get<double>(),
                          region.at("width").get<double>(), region.at("height").get<double>()}});
    }
    return regions;
  } catch (const nlohmann::json::exception& error) {
    throw std::runtime_error(file.string() + ": " + error.what());
  }
}

}  // namespace

std::vector<LabelledImage> labelledImagesIn(const fs::path& directory) {
  std::vector<LabelledImage> images;
  for (const fs::path& image : imagesIn(directory)) {
    const fs::path regions = fs::path(image).replace_extension(".json");
    if (fs::is_regular_file(regions)) images.push_back({image, regionsIn(regions)});
  }
  if (images.empty()) {
    throw UsageError("no image in " + directory.string() + " has its regions beside it (<image stem>.json)");
  }
  return images;
}

client::ImageFileCreateEntry uploadEntry(const LabelledImage& image, const std::map<std::string, std::string>& tagIds) {
  client::ImageFileCreateEntry entry{.name = image.path.filename().string(), .contents = readFileBytes(image.path)};
  for (const LabelledRegion& region : image.regions) {
    entry.regions.push_back(
        {tagIds.at(region.tagName), region.box.left, region.box.top, region.box.width, region.box.height});
  }
  return entry;
}

std::vector<std::string> tagNamesOf(const std::vector<LabelledImage>& images) {
  std::vector<std::string> names;
  for (const LabelledImage& image : images) {
    for (const LabelledRegion& region : image.regions) {
      if (std::find(names.begin(), names.end(), region.tagName) == names.end()) names.push_back(region.tagName);
    }
  }
  return names;
}

}  // namespace cvmock::cvctl
