// Shape descriptors: histograms of gradient orientation over a spatial grid (HOG-like) and over the whole image.
#include "trainer/gradient_features.h"

#include <numbers>

#include "trainer/fast_atan2.h"

namespace cvmock::trainer {
namespace {

constexpr float kEpsilon = 1e-6f;

struct Gradient {
  Eigen::ArrayXXf magnitude;
  Eigen::ArrayXXf orientation;  // radians in [0, pi): the sign of an edge does not matter
};

// Central differences inside the plane; the one-pixel border has no gradient.
Gradient gradientOf(const Eigen::ArrayXXf& grey) {
  const Eigen::Index rows = grey.rows();
  const Eigen::Index cols = grey.cols();
  Eigen::ArrayXXf dx = Eigen::ArrayXXf::Zero(rows, cols);
  Eigen::ArrayXXf dy = Eigen::ArrayXXf::Zero(rows, cols);
  dx.middleCols(1, cols - 2) = grey.rightCols(cols - 2) - grey.leftCols(cols - 2);
  dy.middleRows(1, rows - 2) = grey.bottomRows(rows - 2) - grey.topRows(rows - 2);
  const Eigen::ArrayXXf angle = fastAtan2(dy, dx);
  const float pi = std::numbers::pi_v<float>;
  return Gradient{(dx.square() + dy.square()).sqrt(), (angle < 0).select(angle + pi, angle)};
}

// cells: kOrientationBins x (grid * grid), column = row-major cell index.
Eigen::ArrayXXf cellHistograms(const Gradient& gradient) {
  const Eigen::Index side = gradient.magnitude.rows();
  const Eigen::Index cellSide = side / kGradientGrid;
  const float binWidth = std::numbers::pi_v<float> / kOrientationBins;
  // Bin centres sit at (k + 0.5) * binWidth; a pixel's weight is split between the two nearest, wrapping at pi.
  const Eigen::ArrayXXf position = gradient.orientation / binWidth - 0.5f;
  const Eigen::ArrayXXf lower = position.floor();
  const Eigen::ArrayXXf upperShare = position - lower;
  Eigen::ArrayXXf cells = Eigen::ArrayXXf::Zero(kOrientationBins, kGradientGrid * kGradientGrid);
  for (Eigen::Index x = 0; x < side; ++x) {
    for (Eigen::Index y = 0; y < side; ++y) {
      const Eigen::Index cell = (y / cellSide) * kGradientGrid + x / cellSide;
      const int lowerBin = (static_cast<int>(lower(y, x)) + kOrientationBins) % kOrientationBins;
      const int upperBin = (lowerBin + 1) % kOrientationBins;
      const float magnitude = gradient.magnitude(y, x);
      cells(lowerBin, cell) += magnitude * (1.0f - upperShare(y, x));
      cells(upperBin, cell) += magnitude * upperShare(y, x);
    }
  }
  return cells;
}

// Each cell's histogram divided by the L2 norm of the histograms in its 3 x 3 neighbourhood of cells.
Eigen::ArrayXXf normalisedByNeighbourhood(const Eigen::ArrayXXf& cells) {
  const Eigen::ArrayXXf energy = cells.square().colwise().sum().reshaped(kGradientGrid, kGradientGrid);
  Eigen::ArrayXXf padded = Eigen::ArrayXXf::Zero(kGradientGrid + 2, kGradientGrid + 2);
  padded.block(1, 1, kGradientGrid, kGradientGrid) = energy;
  Eigen::ArrayXXf neighbourhood = Eigen::ArrayXXf::Zero(kGradientGrid, kGradientGrid);
  for (int dy = 0; dy < 3; ++dy) {
    for (int dx = 0; dx < 3; ++dx) neighbourhood += padded.block(dy, dx, kGradientGrid, kGradientGrid);
  }
  const Eigen::RowVectorXf norm = (neighbourhood.reshaped().transpose() + kEpsilon).sqrt().matrix();
  return cells.rowwise() / norm.array();
}

}  // namespace

Eigen::VectorXf gradientFeatures(const Eigen::ArrayXXf& grey) {
  const Eigen::ArrayXXf cells = cellHistograms(gradientOf(grey));
  const Eigen::ArrayXf pooled = cells.rowwise().sum();
  Eigen::VectorXf features(kGradientFeatureCount);
  features << normalisedByNeighbourhood(cells).reshaped().matrix(), (pooled / (pooled.sum() + kEpsilon)).matrix();
  return features;
}

}  // namespace cvmock::trainer
