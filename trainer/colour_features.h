// Colour descriptors: hue histograms and a coarse spatial layout of brightness and colour.
#pragma once

#include <Eigen/Core>

#include "trainer/preprocess.h"

namespace cvmock::trainer {

inline constexpr int kHueBins = 8;
inline constexpr int kSaturationBins = 3;
inline constexpr int kValueBins = 3;
inline constexpr int kColourHistogramSize = kHueBins * kSaturationBins * kValueBins;
inline constexpr int kBrightnessGrid = 8;  // mean brightness per cell: a thumbnail
inline constexpr int kChromaGrid = 4;      // mean of the two opponent colour channels per cell
inline constexpr int kWeightedHueBins = 16;  // hue weighted by chroma: what colour the coloured things are
inline constexpr int kColourFeatureCount = kColourHistogramSize + kWeightedHueBins + kBrightnessGrid * kBrightnessGrid +
                                           2 * kChromaGrid * kChromaGrid;

// image: the working image (side a multiple of kBrightnessGrid).
// Returns the square roots of the joint HSV histogram's shares (the Hellinger map, so a linear model
// compares distributions sensibly), then the same map of a hue histogram in which each pixel votes
// with its chroma squared (grey and pale backgrounds, whose hue is noise, barely vote), then the brightness thumbnail,
// then the opponent-colour layout.
Eigen::VectorXf colourFeatures(const WorkingImage& image);

}  // namespace cvmock::trainer
