// Fits a Model: softmax regression (Multiclass) or one logistic regression per tag (Multilabel).
#pragma once

#include <Eigen/Core>

#include "trainer/model.h"

namespace cvmock::trainer {

struct FitProblem {
  const Eigen::MatrixXf& features;  // n_images x n_features, raw: the fit standardises them itself
  const Eigen::MatrixXf& targets;   // n_images x n_tags: Multiclass rows are distributions, Multilabel 0 or 1
  ClassificationType type;
  double l2;  // penalty l2 / 2 * |W|^2 on the weights of standardised features; the bias is free
  // n_features, or empty for all ones: multiplies each standardised feature, so that a family of many
  // features can be given no more say under the penalty than a family of few.
  const Eigen::VectorXf& featureWeights;
};

struct FitResult {
  Model model;
  Eigen::VectorXd parameters;  // [W column by column, b]: a starting point for a fit on similar rows
};

// Minimises the mean cross-entropy over the rows with weight 1 (rows with weight 0 are ignored, so a
// subset is fitted without copying the matrix) plus the penalty, by L-BFGS from start (zeros when empty).
// The mean and scale of the model are those of the weighted rows.
FitResult fitLinearModel(const FitProblem& problem, const Eigen::VectorXf& rowWeights,
                         const Eigen::VectorXd& start = {});

}  // namespace cvmock::trainer
