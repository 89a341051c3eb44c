// decodeForFeatures: a DCT-scaled decode for JPEG, decodeImage for everything else.
#include "trainer/reduced_decode.h"

#include "trainer/decode_jpeg.h"
#include "trainer/exif.h"
#include "trainer/orientation.h"

namespace cvmock::trainer {

RgbImage decodeForFeatures(std::string_view bytes, int minSide) {
  const ImageInfo info = probeImage(bytes);
  if (info.format != ImageFormat::Jpeg) return decodeImage(bytes);
  return applyOrientation(decodeJpeg(bytes, minSide), exifOrientation(bytes));
}

}  // namespace cvmock::trainer
