// Object-detection boxes drawn onto an image, for cvctl detect --draw and the detection demo: decode, outline and
// label each box, encode as PNG.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "client/models/prediction.h"
#include "client/models/regions.h"

namespace cvmock::cvctl {

using Colour = std::array<std::uint8_t, 3>;  // R, G, B

// Row-major 8-bit RGB: pixels holds width * height * 3 bytes.
struct RgbImage {
  int width = 0;
  int height = 0;
  std::vector<std::uint8_t> pixels;
};

// A box in the service's normalised coordinates (fractions of the image's width and height) with the text shown
// above it ("circle 0.93").
struct LabelledBox {
  client::BoundingBox box;
  std::string label;
  Colour colour;
};

// Decodes a jpg, png, bmp or gif file's bytes. Throws std::runtime_error when they are not an image.
RgbImage decodeImage(const std::string& bytes);

// Outlines each box in its colour, clipped to the image (a box wholly outside leaves no mark), with a line width
// that grows with the image so a box stays visible on a large photo. Each label sits in a strip of the box's colour
// on the box's top edge, inside the image; a box with an empty label gets none. Later boxes draw over earlier ones.
void drawBoxes(RgbImage& image, const std::vector<LabelledBox>& boxes);

// The image as a PNG file. Throws std::runtime_error when encoding fails.
std::string encodePng(const RgbImage& image);

// A colour for the index-th tag: the first dozen are distinct and stand out on photos, then they repeat.
Colour tagColour(std::size_t index);

// The predictions of at least minProbability that have a box, labelled "<tag> <probability>", each tag in its own
// colour (tags in name order, of every prediction in the answer, take tagColour(0), tagColour(1), ...).
std::vector<LabelledBox> predictedBoxes(const client::ImagePrediction& prediction, double minProbability);

// imageBytes (a jpg, png, bmp or gif file) with boxes drawn on it, as a PNG file. Throws std::runtime_error when
// imageBytes are not an image.
std::string drawnPng(const std::string& imageBytes, const std::vector<LabelledBox>& boxes);

}  // namespace cvmock::cvctl
