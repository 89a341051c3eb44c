// Decodes an image for detection: reduced-size decode, then each pyramid level resampled from it.
#include "trainer/detection/scene.h"

#include <algorithm>
#include <cmath>

#include "trainer/detection/resample.h"
#include "trainer/reduced_decode.h"

namespace cvmock::trainer::detection {

Scene decodeScene(std::string_view imageBytes) {
  const ImageInfo info = probeImage(imageBytes);
  const float scale = static_cast<float>(kSceneSide) / static_cast<float>(std::max(info.width, info.height));
  const int width = std::max(1, static_cast<int>(std::lround(static_cast<float>(info.width) * scale)));
  const int height = std::max(1, static_cast<int>(std::lround(static_cast<float>(info.height) * scale)));
  const RgbImage decoded = decodeForFeatures(imageBytes, std::min(width, height));
  Scene scene;
  scene.levels.push_back(resampleImage(decoded, width, height));
  for (int level = 1; level < kSceneLevels; ++level) {
    const ColourPlanes& finer = scene.levels.back();
    const int coarseWidth = std::max(1, (finer.width() + 1) / 2);
    const int coarseHeight = std::max(1, (finer.height() + 1) / 2);
    const PixelRect whole{0, 0, static_cast<float>(finer.width()), static_cast<float>(finer.height())};
    scene.levels.push_back(resampleRect(finer, whole, coarseWidth, coarseHeight));
  }
  return scene;
}

}  // namespace cvmock::trainer::detection
