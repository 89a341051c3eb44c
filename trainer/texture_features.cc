// Texture descriptors: histograms of rotation-invariant uniform local binary patterns (LBP riu2, P = 8, R = 1).
#include "trainer/texture_features.h"

#include <array>
#include <bit>
#include <cstdint>

namespace cvmock::trainer {
namespace {

// riu2 code of each 8-bit neighbour pattern (bit k = neighbour k of the ring at least as bright as the
// centre): the number of bright neighbours when they form at most two bright/dark transitions around the
// circle, kTexturePatterns - 1 otherwise.
constexpr std::array<std::uint8_t, 256> kPatternCode = [] {
  std::array<std::uint8_t, 256> codes{};
  for (unsigned pattern = 0; pattern < 256; ++pattern) {
    const unsigned rotated = ((pattern >> 1) | (pattern << 7)) & 0xFFu;
    const bool uniform = std::popcount(pattern ^ rotated) <= 2;
    codes[pattern] = static_cast<std::uint8_t>(uniform ? std::popcount(pattern) : kTexturePatterns - 1);
  }
  return codes;
}();

// Neighbour offsets (row, column) from the centre, in circular order.
constexpr std::array<std::array<int, 2>, 8> kRing{{{-1, -1}, {-1, 0}, {-1, 1}, {0, 1}, {1, 1}, {1, 0}, {1, -1}, {0, -1}}};

}  // namespace

Eigen::VectorXf textureFeatures(const Eigen::ArrayXXf& grey) {
  // Codes exist for interior pixels only; the quadrants split those interior pixels in half each way.
  const Eigen::Index rows = grey.rows() - 2;
  const Eigen::Index cols = grey.cols() - 2;
  const Eigen::Index halfRows = rows / 2;
  const Eigen::Index halfCols = cols / 2;
  // counts(pattern, 0) over the whole image, counts(pattern, 1 + quadrant) per quadrant (TL, TR, BL, BR).
  Eigen::Matrix<float, kTexturePatterns, 5> counts = Eigen::Matrix<float, kTexturePatterns, 5>::Zero();
  for (Eigen::Index x = 0; x < cols; ++x) {
    for (Eigen::Index y = 0; y < rows; ++y) {
      const float centre = grey(y + 1, x + 1);
      unsigned pattern = 0;
      for (int k = 0; k < 8; ++k) {
        pattern |= static_cast<unsigned>(grey(y + 1 + kRing[k][0], x + 1 + kRing[k][1]) >= centre) << k;
      }
      const int code = kPatternCode[pattern];
      const int quadrant = (y >= halfRows ? 2 : 0) + (x >= halfCols ? 1 : 0);
      counts(code, 0) += 1.0f;
      counts(code, 1 + quadrant) += 1.0f;
    }
  }
  const float quadrantSizes[] = {static_cast<float>(halfRows * halfCols), static_cast<float>(halfRows * (cols - halfCols)),
                                 static_cast<float>((rows - halfRows) * halfCols),
                                 static_cast<float>((rows - halfRows) * (cols - halfCols))};
  counts.col(0) /= static_cast<float>(rows * cols);
  for (int q = 0; q < 4; ++q) counts.col(1 + q) /= quadrantSizes[q];
  return counts.reshaped();
}

}  // namespace cvmock::trainer
