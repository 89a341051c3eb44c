// Concatenates the shape, texture and colour descriptors of the working image into one feature vector.
#include "trainer/features.h"

#include <cmath>

#include "trainer/colour_features.h"
#include "trainer/gradient_features.h"
#include "trainer/preprocess.h"
#include "trainer/reduced_decode.h"
#include "trainer/texture_features.h"

namespace cvmock::trainer {

int featureDimension() { return kGradientFeatureCount + kTextureFeatureCount + kColourFeatureCount; }

FeatureVector extractFeatures(const RgbImage& image) { return workingImageFeatures(toWorkingImage(image)); }

FeatureVector workingImageFeatures(const WorkingImage& working) {
  const Eigen::ArrayXXf grey = working.grey();
  FeatureVector features(featureDimension());
  features << gradientFeatures(grey), textureFeatures(grey), colourFeatures(working);
  return features;
}

Eigen::VectorXf featureBlockWeights() {
  const int families[] = {kGradientGridFeatureCount, kOrientationBins, kTextureFeatureCount, kColourHistogramSize,
                          kWeightedHueBins, kBrightnessGrid * kBrightnessGrid, 2 * kChromaGrid * kChromaGrid};
  Eigen::VectorXf weights(featureDimension());
  Eigen::Index start = 0;
  for (const int size : families) {
    weights.segment(start, size).setConstant(1.0f / std::sqrt(static_cast<float>(size)));
    start += size;
  }
  return weights;
}

// Decoding at twice the working size (not less) keeps the resampling to it an average over several pixels.
FeatureVector featuresFromBytes(std::string_view bytes) {
  return extractFeatures(decodeForFeatures(bytes, 2 * kWorkingSize));
}

}  // namespace cvmock::trainer
