// Texture descriptors: histograms of rotation-invariant uniform local binary patterns (LBP riu2, P = 8, R = 1).
#include "trainer/texture_features.h"

#include <array>

namespace cvmock::trainer {
namespace {

// Pattern code per interior pixel: the number of neighbours at least as bright as the centre when the
// neighbours form at most two bright/dark transitions around the circle, kTexturePatterns - 1 otherwise.
Eigen::ArrayXXf patternCodes(const Eigen::ArrayXXf& grey) {
  const Eigen::Index rows = grey.rows() - 2;
  const Eigen::Index cols = grey.cols() - 2;
  // Neighbour offsets in circular order.
  constexpr std::array<std::array<int, 2>, 8> kRing{{{0, 0}, {0, 1}, {0, 2}, {1, 2}, {2, 2}, {2, 1}, {2, 0}, {1, 0}}};
  const auto centre = grey.block(1, 1, rows, cols);
  std::array<Eigen::ArrayXXf, 8> bits;
  for (int k = 0; k < 8; ++k) bits[k] = (grey.block(kRing[k][0], kRing[k][1], rows, cols) >= centre).cast<float>();
  Eigen::ArrayXXf brighter = Eigen::ArrayXXf::Zero(rows, cols);
  Eigen::ArrayXXf transitions = Eigen::ArrayXXf::Zero(rows, cols);
  for (int k = 0; k < 8; ++k) {
    brighter += bits[k];
    transitions += (bits[k] - bits[(k + 1) % 8]).abs();
  }
  return (transitions <= 2).select(brighter, float(kTexturePatterns - 1));
}

Eigen::VectorXf histogram(const Eigen::ArrayXXf& codes) {
  Eigen::VectorXf counts = Eigen::VectorXf::Zero(kTexturePatterns);
  for (const float code : codes.reshaped()) counts(static_cast<int>(code)) += 1.0f;
  return counts / static_cast<float>(codes.size());
}

}  // namespace

Eigen::VectorXf textureFeatures(const Eigen::ArrayXXf& grey) {
  const Eigen::ArrayXXf codes = patternCodes(grey);
  const Eigen::Index half = codes.rows() / 2;
  const Eigen::Index rest = codes.rows() - half;
  Eigen::VectorXf features(kTextureFeatureCount);
  features << histogram(codes), histogram(codes.topLeftCorner(half, half)), histogram(codes.topRightCorner(half, rest)),
      histogram(codes.bottomLeftCorner(rest, half)), histogram(codes.bottomRightCorner(rest, rest));
  return features;
}

}  // namespace cvmock::trainer
