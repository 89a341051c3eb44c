// The classifier's features of one box of a scene: the box with some context, as an image of its own.
#pragma once

#include "trainer/detection/box.h"
#include "trainer/detection/scene.h"
#include "trainer/features.h"

namespace cvmock::trainer::detection {

// Context kept around a box on each side, as a fraction of the box's width and height: the object's outline
// then lies inside the crop, so the features see where it ends.
inline constexpr float kCropContext = 0.1f;

// featureDimension() features (trainer/features.h) of the box widened by kCropContext, resampled to the
// working size from the pyramid level nearest above it. The box need not lie inside the image (the edge
// repeats). Throws std::invalid_argument for a box without area.
FeatureVector cropFeatures(const Scene& scene, const Box& box);

}  // namespace cvmock::trainer::detection
