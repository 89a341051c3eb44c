// Prediction with a trained classifier: standardise, linear layer, then softmax or per-tag sigmoid.
#include "trainer/model.h"

#include <stdexcept>
#include <utility>

namespace cvmock::trainer {

Model::Model(ClassificationType type, Eigen::VectorXf mean, Eigen::VectorXf scale, Eigen::MatrixXf weights,
             Eigen::VectorXf bias)
    : type_(type), mean_(std::move(mean)), scale_(std::move(scale)), weights_(std::move(weights)), bias_(std::move(bias)) {
  if (scale_.size() != mean_.size() || weights_.rows() != mean_.size() || weights_.cols() != bias_.size()) {
    throw std::invalid_argument("model parts have inconsistent sizes");
  }
}

Eigen::VectorXf Model::predict(const FeatureVector& features) const {
  return predictBatch(features.transpose()).transpose();
}

Eigen::MatrixXf Model::predictBatch(const Eigen::MatrixXf& features) const {
  if (features.cols() != featureCount()) throw std::invalid_argument("feature count does not match the model");
  // ((x - mean) .* scale) W + b, folded into x (scale .* W) + (b - mean^T (scale .* W)) so that the
  // features are never copied.
  const Eigen::MatrixXf scaledWeights = scale_.asDiagonal() * weights_;
  const Eigen::RowVectorXf offset = bias_.transpose() - mean_.transpose() * scaledWeights;
  Eigen::ArrayXXf logits = (features * scaledWeights).rowwise() + offset;
  if (type_ == ClassificationType::Multilabel) return (1.0f + (-logits).exp()).inverse().matrix();
  // Softmax, shifted by each row's maximum so that exp never overflows.
  logits.colwise() -= logits.rowwise().maxCoeff();
  const Eigen::ArrayXXf exponentials = logits.exp();
  return (exponentials.colwise() / exponentials.rowwise().sum()).matrix();
}

}  // namespace cvmock::trainer
