// Shape descriptors: histograms of gradient orientation over a spatial grid (HOG-like) and over the whole image.
#include "trainer/gradient_features.h"

#include <cmath>
#include <numbers>
#include <vector>

#include "trainer/fast_atan2.h"
#include "trainer/loop_hints.h"

namespace cvmock::trainer {
namespace {

constexpr float kEpsilon = 1e-6f;

// Orientation histograms per cell: kOrientationBins x (grid * grid), column = row-major cell index.
// Gradients are central differences, so the one-pixel border has none. Orientation is unsigned (the sign
// of an edge does not matter), in [0, pi]; bin centres sit at (k + 0.5) * binWidth and a pixel's magnitude
// is split between the two nearest, wrapping at pi.
Eigen::ArrayXXf cellHistograms(const Eigen::ArrayXXf& grey) {
  const Eigen::Index side = grey.rows();
  const Eigen::Index cellSide = side / kGradientGrid;
  const float pi = std::numbers::pi_v<float>;
  const float binWidth = pi / kOrientationBins;
  Eigen::ArrayXXf cells = Eigen::ArrayXXf::Zero(kOrientationBins, kGradientGrid * kGradientGrid);
  // Per column: first every pixel's bins and weights (a loop the compiler vectorises), then the votes.
  std::vector<int> lowerBin(static_cast<std::size_t>(side));
  std::vector<float> lowerVote(static_cast<std::size_t>(side));
  std::vector<float> upperVote(static_cast<std::size_t>(side));
  // Cell row of each image row: a run-time division per pixel would cost more than the rest of the vote.
  std::vector<Eigen::Index> cellRow(static_cast<std::size_t>(side));
  for (Eigen::Index y = 0; y < side; ++y) cellRow[static_cast<std::size_t>(y)] = (y / cellSide) * kGradientGrid;
  for (Eigen::Index x = 1; x + 1 < side; ++x) {
    const float* left = &grey(0, x - 1);
    const float* centre = &grey(0, x);
    const float* right = &grey(0, x + 1);
CVMOCK_LOOP_WITHOUT_ALIASING  // the vote arrays never overlap the image
    for (Eigen::Index y = 1; y + 1 < side; ++y) {
      const float dx = right[y] - left[y];
      const float dy = centre[y + 1] - centre[y - 1];
      const float angle = fastAtan2(dy, dx);
      const float position = (angle < 0 ? angle + pi : angle) / binWidth - 0.5f;  // in [-0.5, bins - 0.5]
      const int lower = static_cast<int>(position + 1.0f) - 1;                     // floor, as position > -1
      const float upperShare = position - static_cast<float>(lower);
      const float magnitude = std::sqrt(dx * dx + dy * dy);
      lowerBin[y] = lower < 0 ? lower + kOrientationBins : lower;
      lowerVote[y] = magnitude * (1.0f - upperShare);
      upperVote[y] = magnitude * upperShare;
    }
    const Eigen::Index cellColumn = x / cellSide;
    float* const histograms = cells.data();  // column cell holds that cell's kOrientationBins bins
    for (std::size_t y = 1; y + 1 < static_cast<std::size_t>(side); ++y) {
      float* const histogram = histograms + (cellRow[y] + cellColumn) * kOrientationBins;
      const int bin = lowerBin[y];
      histogram[bin] += lowerVote[y];
      histogram[bin + 1 == kOrientationBins ? 0 : bin + 1] += upperVote[y];
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
  const Eigen::ArrayXXf cells = cellHistograms(grey);
  const Eigen::ArrayXf pooled = cells.rowwise().sum();
  Eigen::VectorXf features(kGradientFeatureCount);
  features << normalisedByNeighbourhood(cells).reshaped().matrix(), (pooled / (pooled.sum() + kEpsilon)).matrix();
  return features;
}

}  // namespace cvmock::trainer
