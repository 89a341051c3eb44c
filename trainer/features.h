// Turns a decoded image into the fixed-length feature vector every model is trained on.
#pragma once

#include <string_view>

#include <Eigen/Core>

#include "trainer/decode.h"
#include "trainer/preprocess.h"

namespace cvmock::trainer {

// One image's features: featureDimension() floats, not yet standardised
// (the model standardises with statistics from its own training set).
using FeatureVector = Eigen::VectorXf;

// The length of every FeatureVector; fixed for a build, so stored features stay valid.
int featureDimension();

// Shape, texture and colour descriptors of the image after resizing to the working size.
FeatureVector extractFeatures(const RgbImage& image);

// The same descriptors of an image already at the working size (what a detector's crops are).
FeatureVector workingImageFeatures(const WorkingImage& working);

// featureDimension() weights, one per feature: 1 / sqrt(size of its descriptor family), so that after
// standardisation each family (the 576 grid gradient bins as much as the 16 hue bins) carries the same
// total variance. Without it the many position-bound gradient bins drown the few colour bins when a
// tag has only a handful of images.
Eigen::VectorXf featureBlockWeights();

// decodeForFeatures + extractFeatures: the one path from bytes to features, for training and prediction alike.
// Throws DecodeError.
FeatureVector featuresFromBytes(std::string_view bytes);

}  // namespace cvmock::trainer
