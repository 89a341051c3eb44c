// Box refinement: ridge regression from a proposal's features to the offsets that move it onto its object.
#pragma once

#include <Eigen/Core>

#include "trainer/detection/box.h"
#include "trainer/standardization.h"

namespace cvmock::trainer::detection {

// The offsets (R-CNN's parameterisation) from box `from` to box `to`: centre shifts in units of from's width
// and height, then the logs of the width and height ratios. Both boxes need an area.
Eigen::Vector4f offsetsBetween(const Box& from, const Box& to);

// The box the offsets move `from` to; offsetsBetween(a, applyOffsets(a, d)) == d up to rounding. Log ratios
// are clamped to +-1 (a box never grows or shrinks by more than e in one step).
Box applyOffsets(const Box& from, const Eigen::Vector4f& offsets);

// One linear map per class from standardised features to offsets.
struct BoxRegressor {
  Standardization standardization;  // n_features each
  Eigen::MatrixXf weights;          // n_features x (4 * n_classes): class c's offsets in columns 4c..4c+3
  Eigen::VectorXf bias;             // 4 * n_classes

  int classCount() const { return static_cast<int>(bias.size() / 4); }
  // features: n x n_features; returns n x (4 * n_classes).
  Eigen::MatrixXf predict(const Eigen::MatrixXf& features) const;
};

struct RegressionSamples {
  const Eigen::MatrixXf& features;  // n x n_features, raw
  const Eigen::MatrixXf& offsets;   // n x 4, the targets
  const Eigen::VectorXi& classes;   // n: the class a row teaches, or -1 for a row to leave out
  int classCount;
};

// Per class, minimises |X W + b - offsets|^2 + lambda |W|^2 over its rows, X being the features standardised
// with the statistics of all the rows taken, each multiplied by featureWeights (empty: ones). A class without
// rows keeps zero weights and bias (it leaves boxes as they are). Throws std::invalid_argument when the
// sizes disagree or no row is taken.
BoxRegressor fitBoxRegressor(const RegressionSamples& samples, double lambda, const Eigen::VectorXf& featureWeights);

}  // namespace cvmock::trainer::detection
