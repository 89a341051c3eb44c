// Colour descriptors: a hue/saturation/value histogram and a coarse spatial layout of brightness and colour.
#include "trainer/colour_features.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <vector>

#include "trainer/fast_atan2.h"
#include "trainer/loop_hints.h"

namespace cvmock::trainer {
namespace {

// Bin index in [0, bins) of a value in [0, 1]; truncation is the floor here, as the value is never negative.
int binOf(float value, int bins) {
  const int bin = static_cast<int>(value * static_cast<float>(bins));
  return bin < bins - 1 ? bin : bins - 1;
}

// The circular hue of the opponent plane in [0, 1), which differs from the hexagonal HSV hue by a few degrees only.
float hueOf(float red, float green, float blue) {
  const float angle = fastAtan2(std::sqrt(3.0f) * (green - blue), 2.0f * red - green - blue);
  const float turn = angle * (0.5f * std::numbers::inv_pi_v<float>);
  return angle >= 0 ? turn : turn + 1.0f;
}

// Sums that become the features once divided by their pixel counts.
struct ColourSums {
  Eigen::VectorXf hsv = Eigen::VectorXf::Zero(kColourHistogramSize);
  Eigen::VectorXf weightedHue = Eigen::VectorXf::Zero(kWeightedHueBins);
  Eigen::VectorXf brightness = Eigen::VectorXf::Zero(kBrightnessGrid * kBrightnessGrid);  // row-major by cell
  Eigen::VectorXf redGreen = Eigen::VectorXf::Zero(kChromaGrid * kChromaGrid);
  Eigen::VectorXf yellowBlue = Eigen::VectorXf::Zero(kChromaGrid * kChromaGrid);
};

// One column's votes, computed for every pixel first (a loop the compiler vectorises), then added up.
// The HSV histogram counts pixels. The weighted hue histogram takes each pixel's chroma squared, so a
// large pale background says less than a small vivid object, split between the two nearest bin centres
// (hue is circular) so that a colour near a bin edge does not jump from one bin to the next.
struct ColumnVotes {
  explicit ColumnVotes(Eigen::Index side)
      : hsvBin(static_cast<std::size_t>(side)), hueBin(static_cast<std::size_t>(side)),
        lowerHueVote(static_cast<std::size_t>(side)), upperHueVote(static_cast<std::size_t>(side)),
        grey(static_cast<std::size_t>(side)), redGreen(static_cast<std::size_t>(side)),
        yellowBlue(static_cast<std::size_t>(side)) {}

  void compute(const float* red, const float* green, const float* blue) {
    // Local pointers, and no aliasing: the outputs never overlap the image planes, which the compiler cannot
    // prove; without both it reloads every member on each pixel and does not vectorise the loop.
    const std::size_t count = hsvBin.size();
    int* const hsv = hsvBin.data();
    int* const hueLower = hueBin.data();
    float* const lowerVote = lowerHueVote.data();
    float* const upperVote = upperHueVote.data();
    float* const luma = grey.data();
    float* const opponentRedGreen = redGreen.data();
    float* const opponentYellowBlue = yellowBlue.data();
CVMOCK_LOOP_WITHOUT_ALIASING
    for (std::size_t y = 0; y < count; ++y) {
      const float r = red[y];
      const float g = green[y];
      const float b = blue[y];
      const float value = std::max(r, std::max(g, b));
      const float chroma = value - std::min(r, std::min(g, b));
      const float hue = hueOf(r, g, b);
      const float saturation = chroma / std::max(value, 1e-30f);  // 0 for black, without a branch
      hsv[y] = binOf(hue, kHueBins) * (kSaturationBins * kValueBins) + binOf(saturation, kSaturationBins) * kValueBins +
               binOf(value, kValueBins);
      const float position = hue * static_cast<float>(kWeightedHueBins) - 0.5f;  // in [-0.5, bins - 0.5)
      const int lower = static_cast<int>(position + 1.0f) - 1;                     // floor, as position > -1
      const float upperShare = position - static_cast<float>(lower);
      const float vote = chroma * chroma;
      hueLower[y] = lower < 0 ? lower + kWeightedHueBins : lower;
      lowerVote[y] = vote * (1.0f - upperShare);
      upperVote[y] = vote * upperShare;
      luma[y] = 0.299f * r + 0.587f * g + 0.114f * b;
      opponentRedGreen[y] = (r - g) * kInverseSqrt2;
      opponentYellowBlue[y] = (r + g - 2.0f * b) * kInverseSqrt6;
    }
  }

  static constexpr float kInverseSqrt2 = 0.70710678f;
  static constexpr float kInverseSqrt6 = 0.40824829f;
  std::vector<int> hsvBin;
  std::vector<int> hueBin;  // the lower of the two bins a pixel's weighted vote is split between
  std::vector<float> lowerHueVote;
  std::vector<float> upperHueVote;
  std::vector<float> grey;
  std::vector<float> redGreen;
  std::vector<float> yellowBlue;
};

}  // namespace

Eigen::VectorXf colourFeatures(const WorkingImage& image) {
  const Eigen::Index side = image.red.rows();
  const Eigen::Index brightnessCellSide = side / kBrightnessGrid;
  const Eigen::Index chromaCellSide = side / kChromaGrid;
  // Cell of each row: divisions by a run-time cell side would cost more than everything else per pixel.
  std::vector<int> brightnessRow(static_cast<std::size_t>(side));
  std::vector<int> chromaRow(static_cast<std::size_t>(side));
  for (Eigen::Index y = 0; y < side; ++y) {
    brightnessRow[static_cast<std::size_t>(y)] = static_cast<int>(y / brightnessCellSide) * kBrightnessGrid;
    chromaRow[static_cast<std::size_t>(y)] = static_cast<int>(y / chromaCellSide) * kChromaGrid;
  }
  ColourSums sums;
  float* const hsv = sums.hsv.data();
  float* const weightedHue = sums.weightedHue.data();
  float* const brightness = sums.brightness.data();
  float* const redGreen = sums.redGreen.data();
  float* const yellowBlue = sums.yellowBlue.data();
  ColumnVotes votes(side);
  for (Eigen::Index x = 0; x < side; ++x) {
    votes.compute(&image.red(0, x), &image.green(0, x), &image.blue(0, x));
    const auto brightnessColumn = static_cast<int>(x / brightnessCellSide);
    const auto chromaColumn = static_cast<int>(x / chromaCellSide);
    for (std::size_t y = 0; y < static_cast<std::size_t>(side); ++y) {
      hsv[votes.hsvBin[y]] += 1.0f;
      const int hueBin = votes.hueBin[y];
      weightedHue[hueBin] += votes.lowerHueVote[y];
      weightedHue[hueBin + 1 == kWeightedHueBins ? 0 : hueBin + 1] += votes.upperHueVote[y];
      brightness[brightnessRow[y] + brightnessColumn] += votes.grey[y];
      const int chromaCell = chromaRow[y] + chromaColumn;
      redGreen[chromaCell] += votes.redGreen[y];
      yellowBlue[chromaCell] += votes.yellowBlue[y];
    }
  }
  const auto pixels = static_cast<float>(side * side);
  const auto perBrightnessCell = static_cast<float>(brightnessCellSide * brightnessCellSide);
  const auto perChromaCell = static_cast<float>(chromaCellSide * chromaCellSide);
  Eigen::VectorXf features(kColourFeatureCount);
  features << (sums.hsv / pixels).cwiseSqrt(), (sums.weightedHue / pixels).cwiseSqrt(),
      sums.brightness / perBrightnessCell, sums.redGreen / perChromaCell, sums.yellowBlue / perChromaCell;
  return features;
}

}  // namespace cvmock::trainer
