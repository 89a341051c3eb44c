// Boxes drawn for cvctl detect --draw: where the outline lands in pixels, clipping at the image's edges, labels,
// colours per tag, and the PNG round trip.
#include "client/cvctl/box_drawing.h"

#include <gtest/gtest.h>

namespace cvmock::cvctl {
namespace {

constexpr Colour kGrey{128, 128, 128};
constexpr Colour kRed{230, 25, 75};

RgbImage plain(int width, int height, Colour colour = kGrey) {
  RgbImage image{width, height, {}};
  for (int i = 0; i < width * height; ++i) image.pixels.insert(image.pixels.end(), colour.begin(), colour.end());
  return image;
}

Colour at(const RgbImage& image, int x, int y) {
  const auto i = (static_cast<size_t>(y) * image.width + x) * 3;
  return {image.pixels[i], image.pixels[i + 1], image.pixels[i + 2]};
}

// The pixels of image that are not background.
int changedPixels(const RgbImage& image, Colour background = kGrey) {
  int changed = 0;
  for (int y = 0; y < image.height; ++y) {
    for (int x = 0; x < image.width; ++x) changed += at(image, x, y) != background ? 1 : 0;
  }
  return changed;
}

// White pixels in rows [top, bottom) between the columns 50 and 150.
int whiteIn(const RgbImage& image, int top, int bottom) {
  int white = 0;
  for (int y = top; y < bottom; ++y) {
    for (int x = 50; x < 150; ++x) white += at(image, x, y) == Colour{255, 255, 255} ? 1 : 0;
  }
  return white;
}

TEST(BoxDrawing, AnUnlabelledBoxIsATwoPixelOutlineOnItsPixels) {
  RgbImage image = plain(100, 50);
  // Pixels 20..59 across and 10..34 down.
  drawBoxes(image, {{{.left = 0.2, .top = 0.2, .width = 0.4, .height = 0.5}, "", kRed}});
  EXPECT_EQ(at(image, 20, 10), kRed);
  EXPECT_EQ(at(image, 59, 34), kRed);
  EXPECT_EQ(at(image, 21, 20), kRed);   // left edge, second column
  EXPECT_EQ(at(image, 22, 20), kGrey);  // inside
  EXPECT_EQ(at(image, 40, 11), kRed);   // top edge, second row
  EXPECT_EQ(at(image, 40, 12), kGrey);
  EXPECT_EQ(at(image, 19, 20), kGrey);  // outside
  EXPECT_EQ(at(image, 60, 20), kGrey);
  EXPECT_EQ(at(image, 40, 35), kGrey);
  EXPECT_EQ(changedPixels(image), 2 * 2 * 40 + 2 * 2 * 25 - 4 * 4);
}

TEST(BoxDrawing, TheLineGrowsWithTheImage) {
  RgbImage image = plain(1000, 800);
  drawBoxes(image, {{{.left = 0.1, .top = 0.1, .width = 0.5, .height = 0.5}, "", kRed}});
  EXPECT_EQ(at(image, 100, 400), kRed);
  EXPECT_EQ(at(image, 103, 400), kRed);  // min(1000, 800) / 200 = 4 pixels
  EXPECT_EQ(at(image, 104, 400), kGrey);
}

TEST(BoxDrawing, BoxesPastTheEdgesAreClippedAndThoseOutsideLeaveNoMark) {
  RgbImage image = plain(40, 40);
  drawBoxes(image, {{{.left = -0.5, .top = 1.5, .width = 0.4, .height = 0.4}, "outside", kRed},
                    {{.left = 0.2, .top = 0.2, .width = 0, .height = 0.5}, "empty", kRed}});
  EXPECT_EQ(changedPixels(image), 0);
  drawBoxes(image, {{{.left = 0.5, .top = 0.5, .width = 1, .height = 1}, "", kRed}});
  EXPECT_EQ(at(image, 20, 30), kRed);   // left edge, inside the image
  EXPECT_EQ(at(image, 39, 30), kRed);   // the right edge lies on the image's border
  EXPECT_EQ(at(image, 30, 39), kRed);   // and so does the bottom one
  EXPECT_EQ(at(image, 30, 30), kGrey);
}

TEST(BoxDrawing, ALabelSitsInAStripAboveTheBoxOrInsideAtTheTop) {
  RgbImage above = plain(200, 200);
  drawBoxes(above, {{{.left = 0.25, .top = 0.5, .width = 0.5, .height = 0.25}, "circle 0.93", kRed}});
  RgbImage bare = plain(200, 200);
  drawBoxes(bare, {{{.left = 0.25, .top = 0.5, .width = 0.5, .height = 0.25}, "", kRed}});
  EXPECT_GT(changedPixels(above), changedPixels(bare));
  EXPECT_EQ(at(above, 51, 98), kRed);  // the strip's padding, just above the box's top-left corner
  EXPECT_GT(whiteIn(above, 80, 100), 20);  // the text is white on the red strip
  for (int y = 0; y < 80; ++y) EXPECT_EQ(at(above, 60, y), kGrey) << y;

  RgbImage top = plain(200, 200);
  drawBoxes(top, {{{.left = 0.25, .top = 0, .width = 0.5, .height = 0.5}, "square 0.50", kRed}});
  EXPECT_GT(whiteIn(top, 2, 20), 20);  // inside the box, below its top edge
}

TEST(BoxDrawing, PredictionsAboveTheThresholdWithATagColourEach) {
  client::ImagePrediction prediction;
  prediction.predictions = {
      {.probability = 0.9, .tagId = "t2", .tagName = "square", .boundingBox = client::BoundingBox{0.1, 0.1, 0.2, 0.2}},
      {.probability = 0.8, .tagId = "t1", .tagName = "circle", .boundingBox = client::BoundingBox{0.5, 0.5, 0.2, 0.2}},
      {.probability = 0.7, .tagId = "t2", .tagName = "square", .boundingBox = client::BoundingBox{0.6, 0.1, 0.2, 0.2}},
      {.probability = 0.2, .tagId = "t1", .tagName = "circle", .boundingBox = client::BoundingBox{0, 0, 1, 1}},
      {.probability = 0.95, .tagId = "t3", .tagName = "triangle"},  // a classification: no box
  };
  const std::vector<LabelledBox> boxes = predictedBoxes(prediction, 0.5);
  ASSERT_EQ(boxes.size(), 3u);
  EXPECT_EQ(boxes[0].label, "square 0.90");
  EXPECT_EQ(boxes[1].label, "circle 0.80");
  EXPECT_EQ(boxes[0].colour, tagColour(1));  // circle, square, triangle: in name order
  EXPECT_EQ(boxes[1].colour, tagColour(0));
  EXPECT_EQ(boxes[2].colour, boxes[0].colour);
  EXPECT_DOUBLE_EQ(boxes[2].box.left, 0.6);
  EXPECT_NE(tagColour(0), tagColour(1));
}

TEST(BoxDrawing, ThePngDecodesToTheDrawnPixels) {
  RgbImage image = plain(64, 48);
  drawBoxes(image, {{{.left = 0.25, .top = 0.25, .width = 0.5, .height = 0.5}, "x 1.00", kRed}});
  const std::string png = encodePng(image);
  ASSERT_EQ(png.substr(1, 3), "PNG");
  const RgbImage decoded = decodeImage(png);
  EXPECT_EQ(decoded.width, 64);
  EXPECT_EQ(decoded.height, 48);
  EXPECT_EQ(decoded.pixels, image.pixels);

  const RgbImage drawn = decodeImage(drawnPng(encodePng(plain(64, 48)), {{{0.25, 0.25, 0.5, 0.5}, "x 1.00", kRed}}));
  EXPECT_EQ(drawn.pixels, image.pixels);
}

TEST(BoxDrawing, BytesThatAreNoImageAreRefused) {
  EXPECT_THROW(decodeImage("not an image"), std::runtime_error);
  EXPECT_THROW(drawnPng("", {}), std::runtime_error);
}

}  // namespace
}  // namespace cvmock::cvctl
