// Shape descriptors: histograms of gradient orientation over a spatial grid (HOG-like) and over the whole image.
#pragma once

#include <Eigen/Core>

namespace cvmock::trainer {

inline constexpr int kOrientationBins = 9;  // unsigned orientation, 20 degrees each
inline constexpr int kGradientGrid = 8;     // cells per side
inline constexpr int kGradientGridFeatureCount = kGradientGrid * kGradientGrid * kOrientationBins;
inline constexpr int kGradientFeatureCount = kGradientGridFeatureCount + kOrientationBins;

// grey: a square plane whose side is a multiple of kGradientGrid.
// Returns, cell by cell in row-major order, each cell's orientation histogram (magnitude-weighted, linearly
// split between the two nearest bins) divided by the gradient energy of its 3 x 3 cell neighbourhood, which
// makes it insensitive to local contrast; then the whole-image histogram summed over cells, divided by its
// total, which is insensitive to where the object sits.
Eigen::VectorXf gradientFeatures(const Eigen::ArrayXXf& grey);

}  // namespace cvmock::trainer
