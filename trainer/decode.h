// Decodes training and prediction images from bytes: format and size are checked before any pixel is decoded.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace cvmock::trainer {

enum class ImageFormat { Jpeg, Png, Bmp, Gif };

// Why an image was refused. The server maps Format to BadRequestImageFormat and
// Dimensions to BadRequestImageDimensions, as the real service does.
enum class DecodeFailure { Format, Dimensions };

class DecodeError : public std::runtime_error {
 public:
  DecodeError(DecodeFailure failure, const std::string& message);
  DecodeFailure failure() const { return failure_; }

 private:
  DecodeFailure failure_;
};

// The real service accepts sides up to 10,240 px, and aspect ratios up to 25:1.
inline constexpr int kMaxImageSide = 10240;
inline constexpr int kMaxAspectRatio = 25;

// Decoding needs 3 bytes a pixel plus stb_image's work buffers (about as much again for PNG), so a small
// compressed file of 10,240 x 10,240 px (a decompression bomb) would take over 600 MB per request. 40 million
// pixels (120 MB as RGB) covers every camera of up to 40 megapixels; larger images are refused as Dimensions.
inline constexpr std::int64_t kMaxImagePixels = 40'000'000;

struct ImageInfo {
  ImageFormat format;
  int width;   // as displayed, i.e. after EXIF orientation
  int height;
};

// Reads the header only. Throws DecodeError for data that is not a JPEG, PNG, BMP or GIF (Format), and for a
// zero-size image, a side over kMaxImageSide, more than kMaxImagePixels, or a long side more than kMaxAspectRatio
// times the short one (Dimensions).
ImageInfo probeImage(std::string_view bytes);

// Pixels, row-major, 3 bytes (R, G, B) each.
struct RgbImage {
  int width = 0;
  int height = 0;
  std::vector<std::uint8_t> pixels;
};

// Probes, then decodes to RGB (first frame of a GIF), applying the EXIF orientation of a JPEG.
// Throws DecodeError as probeImage does, and with Format when the data is corrupt or truncated. Truncated means
// that the data ends before the pixels are all there: inside a JPEG scan (or before the EOI of a progressive or
// multi-scan JPEG, whose later scans refine every pixel), a PNG's image data, a BMP's pixel array or the data of a
// GIF's first image. What follows the pixels may be missing: a single-scan JPEG's EOI, a PNG's IEND, a GIF's later
// frames and trailer. See decode_jpeg.h for the JPEG warnings that are harmless.
RgbImage decodeImage(std::string_view bytes);

}  // namespace cvmock::trainer
