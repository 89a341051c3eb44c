// Decodes an image for feature extraction: no larger than the features need, as fast as its format allows.
#pragma once

#include <string_view>

#include "trainer/decode.h"

namespace cvmock::trainer {

// decodeImage's checks, errors and EXIF orientation, but a JPEG is decoded with libjpeg-turbo's DCT scaling,
// at the smallest of its scales (1/8 to 1) that keeps both sides at least minSide (full size when the image is
// already smaller). The picture is the same, shrunk by up to 8x: a caller that resamples to a working size no
// larger than minSide sees what it would have seen from the full-size decode. Other formats decode at full size.
RgbImage decodeForFeatures(std::string_view bytes, int minSide);

}  // namespace cvmock::trainer
