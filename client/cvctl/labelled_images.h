// Labelled object-detection images on disk: each image beside a JSON file of its regions by tag name, as
// cvmock-fixtures --detection writes them:
//   scene_007.jpg, scene_007.json = {"regions": [{"tagName": "circle", "left": 0.1, "top": 0.2, "width": 0.3,
//                                                 "height": 0.25}, ...], ...other members ignored}
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "client/models/image_batches.h"
#include "client/models/regions.h"

namespace cvmock::cvctl {

struct LabelledRegion {
  std::string tagName;
  client::BoundingBox box;  // normalised: fractions of the image's width and height
};

struct LabelledImage {
  std::filesystem::path path;
  std::vector<LabelledRegion> regions;
};

// Every image file in directory with "<stem>.json" beside it, sorted by name; images without one are not
// labelled and left out. Throws UsageError when directory is not a directory or holds no labelled image, and
// std::runtime_error naming the file when a JSON file is not one or a region lacks a member or has one of the
// wrong type.
std::vector<LabelledImage> labelledImagesIn(const std::filesystem::path& directory);

// The tag names the images' regions use, each once, in the order they first appear.
std::vector<std::string> tagNamesOf(const std::vector<LabelledImage>& images);

// The image as CreateImagesFromFiles takes it: its file's name and bytes, and its regions with the tag ids tagIds
// gives their names. Throws UsageError when the file cannot be read, std::out_of_range for a name tagIds lacks.
client::ImageFileCreateEntry uploadEntry(const LabelledImage& image, const std::map<std::string, std::string>& tagIds);

}  // namespace cvmock::cvctl
