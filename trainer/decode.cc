// Checks format and size from the header, then decodes: JPEG with libjpeg-turbo, PNG, BMP and GIF with stb_image.
#include "trainer/decode.h"

#include <algorithm>
#include <climits>
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include <stb_image.h>

#include "trainer/decode_jpeg.h"
#include "trainer/decode_whole.h"
#include "trainer/exif.h"
#include "trainer/image_header.h"
#include "trainer/orientation.h"

namespace cvmock::trainer {
namespace {

const stbi_uc* data(std::string_view bytes) { return reinterpret_cast<const stbi_uc*>(bytes.data()); }

[[noreturn]] void refuse(DecodeFailure failure, const std::string& why) { throw DecodeError(failure, why); }

struct StbFree {
  void operator()(stbi_uc* pixels) const { stbi_image_free(pixels); }
};

// PNG, BMP or GIF pixels from stb_image, once the file is known to hold them all.
RgbImage decodeWithStb(ImageFormat format, std::string_view bytes) {
  std::optional<std::string> closedPng;
  if (format == ImageFormat::Png) closedPng = pngWithEnd(bytes);
  if (closedPng) bytes = *closedPng;
  if ((format == ImageFormat::Bmp && !bmpHoldsPixels(bytes)) ||
      (format == ImageFormat::Gif && !gifHoldsFirstImage(bytes))) {
    refuse(DecodeFailure::Format, "truncated image data");
  }
  int width = 0;
  int height = 0;
  int channels = 0;
  const std::unique_ptr<stbi_uc, StbFree> pixels(
      stbi_load_from_memory(data(bytes), static_cast<int>(bytes.size()), &width, &height, &channels, 3));
  if (!pixels) refuse(DecodeFailure::Format, "truncated or corrupt image data");
  RgbImage image;
  image.width = width;
  image.height = height;
  image.pixels.assign(pixels.get(), pixels.get() + std::size_t{3} * width * height);
  return image;
}

}  // namespace

DecodeError::DecodeError(DecodeFailure failure, const std::string& message)
    : std::runtime_error(message), failure_(failure) {}

ImageInfo probeImage(std::string_view bytes) {
  const auto stored = readStoredSize(bytes);
  if (!stored) refuse(DecodeFailure::Format, "not a JPEG, PNG, BMP or GIF image");
  if (stored->width <= 0 || stored->height <= 0 || stored->width > kMaxImageSide || stored->height > kMaxImageSide) {
    refuse(DecodeFailure::Dimensions, "image sides must be between 1 and " + std::to_string(kMaxImageSide) + " pixels");
  }
  if (stored->width * stored->height > kMaxImagePixels) {
    refuse(DecodeFailure::Dimensions, "images are limited to " + std::to_string(kMaxImagePixels) + " pixels");
  }
  if (std::max(stored->width, stored->height) > kMaxAspectRatio * std::min(stored->width, stored->height)) {
    refuse(DecodeFailure::Dimensions, "aspect ratios are limited to " + std::to_string(kMaxAspectRatio) + ":1");
  }
  int width = 0;
  int height = 0;
  int channels = 0;
  if (bytes.size() > INT_MAX || !stbi_info_from_memory(data(bytes), static_cast<int>(bytes.size()), &width, &height,
                                                       &channels)) {
    refuse(DecodeFailure::Format, "unreadable image header");
  }
  if (width != stored->width || height != stored->height) refuse(DecodeFailure::Format, "inconsistent image header");
  if (stored->format == ImageFormat::Jpeg && orientationSwapsSides(exifOrientation(bytes))) std::swap(width, height);
  return ImageInfo{stored->format, width, height};
}

RgbImage decodeImage(std::string_view bytes) {
  const ImageInfo info = probeImage(bytes);
  if (info.format != ImageFormat::Jpeg) return decodeWithStb(info.format, bytes);
  return applyOrientation(decodeJpeg(bytes, kMaxImageSide), exifOrientation(bytes));
}

}  // namespace cvmock::trainer
