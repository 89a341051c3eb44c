// The whole training run of an iteration: holdout split, fit, evaluation, final fit on everything.
#pragma once

#include <cstdint>
#include <vector>

#include <Eigen/Core>

#include "trainer/model.h"

namespace cvmock::trainer {

struct TrainingData {
  Eigen::MatrixXf features;              // n_images x featureDimension()
  std::vector<std::vector<int>> labels;  // per image, its tag indices in [0, tagCount)
  int tagCount = 0;
};

struct TrainingOptions {
  ClassificationType type = ClassificationType::Multiclass;
  double holdoutFraction = 0.2;  // per tag; at least one image of each tag is held out
  std::uint64_t seed = 0;        // same data + same seed -> same split, model and numbers
  double l2 = 1e-4;              // L2 penalty on the weights (tuned on Fashion-MNIST and the fixtures; trainer/ACCURACY.md)
  // Per feature, or empty for all ones: scales each standardised feature (see featureBlockWeights()).
  Eigen::VectorXf featureWeights;
};

struct TrainingResult {
  Model model;                           // fitted on all images: what gets published
  std::vector<int> holdout;              // row indices of TrainingData held out for evaluation
  Eigen::MatrixXf holdoutProbabilities;  // holdout.size() x tagCount, from a model fitted without them
};

// Throws std::invalid_argument when the data cannot be trained (fewer than 2 images, labels out of range).
TrainingResult train(const TrainingData& data, const TrainingOptions& options);

}  // namespace cvmock::trainer
