// The whole training run of an iteration: holdout split, fit, evaluation, final fit on everything.
#include "trainer/training.h"

#include <stdexcept>

#include "trainer/holdout.h"
#include "trainer/linear_fit.h"

namespace cvmock::trainer {
namespace {

void requireTrainable(const TrainingData& data, const TrainingOptions& options) {
  const auto imageCount = static_cast<Eigen::Index>(data.labels.size());
  if (imageCount < 2) throw std::invalid_argument("training needs at least 2 images");
  if (data.tagCount < 1) throw std::invalid_argument("training needs at least 1 tag");
  if (data.features.rows() != imageCount) throw std::invalid_argument("one feature row per image is required");
  if (data.features.cols() < 1) throw std::invalid_argument("features are empty");
  if (!data.features.allFinite()) throw std::invalid_argument("features hold a non-finite number");
  if (!(options.holdoutFraction >= 0 && options.holdoutFraction < 1)) {
    throw std::invalid_argument("holdout fraction must be in [0, 1)");
  }
  if (!(options.l2 >= 0)) throw std::invalid_argument("l2 must not be negative");
  for (const auto& tags : data.labels) {
    if (options.type == ClassificationType::Multiclass && tags.empty()) {
      throw std::invalid_argument("every Multiclass image needs a tag");
    }
    for (const int tag : tags) {
      if (tag < 0 || tag >= data.tagCount) throw std::invalid_argument("tag index out of range");
    }
  }
}

// n_images x n_tags. Multiclass: an image with several tags spreads its one unit of probability evenly
// over them; Multilabel: 1 for each tag the image carries.
Eigen::MatrixXf targetsOf(const TrainingData& data, ClassificationType type) {
  Eigen::MatrixXf targets = Eigen::MatrixXf::Zero(static_cast<Eigen::Index>(data.labels.size()), data.tagCount);
  for (std::size_t image = 0; image < data.labels.size(); ++image) {
    for (const int tag : data.labels[image]) targets(image, tag) = 1.0f;
  }
  if (type == ClassificationType::Multiclass) targets.array().colwise() /= targets.array().rowwise().sum();
  return targets;
}

}  // namespace

TrainingResult train(const TrainingData& data, const TrainingOptions& options) {
  requireTrainable(data, options);
  const Eigen::MatrixXf targets = targetsOf(data, options.type);
  TrainingResult result;
  result.holdout = holdoutSplit(data.labels, data.tagCount, options.holdoutFraction, options.seed);

  const FitProblem problem{data.features, targets, options.type, options.l2, options.featureWeights};
  Eigen::VectorXf trainingRows = Eigen::VectorXf::Ones(data.features.rows());
  trainingRows(result.holdout).setZero();
  const FitResult heldOutFit = fitLinearModel(problem, trainingRows);
  result.holdoutProbabilities = heldOutFit.model.predictBatch(data.features(result.holdout, Eigen::all));

  // The final fit starts where the held-out fit ended: the two problems differ by a fifth of the rows,
  // so it converges in a fraction of the iterations a start from zero needs.
  result.model = fitLinearModel(problem, Eigen::VectorXf::Ones(data.features.rows()), heldOutFit.parameters).model;
  return result;
}

}  // namespace cvmock::trainer
