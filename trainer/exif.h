// Reads the EXIF orientation of a JPEG, the tag cameras use instead of rotating pixels.
#pragma once

#include <string_view>

namespace cvmock::trainer {

// The Orientation tag (0x0112) of IFD0 in the JPEG's APP1 Exif segment, 1..8.
// Returns 1 (as stored) when there is no Exif segment, no such tag, or the value is malformed.
int exifOrientation(std::string_view jpeg);

}  // namespace cvmock::trainer
