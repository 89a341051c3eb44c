// Precision, recall and average precision of detections against labelled regions, per tag and overall (mAP).
#pragma once

#include <vector>

#include "trainer/detection/detector.h"
#include "trainer/detection/detector_training.h"
#include "trainer/metrics.h"

namespace cvmock::trainer::detection {

// The service's default overlapThreshold for GetIterationPerformance when the query leaves it out.
inline constexpr double kDefaultOverlapThreshold = 0.5;

// predicted[i] and truth[i]: the detections and the labelled regions of image i (tags in [0, tagCount)).
// A detection is true when it is matched to a region of its tag: per image and tag, detections are visited by
// probability, highest first, and each takes the not yet matched region with which it has the highest IoU,
// if that IoU is >= overlapThreshold. The counts then cut at threshold (detections with probability >= it),
// and averagePrecision ranks every detection of the tag over all images; trainer/detection/DETECTION.md
// gives the formulas. Throws std::invalid_argument when the sizes differ or a tag is out of range.
Performance evaluateDetections(const std::vector<std::vector<Detection>>& predicted,
                               const std::vector<std::vector<Region>>& truth, int tagCount, double threshold,
                               double overlapThreshold = kDefaultOverlapThreshold);

}  // namespace cvmock::trainer::detection
