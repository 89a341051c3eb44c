// Colour descriptors: a hue/saturation/value histogram and a coarse spatial layout of brightness and colour.
#include "trainer/colour_features.h"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "trainer/fast_atan2.h"

namespace cvmock::trainer {
namespace {

// Bin index in [0, bins) of values in [0, 1].
Eigen::ArrayXXi binOf(const Eigen::ArrayXXf& values, int bins) {
  return (values * static_cast<float>(bins)).floor().cast<int>().min(bins - 1).max(0);
}

// The circular hue of the opponent plane in [0, 1), which differs from the hexagonal HSV hue by a few degrees only.
Eigen::ArrayXXf hueOf(const WorkingImage& image) {
  const Eigen::ArrayXXf yellowBlue = 2.0f * image.red - image.green - image.blue;
  const Eigen::ArrayXXf redGreen = std::sqrt(3.0f) * (image.green - image.blue);
  const Eigen::ArrayXXf angle = fastAtan2(redGreen, yellowBlue);
  return (angle / (2.0f * std::numbers::pi_v<float>) + 1.0f) - (angle >= 0).cast<float>();
}

Eigen::VectorXf hsvHistogram(const Eigen::ArrayXXf& hue, const Eigen::ArrayXXf& value,
                             const Eigen::ArrayXXf& chroma) {
  const Eigen::ArrayXXf saturation = (value > 0).select(chroma / value, 0.0f);
  const Eigen::ArrayXXi bin = binOf(hue, kHueBins) * (kSaturationBins * kValueBins) +
                              binOf(saturation, kSaturationBins) * kValueBins + binOf(value, kValueBins);
  Eigen::VectorXf counts = Eigen::VectorXf::Zero(kColourHistogramSize);
  for (const int b : bin.reshaped()) counts(b) += 1.0f;
  return (counts / static_cast<float>(bin.size())).cwiseSqrt();
}

// A pixel votes with its chroma squared, so a large pale background says less than a small vivid object.
// Each pixel's vote is split between the two nearest bin centres (hue is circular), so a colour near a
// bin edge does not jump from one bin to the next.
Eigen::VectorXf chromaWeightedHueHistogram(const Eigen::ArrayXXf& hue, const Eigen::ArrayXXf& chroma) {
  const Eigen::ArrayXXf position = hue * static_cast<float>(kWeightedHueBins) - 0.5f;
  const Eigen::ArrayXXf lower = position.floor();
  const Eigen::ArrayXXf upperShare = position - lower;
  Eigen::VectorXf votes = Eigen::VectorXf::Zero(kWeightedHueBins);
  for (Eigen::Index i = 0; i < hue.size(); ++i) {
    const int low = (static_cast<int>(lower(i)) + kWeightedHueBins) % kWeightedHueBins;
    const float vote = chroma(i) * chroma(i);
    votes(low) += vote * (1.0f - upperShare(i));
    votes((low + 1) % kWeightedHueBins) += vote * upperShare(i);
  }
  return (votes / static_cast<float>(hue.size())).cwiseSqrt();
}

// Mean of plane over a grid x grid partition, row-major by cell.
Eigen::VectorXf cellMeans(const Eigen::ArrayXXf& plane, int grid) {
  const Eigen::Index cellSide = plane.rows() / grid;
  Eigen::VectorXf means(grid * grid);
  for (int cy = 0; cy < grid; ++cy) {
    for (int cx = 0; cx < grid; ++cx) {
      means(cy * grid + cx) = plane.block(cy * cellSide, cx * cellSide, cellSide, cellSide).mean();
    }
  }
  return means;
}

}  // namespace

Eigen::VectorXf colourFeatures(const WorkingImage& image) {
  const Eigen::ArrayXXf redGreen = (image.red - image.green) / std::sqrt(2.0f);
  const Eigen::ArrayXXf yellowBlue = (image.red + image.green - 2.0f * image.blue) / std::sqrt(6.0f);
  const Eigen::ArrayXXf value = image.red.max(image.green).max(image.blue);
  const Eigen::ArrayXXf chroma = value - image.red.min(image.green).min(image.blue);
  const Eigen::ArrayXXf hue = hueOf(image);
  Eigen::VectorXf features(kColourFeatureCount);
  features << hsvHistogram(hue, value, chroma), chromaWeightedHueHistogram(hue, chroma), cellMeans(image.grey(), kBrightnessGrid), cellMeans(redGreen, kChromaGrid),
      cellMeans(yellowBlue, kChromaGrid);
  return features;
}

}  // namespace cvmock::trainer
