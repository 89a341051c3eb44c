// Brings every image to the one square working size the feature extractors expect.
#pragma once

#include <Eigen/Core>

#include "trainer/decode.h"

namespace cvmock::trainer {

// Side of the square working image. 64 keeps 8 x 8 gradient cells of 8 px while extraction stays far below 1 ms.
inline constexpr int kWorkingSize = 64;

// Colour planes of the working image, each kWorkingSize x kWorkingSize (row = y), values in [0, 1].
struct WorkingImage {
  Eigen::ArrayXXf red;
  Eigen::ArrayXXf green;
  Eigen::ArrayXXf blue;

  // Luma (ITU-R BT.601 weights), the plane shape and texture are measured on.
  Eigen::ArrayXXf grey() const { return 0.299f * red + 0.587f * green + 0.114f * blue; }
};

// Stretches the whole image to kWorkingSize x kWorkingSize, ignoring its aspect ratio: nothing is cropped
// away, as the service classifies the whole picture, and the distortion is the same for training and prediction.
// Resampling is separable with a tent filter: area-like averaging when shrinking, linear interpolation when
// enlarging.
// Throws std::invalid_argument for an empty image or one whose pixel buffer does not match its size.
WorkingImage toWorkingImage(const RgbImage& image);

}  // namespace cvmock::trainer
