// The per-feature centring and scaling a model learns from its training rows.
#pragma once

#include <Eigen/Core>

namespace cvmock::trainer {

struct Standardization {
  Eigen::VectorXf mean;   // n_features
  Eigen::VectorXf scale;  // n_features: 1 / standard deviation, 1 for (near-)constant features
};

// features: n_images x n_features; rowWeights: n_images, 1 for rows that count and 0 for rows to ignore.
// Accumulates in double, a block of rows at a time, so no copy of the whole matrix is made.
// Throws std::invalid_argument when the weights do not match the rows or sum to zero.
Standardization standardizationOf(const Eigen::MatrixXf& features, const Eigen::VectorXf& rowWeights);

}  // namespace cvmock::trainer
