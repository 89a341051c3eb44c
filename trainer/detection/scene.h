// An image prepared for detection: decoded once, at a fixed size, with the coarser levels crops are taken from.
#pragma once

#include <string_view>
#include <vector>

#include "trainer/detection/colour_planes.h"

namespace cvmock::trainer::detection {

// Long side of level 0. Objects down to about a twentieth of the image keep 16 px, enough for their features.
inline constexpr int kSceneSide = 320;
inline constexpr int kSceneLevels = 3;  // long sides 320, 160 and 80

// The image (as displayed: EXIF orientation applied), its aspect ratio kept, resampled so that level l's long
// side is kSceneSide >> l. Normalised coordinates map to level l by x * width, y * height.
struct Scene {
  std::vector<ColourPlanes> levels;
};

// Throws DecodeError (trainer/decode.h) as decodeImage does.
Scene decodeScene(std::string_view imageBytes);

}  // namespace cvmock::trainer::detection
