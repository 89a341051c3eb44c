// Decodes JPEG, PNG, BMP and GIF bytes with stb_image after checking the format and size from the header.
#include "trainer/decode.h"

#include <climits>
#include <memory>
#include <string>
#include <utility>

#include <stb_image.h>

#include "trainer/exif.h"
#include "trainer/image_header.h"
#include "trainer/orientation.h"

namespace cvmock::trainer {
namespace {

const stbi_uc* data(std::string_view bytes) { return reinterpret_cast<const stbi_uc*>(bytes.data()); }

[[noreturn]] void refuseFormat(const std::string& why) { throw DecodeError(DecodeFailure::Format, why); }

struct StbFree {
  void operator()(stbi_uc* pixels) const { stbi_image_free(pixels); }
};

}  // namespace

DecodeError::DecodeError(DecodeFailure failure, const std::string& message)
    : std::runtime_error(message), failure_(failure) {}

ImageInfo probeImage(std::string_view bytes) {
  const auto stored = readStoredSize(bytes);
  if (!stored) refuseFormat("not a JPEG, PNG, BMP or GIF image");
  if (stored->width <= 0 || stored->height <= 0 || stored->width > kMaxImageSide || stored->height > kMaxImageSide) {
    throw DecodeError(DecodeFailure::Dimensions, "image sides must be between 1 and " +
                                                     std::to_string(kMaxImageSide) + " pixels");
  }
  if (stored->width * stored->height > kMaxImagePixels) {
    throw DecodeError(DecodeFailure::Dimensions,
                      "images are limited to " + std::to_string(kMaxImagePixels) + " pixels");
  }
  int width = 0;
  int height = 0;
  int channels = 0;
  if (bytes.size() > INT_MAX || !stbi_info_from_memory(data(bytes), static_cast<int>(bytes.size()), &width, &height,
                                                       &channels)) {
    refuseFormat("unreadable image header");
  }
  if (width != stored->width || height != stored->height) refuseFormat("inconsistent image header");
  if (stored->format == ImageFormat::Jpeg && orientationSwapsSides(exifOrientation(bytes))) std::swap(width, height);
  return ImageInfo{stored->format, width, height};
}

RgbImage decodeImage(std::string_view bytes) {
  const ImageInfo info = probeImage(bytes);
  int width = 0;
  int height = 0;
  int channels = 0;
  const std::unique_ptr<stbi_uc, StbFree> pixels(
      stbi_load_from_memory(data(bytes), static_cast<int>(bytes.size()), &width, &height, &channels, 3));
  if (!pixels) refuseFormat("truncated or corrupt image data");
  RgbImage image;
  image.width = width;
  image.height = height;
  image.pixels.assign(pixels.get(), pixels.get() + std::size_t{3} * width * height);
  if (info.format != ImageFormat::Jpeg) return image;
  return applyOrientation(image, exifOrientation(bytes));
}

}  // namespace cvmock::trainer
