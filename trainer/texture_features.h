// Texture descriptors: histograms of rotation-invariant uniform local binary patterns.
#pragma once

#include <Eigen/Core>

namespace cvmock::trainer {

// Patterns of the 8 neighbours at distance 1: "k neighbours at least as bright, in one run" (k = 0..8), or "other".
inline constexpr int kTexturePatterns = 10;
// One histogram for the whole image, then one per quadrant.
inline constexpr int kTextureFeatureCount = kTexturePatterns * 5;

// grey: a plane with an even side. Each histogram sums to 1.
Eigen::VectorXf textureFeatures(const Eigen::ArrayXXf& grey);

}  // namespace cvmock::trainer
