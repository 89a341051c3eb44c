// Turns a decoded image into the fixed-length feature vector every model is trained on.
#pragma once

#include <string_view>

#include <Eigen/Core>

#include "trainer/decode.h"

namespace cvmock::trainer {

// One image's features: featureDimension() floats, not yet standardised
// (the model standardises with statistics from its own training set).
using FeatureVector = Eigen::VectorXf;

// The length of every FeatureVector; fixed for a build, so stored features stay valid.
int featureDimension();

// Shape, texture and colour descriptors of the image after resizing to the working size.
FeatureVector extractFeatures(const RgbImage& image);

// decodeImage + extractFeatures. Throws DecodeError.
FeatureVector featuresFromBytes(std::string_view bytes);

}  // namespace cvmock::trainer
