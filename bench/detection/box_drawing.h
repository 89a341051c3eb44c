// Draws boxes on an image and writes it as PNG: to look at what the detector found.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "trainer/detection/box.h"

namespace cvmock::bench {

struct DrawnBox {
  trainer::detection::Box box;
  unsigned char red, green, blue;
};

// The decoded image with each box's outline (2 px) in its colour, as a PNG file.
// Throws trainer::DecodeError for bytes that are not an image.
std::string drawBoxes(std::string_view imageBytes, const std::vector<DrawnBox>& boxes);

}  // namespace cvmock::bench
