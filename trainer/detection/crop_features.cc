// The classifier's features of one box of a scene: widened, resampled to the working image, then described.
#include "trainer/detection/crop_features.h"

#include <stdexcept>

#include "trainer/detection/resample.h"
#include "trainer/preprocess.h"

namespace cvmock::trainer::detection {
namespace {

// The coarsest level on which the widened box still spans kWorkingSize pixels along its longer side, so that
// resampling averages at most about two pixels per output pixel; level 0 for a box smaller than that.
int levelFor(const Scene& scene, const Box& widened) {
  int chosen = 0;
  for (int level = 1; level < static_cast<int>(scene.levels.size()); ++level) {
    const ColourPlanes& planes = scene.levels[level];
    const float side = std::max(widened.width * static_cast<float>(planes.width()),
                                widened.height * static_cast<float>(planes.height()));
    if (side < static_cast<float>(kWorkingSize)) break;
    chosen = level;
  }
  return chosen;
}

}  // namespace

FeatureVector cropFeatures(const Scene& scene, const Box& box) {
  if (!(box.area() > 0)) throw std::invalid_argument("a crop needs a box with an area");
  const Box widened{box.left - kCropContext * box.width, box.top - kCropContext * box.height,
                    box.width * (1 + 2 * kCropContext), box.height * (1 + 2 * kCropContext)};
  const ColourPlanes& planes = scene.levels[levelFor(scene, widened)];
  const auto width = static_cast<float>(planes.width());
  const auto height = static_cast<float>(planes.height());
  const PixelRect rect{widened.left * width, widened.top * height, widened.width * width, widened.height * height};
  ColourPlanes crop = resampleRect(planes, rect, kWorkingSize, kWorkingSize);
  return workingImageFeatures(WorkingImage{std::move(crop.red), std::move(crop.green), std::move(crop.blue)});
}

}  // namespace cvmock::trainer::detection
