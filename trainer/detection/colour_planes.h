// An RGB image as three float planes, the form detection resamples, segments and crops.
#pragma once

#include <Eigen/Core>

namespace cvmock::trainer::detection {

// Each plane height x width (row = y, column = x, so a column of pixels is contiguous), values in [0, 1].
struct ColourPlanes {
  Eigen::ArrayXXf red;
  Eigen::ArrayXXf green;
  Eigen::ArrayXXf blue;

  int width() const { return static_cast<int>(red.cols()); }
  int height() const { return static_cast<int>(red.rows()); }
};

}  // namespace cvmock::trainer::detection
