// The per-feature centring and scaling a model learns from its training rows.
#include "trainer/standardization.h"

#include <algorithm>
#include <stdexcept>

namespace cvmock::trainer {
namespace {

constexpr Eigen::Index kBlockRows = 1024;
// Below this deviation a feature is treated as constant: dividing by float rounding noise would
// turn it into a large random input.
constexpr double kConstantDeviation = 1e-6;

// Calls accumulate(rows, weights) for consecutive blocks of rows, converted to double.
template <typename Accumulate>
void forEachBlock(const Eigen::MatrixXf& features, const Eigen::VectorXf& rowWeights, Accumulate accumulate) {
  for (Eigen::Index start = 0; start < features.rows(); start += kBlockRows) {
    const Eigen::Index count = std::min(kBlockRows, features.rows() - start);
    accumulate(features.middleRows(start, count).cast<double>().eval(),
               rowWeights.segment(start, count).cast<double>().eval());
  }
}

}  // namespace

Standardization standardizationOf(const Eigen::MatrixXf& features, const Eigen::VectorXf& rowWeights) {
  if (rowWeights.size() != features.rows()) throw std::invalid_argument("one weight per row is required");
  const double total = rowWeights.cast<double>().sum();
  if (total <= 0) throw std::invalid_argument("no rows to standardise on");
  Eigen::VectorXd sum = Eigen::VectorXd::Zero(features.cols());
  forEachBlock(features, rowWeights, [&](const Eigen::MatrixXd& rows, const Eigen::VectorXd& weights) {
    sum += rows.transpose() * weights;
  });
  const Eigen::VectorXd mean = sum / total;
  Eigen::VectorXd squares = Eigen::VectorXd::Zero(features.cols());
  forEachBlock(features, rowWeights, [&](const Eigen::MatrixXd& rows, const Eigen::VectorXd& weights) {
    squares += (rows.rowwise() - mean.transpose()).array().square().matrix().transpose() * weights;
  });
  const Eigen::ArrayXd deviation = (squares / total).array().sqrt();
  const Eigen::ArrayXd scale = (deviation > kConstantDeviation).select(deviation.inverse(), 1.0);
  return Standardization{mean.cast<float>(), scale.cast<float>().matrix()};
}

}  // namespace cvmock::trainer
