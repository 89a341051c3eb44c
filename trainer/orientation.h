// Turns stored pixels into displayed pixels for each of the eight EXIF orientations.
#pragma once

#include "trainer/decode.h"

namespace cvmock::trainer {

// True for the orientations (5..8) that display the image with width and height exchanged.
bool orientationSwapsSides(int orientation);

// The image as displayed under the EXIF orientation (1..8; any other value leaves it as stored).
RgbImage applyOrientation(const RgbImage& stored, int orientation);

}  // namespace cvmock::trainer
