// Detection images made of real photographs: Fashion-MNIST product photos pasted on crops of real photos.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "bench/fashion_mnist.h"
#include "trainer/detection/detector_training.h"

namespace cvmock::bench {

struct CompositeSpec {
  std::vector<int> classes = {1, 7, 8};  // Fashion-MNIST labels: trouser, sneaker, bag
  int images = 100;
  int minObjects = 1;
  int maxObjects = 3;
  int width = 640;
  int height = 480;
  std::uint64_t seed = 1;
};

// Each image is a random crop (a quarter to all of the photo's area, at the image's aspect ratio) of one of
// `backgrounds` (encoded photos), with minObjects..maxObjects items of spec.classes drawn from `items`, each
// scaled to 12-30% of the image's shorter side and pasted where its pixels are brighter than the item's
// black surround (a soft mask), apart from the others. Regions are the boxes of the mask, tags indexed like
// spec.classes. Images are JPEG (quality 90). Throws std::invalid_argument when no item has a wanted class.
trainer::detection::DetectorTrainingData makeComposites(const CompositeSpec& spec,
                                                        const std::vector<std::string>& backgrounds,
                                                        const FashionSplit& items);

}  // namespace cvmock::bench
