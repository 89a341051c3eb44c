// Box refinement: R-CNN offsets between boxes, and a ridge regression per class from features to offsets.
#include "trainer/detection/box_regression.h"

#include <Eigen/Cholesky>
#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace cvmock::trainer::detection {
namespace {

constexpr float kMaxLogScale = 1.0f;

}  // namespace

Eigen::Vector4f offsetsBetween(const Box& from, const Box& to) {
  const float fromX = from.left + from.width / 2;
  const float fromY = from.top + from.height / 2;
  const float toX = to.left + to.width / 2;
  const float toY = to.top + to.height / 2;
  return {(toX - fromX) / from.width, (toY - fromY) / from.height, std::log(to.width / from.width),
          std::log(to.height / from.height)};
}

Box applyOffsets(const Box& from, const Eigen::Vector4f& offsets) {
  const float centreX = from.left + from.width / 2 + offsets(0) * from.width;
  const float centreY = from.top + from.height / 2 + offsets(1) * from.height;
  const float width = from.width * std::exp(std::clamp(offsets(2), -kMaxLogScale, kMaxLogScale));
  const float height = from.height * std::exp(std::clamp(offsets(3), -kMaxLogScale, kMaxLogScale));
  return {centreX - width / 2, centreY - height / 2, width, height};
}

Eigen::MatrixXf BoxRegressor::predict(const Eigen::MatrixXf& features) const {
  const Eigen::MatrixXf scaledWeights = standardization.scale.asDiagonal() * weights;
  const Eigen::RowVectorXf offset = bias.transpose() - standardization.mean.transpose() * scaledWeights;
  return (features * scaledWeights).rowwise() + offset;
}

BoxRegressor fitBoxRegressor(const RegressionSamples& samples, double lambda, const Eigen::VectorXf& featureWeights) {
  const Eigen::Index rows = samples.features.rows();
  const Eigen::Index featureCount = samples.features.cols();
  if (samples.offsets.rows() != rows || samples.offsets.cols() != 4 || samples.classes.size() != rows) {
    throw std::invalid_argument("one offset row and one class per feature row are required");
  }
  const Eigen::VectorXf taken = (samples.classes.array() >= 0).cast<float>();
  BoxRegressor regressor;
  regressor.standardization = standardizationOf(samples.features, taken);
  if (featureWeights.size() > 0) regressor.standardization.scale.array() *= featureWeights.array();
  regressor.weights = Eigen::MatrixXf::Zero(featureCount, 4 * samples.classCount);
  regressor.bias = Eigen::VectorXf::Zero(4 * samples.classCount);
  for (int c = 0; c < samples.classCount; ++c) {
    std::vector<Eigen::Index> mine;
    for (Eigen::Index r = 0; r < rows; ++r) {
      if (samples.classes(r) == c) mine.push_back(r);
    }
    if (mine.empty()) continue;
    // Centred, so the free bias is the mean offset and the penalty only shrinks the slopes. The products run
    // in float (standardised, centred values are small); the solve in double.
    Eigen::MatrixXf x =
        (samples.features(mine, Eigen::all).rowwise() - regressor.standardization.mean.transpose()).array().rowwise() *
        regressor.standardization.scale.transpose().array();
    Eigen::MatrixXf y = samples.offsets(mine, Eigen::all);
    const Eigen::RowVectorXf xMean = x.colwise().mean();
    const Eigen::RowVectorXf yMean = y.colwise().mean();
    x.rowwise() -= xMean;
    y.rowwise() -= yMean;
    Eigen::MatrixXd gram = (x.transpose() * x).cast<double>();
    gram.diagonal().array() += lambda;
    const Eigen::MatrixXf w = gram.llt().solve((x.transpose() * y).cast<double>()).cast<float>();
    regressor.weights.middleCols(4 * c, 4) = w;
    regressor.bias.segment(4 * c, 4) = (yMean - xMean * w).transpose();
  }
  return regressor;
}

}  // namespace cvmock::trainer::detection
