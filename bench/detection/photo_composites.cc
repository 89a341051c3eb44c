// Detection images made of real photographs: Fashion-MNIST product photos pasted on crops of real photos.
#include "bench/detection/photo_composites.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "fixtures/encode.h"
#include "trainer/decode.h"
#include "trainer/detection/resample.h"
#include "trainer/split_mix64.h"

namespace cvmock::bench {
namespace {

using trainer::detection::Box;
using trainer::detection::ColourPlanes;
using trainer::detection::PixelRect;

constexpr int kPlacementAttempts = 50;
// Item pixels at or below this grey level are the item's black surround; the mask ramps up over the next 40.
constexpr float kSurround = 20.0f / 255.0f;
constexpr float kMaskRamp = 40.0f / 255.0f;

ColourPlanes randomCrop(const trainer::RgbImage& photo, int width, int height, trainer::SplitMix64& random) {
  const float aspect = static_cast<float>(width) / static_cast<float>(height);
  const float fullWidth = std::min(static_cast<float>(photo.width), static_cast<float>(photo.height) * aspect);
  const float cropWidth = fullWidth * std::sqrt(random.uniform(0.25f, 1.0f));
  const float cropHeight = cropWidth / aspect;
  const float left = random.uniform(0, static_cast<float>(photo.width) - cropWidth);
  const float top = random.uniform(0, static_cast<float>(photo.height) - cropHeight);
  const ColourPlanes whole = trainer::detection::resampleImage(photo, photo.width, photo.height);
  return trainer::detection::resampleRect(whole, PixelRect{left, top, cropWidth, cropHeight}, width, height);
}

// The item (grey, 28 x 28) resampled to side x side.
Eigen::ArrayXXf scaledItem(const std::vector<std::uint8_t>& item, int side) {
  trainer::RgbImage grey{kFashionSide, kFashionSide, {}};
  for (const std::uint8_t value : item) grey.pixels.insert(grey.pixels.end(), 3, value);
  return trainer::detection::resampleImage(grey, side, side).red;
}

struct Placed {
  int left, top, side;
};

// Pastes the item at `at` over the canvas; returns the normalised box of its mask (empty when it has none).
Box paste(ColourPlanes& canvas, const Eigen::ArrayXXf& item, const Placed& at) {
  int left = canvas.width(), top = canvas.height(), right = -1, bottom = -1;
  for (int y = 0; y < at.side; ++y) {
    for (int x = 0; x < at.side; ++x) {
      const float value = item(y, x);
      const float alpha = std::clamp((value - kSurround) / kMaskRamp, 0.0f, 1.0f);
      if (alpha <= 0) continue;
      const int cx = at.left + x, cy = at.top + y;
      for (Eigen::ArrayXXf* plane : {&canvas.red, &canvas.green, &canvas.blue}) {
        (*plane)(cy, cx) = (1 - alpha) * (*plane)(cy, cx) + alpha * value;
      }
      if (alpha >= 0.5f)
        left = std::min(left, cx), top = std::min(top, cy), right = std::max(right, cx), bottom = std::max(bottom, cy);
    }
  }
  if (right < left) return {};
  const auto w = static_cast<float>(canvas.width()), h = static_cast<float>(canvas.height());
  return {left / w, top / h, (right + 1 - left) / w, (bottom + 1 - top) / h};
}

std::string encode(const ColourPlanes& canvas) {
  std::vector<std::uint8_t> pixels;
  pixels.reserve(std::size_t{3} * canvas.width() * canvas.height());
  for (int y = 0; y < canvas.height(); ++y) {
    for (int x = 0; x < canvas.width(); ++x) {
      for (const Eigen::ArrayXXf* plane : {&canvas.red, &canvas.green, &canvas.blue}) {
        pixels.push_back(static_cast<std::uint8_t>(std::lround(std::clamp((*plane)(y, x), 0.0f, 1.0f) * 255)));
      }
    }
  }
  return fixtures::encodeImage(fixtures::Encoding::Jpeg, pixels, canvas.width(), canvas.height());
}

}  // namespace

trainer::detection::DetectorTrainingData makeComposites(const CompositeSpec& spec,
                                                        const std::vector<std::string>& backgrounds,
                                                        const FashionSplit& items) {
  std::vector<std::vector<int>> itemsOfClass(spec.classes.size());
  for (std::size_t i = 0; i < items.labels.size(); ++i) {
    const auto found = std::find(spec.classes.begin(), spec.classes.end(), items.labels[i]);
    if (found != spec.classes.end())
      itemsOfClass[static_cast<std::size_t>(found - spec.classes.begin())].push_back(static_cast<int>(i));
  }
  if (std::any_of(itemsOfClass.begin(), itemsOfClass.end(), [](const auto& list) { return list.empty(); }) ||
      backgrounds.empty()) {
    throw std::invalid_argument("composites need a background and an item of every class");
  }
  std::vector<trainer::RgbImage> photos;
  for (const std::string& bytes : backgrounds) photos.push_back(trainer::decodeImage(bytes));
  trainer::SplitMix64 random(spec.seed);
  trainer::detection::DetectorTrainingData data;
  data.tagCount = static_cast<int>(spec.classes.size());
  const int shorter = std::min(spec.width, spec.height);
  for (int image = 0; image < spec.images; ++image) {
    ColourPlanes canvas = randomCrop(photos[random.below(photos.size())], spec.width, spec.height, random);
    const int count = spec.minObjects +
                      static_cast<int>(random.below(static_cast<std::uint64_t>(spec.maxObjects - spec.minObjects + 1)));
    std::vector<Placed> placed;
    trainer::detection::DetectionImage composite;
    for (int object = 0; object < count; ++object) {
      const int tag = static_cast<int>(random.below(spec.classes.size()));
      const std::vector<int>& pool = itemsOfClass[static_cast<std::size_t>(tag)];
      const int item = pool[random.below(pool.size())];
      const int side = static_cast<int>(random.uniform(0.12f, 0.30f) * static_cast<float>(shorter));
      for (int attempt = 0; attempt < kPlacementAttempts; ++attempt) {
        const Placed at{static_cast<int>(random.below(static_cast<std::uint64_t>(spec.width - side))),
                        static_cast<int>(random.below(static_cast<std::uint64_t>(spec.height - side))), side};
        const bool clear = std::none_of(placed.begin(), placed.end(), [&](const Placed& other) {
          return at.left < other.left + other.side && other.left < at.left + at.side &&
                 at.top < other.top + other.side && other.top < at.top + at.side;
        });
        if (!clear) continue;
        const Box box = paste(canvas, scaledItem(items.images[static_cast<std::size_t>(item)], side), at);
        if (box.area() > 0) composite.regions.push_back({tag, box});
        placed.push_back(at);
        break;
      }
    }
    composite.bytes = encode(canvas);
    data.images.push_back(std::move(composite));
  }
  return data;
}

}  // namespace cvmock::bench
