// Training an object detector on images with labelled regions: holdout split, fit, evaluation, final fit.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "trainer/detection/box.h"
#include "trainer/detection/detector.h"

namespace cvmock::trainer::detection {

struct Region {
  int tag = 0;  // in [0, tagCount)
  Box box;      // isValidRegion(box)
};

struct DetectionImage {
  std::string bytes;            // the encoded image, as uploaded
  std::vector<Region> regions;  // may be empty: then the image only teaches what background looks like
};

struct DetectorTrainingData {
  std::vector<DetectionImage> images;
  int tagCount = 0;
};

struct DetectorTrainingOptions {
  std::uint64_t seed = 0;        // same data + same seed -> same split, same model bytes, same detections
  double holdoutFraction = 0.2;  // per tag, as holdoutSplit (trainer/holdout.h) chooses for classification
  // Tag indices to train, or empty for every tag. Regions of other tags are neither objects nor background:
  // nothing overlapping them (IoU >= 0.3) is used, so the model learns nothing about those tags either way.
  std::vector<int> selectedTags;
};

struct DetectorTrainingResult {
  Detector detector;                                      // fitted on every image: what gets published
  std::vector<int> holdout;                               // indices into DetectorTrainingData::images, increasing
  std::vector<std::vector<Detection>> holdoutDetections;  // per holdout image, from a detector fitted without them
};

// Throws std::invalid_argument when the data cannot be trained: no selected tag with a region, a tag index out
// of range, a region that is not isValidRegion, fewer than 2 images. Throws DecodeError (trainer/decode.h)
// when an image's bytes are not an image. Uses every core (trainer/parallel_tasks.h). Memory beyond the
// images' bytes: one matrix of 3.3 KB per training crop, 24 crops per image plus 9 per region (1,000 images
// of 3 regions: 170 MB), and about 1 KB of proposals per image.
DetectorTrainingResult trainDetector(const DetectorTrainingData& data, const DetectorTrainingOptions& options);

}  // namespace cvmock::trainer::detection
