// decodeForFeatures: libjpeg-turbo's scaled decode for JPEG, stb_image for everything else.
#include "trainer/reduced_decode.h"

#include <memory>

#include <turbojpeg.h>

#include "trainer/exif.h"
#include "trainer/orientation.h"

namespace cvmock::trainer {
namespace {

struct TurboHandleFree {
  void operator()(void* handle) const { tjDestroy(handle); }
};

// One decompressor per thread: creating one costs more than decoding a small JPEG.
tjhandle threadDecompressor() {
  thread_local const std::unique_ptr<void, TurboHandleFree> handle(tjInitDecompress());
  if (!handle) throw DecodeError(DecodeFailure::Format, "cannot create a JPEG decoder");
  return handle.get();
}

// The smallest libjpeg-turbo scale at which both sides stay at least minSide.
tjscalingfactor chooseScale(int width, int height, int minSide) {
  int count = 0;
  const tjscalingfactor* factors = tjGetScalingFactors(&count);
  tjscalingfactor best{1, 1};
  for (int i = 0; i < count; ++i) {
    const tjscalingfactor f = factors[i];
    if (f.num > f.denom) continue;  // enlarging helps nothing
    const bool bigEnough = TJSCALED(width, f) >= minSide && TJSCALED(height, f) >= minSide;
    if (bigEnough && f.num * best.denom < best.num * f.denom) best = f;
  }
  return best;
}

}  // namespace

RgbImage decodeForFeatures(std::string_view bytes, int minSide) {
  const ImageInfo info = probeImage(bytes);
  if (info.format != ImageFormat::Jpeg) return decodeImage(bytes);
  const auto* data = reinterpret_cast<const unsigned char*>(bytes.data());
  const auto size = static_cast<unsigned long>(bytes.size());
  tjhandle decompressor = threadDecompressor();
  int width = 0, height = 0, subsampling = 0, colourspace = 0;
  if (tjDecompressHeader3(decompressor, data, size, &width, &height, &subsampling, &colourspace) != 0) {
    throw DecodeError(DecodeFailure::Format, "unreadable JPEG header");
  }
  const tjscalingfactor scale = chooseScale(width, height, minSide);
  RgbImage image;
  image.width = TJSCALED(width, scale);
  image.height = TJSCALED(height, scale);
  image.pixels.resize(std::size_t{3} * image.width * image.height);
  // Warnings (a truncated scan, stray bytes) still give a picture, as stb_image does; only fatal errors refuse.
  if (tjDecompress2(decompressor, data, size, image.pixels.data(), image.width, 0, image.height, TJPF_RGB, 0) != 0 &&
      tjGetErrorCode(decompressor) == TJERR_FATAL) {
    throw DecodeError(DecodeFailure::Format, "corrupt JPEG data");
  }
  return applyOrientation(image, exifOrientation(bytes));
}

}  // namespace cvmock::trainer
