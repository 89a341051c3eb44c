// Whether a PNG, BMP or GIF file holds its whole image: stb_image reads zeros past the end of the data, so a file
// cut short would otherwise decode with made-up pixels.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace cvmock::trainer {

// True when the BMP holds every padded row of its pixel array from the header's pixel offset on, or is
// compressed (run-length), which stb_image refuses anyway.
bool bmpHoldsPixels(std::string_view bmp);

// True when the GIF holds its first image whole: its data sub-blocks up to their terminator. Later frames and the
// trailer may be missing, as only the first frame is decoded.
bool gifHoldsFirstImage(std::string_view gif);

// stb_image needs the IEND chunk, which holds no pixel. For a PNG without one: its whole chunks followed by an IEND
// chunk, so that stb_image decides from the image data alone (it refuses a zlib stream that ends early). nullopt
// when the PNG has its IEND.
std::optional<std::string> pngWithEnd(std::string_view png);

}  // namespace cvmock::trainer
