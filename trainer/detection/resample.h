// Area resampling of a rectangle of colour planes to a given size: whole-image resizes and crops alike.
#pragma once

#include "trainer/decode.h"
#include "trainer/detection/colour_planes.h"

namespace cvmock::trainer::detection {

// A rectangle in pixel units of a source image (fractional edges allowed; it may reach past the image).
struct PixelRect {
  float left = 0;
  float top = 0;
  float width = 0;
  float height = 0;
};

// Each output pixel is the mean of the source area under it, widened to at least one source pixel about its
// centre: exact area averaging when shrinking, linear interpolation when enlarging. Source pixels past the
// edge repeat the edge. Throws std::invalid_argument for an empty source or output, or a rect without area.
ColourPlanes resampleRect(const ColourPlanes& source, const PixelRect& rect, int outputWidth, int outputHeight);

// The same from 8-bit RGB pixels (trainer/decode.h), over the whole image.
ColourPlanes resampleImage(const RgbImage& source, int outputWidth, int outputHeight);

}  // namespace cvmock::trainer::detection
