// Generated detection scenes as the trainer's input, shared by the detection tests.
#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include "fixtures/detection_scenes.h"
#include "trainer/detection/detector_training.h"

namespace cvmock::trainer::detection::testing {

// Small scenes (320 x 240, 1 to 3 objects of circle, square, triangle), so that training takes about a second.
inline fixtures::DetectionSceneSpec smallScenes(int images, std::uint64_t seed) {
  fixtures::DetectionSceneSpec spec;
  spec.images = images;
  spec.seed = seed;
  spec.width = 320;
  spec.height = 240;
  spec.minObjects = 1;
  spec.maxObjects = 3;
  return spec;
}

// The scenes as training data, tags indexed like spec.classes.
inline DetectorTrainingData trainingData(const fixtures::DetectionSceneSpec& spec) {
  DetectorTrainingData data;
  data.tagCount = static_cast<int>(spec.classes.size());
  for (fixtures::DetectionScene& scene : fixtures::generateDetectionScenes(spec)) {
    DetectionImage image{std::move(scene.bytes), {}};
    for (const fixtures::SceneObject& object : scene.objects) {
      const auto tag = std::find(spec.classes.begin(), spec.classes.end(), object.className) - spec.classes.begin();
      image.regions.push_back({static_cast<int>(tag), {object.left, object.top, object.width, object.height}});
    }
    data.images.push_back(std::move(image));
  }
  return data;
}

}  // namespace cvmock::trainer::detection::testing
