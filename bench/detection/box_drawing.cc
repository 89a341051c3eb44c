// Draws boxes on an image and writes it as PNG: to look at what the detector found.
#include "bench/detection/box_drawing.h"

#include <algorithm>
#include <cmath>

#include "fixtures/png.h"
#include "trainer/decode.h"

namespace cvmock::bench {

std::string drawBoxes(std::string_view imageBytes, const std::vector<DrawnBox>& boxes) {
  trainer::RgbImage image = trainer::decodeImage(imageBytes);
  const auto paint = [&](int x, int y, const DrawnBox& b) {
    if (x < 0 || y < 0 || x >= image.width || y >= image.height) return;
    std::uint8_t* pixel = &image.pixels[3 * (static_cast<std::size_t>(y) * image.width + x)];
    pixel[0] = b.red, pixel[1] = b.green, pixel[2] = b.blue;
  };
  for (const DrawnBox& b : boxes) {
    const int left = static_cast<int>(std::lround(b.box.left * image.width));
    const int top = static_cast<int>(std::lround(b.box.top * image.height));
    const int right = static_cast<int>(std::lround(b.box.right() * image.width)) - 1;
    const int bottom = static_cast<int>(std::lround(b.box.bottom() * image.height)) - 1;
    for (int t = 0; t < 2; ++t) {
      for (int x = left; x <= right; ++x) paint(x, top + t, b), paint(x, bottom - t, b);
      for (int y = top; y <= bottom; ++y) paint(left + t, y, b), paint(right - t, y, b);
    }
  }
  return fixtures::encodePng(image.pixels, image.width, image.height);
}

}  // namespace cvmock::bench
