// The fixed settings a detector's boxes depend on besides its fitted weights: how scenes are decoded, how
// proposals are made, how crops are taken and which detections are kept. A serialised detector records them,
// so that a library running other settings refuses it instead of predicting other boxes.
#pragma once

#include "trainer/detection/crop_features.h"
#include "trainer/detection/detector_model.h"
#include "trainer/detection/proposals.h"
#include "trainer/detection/scene.h"

namespace cvmock::trainer::detection {

struct DetectorSettings {
  int sceneSide = 0;    // long side of the scene's finest level, pixels
  int sceneLevels = 0;  // pyramid levels, each half the one before
  int proposalLevel = 0;
  SegmentationOptions fineSegmentation;
  SegmentationOptions coarseSegmentation;  // also the one boxes are scored on
  float duplicateProposalOverlap = 0;
  int maxProposals = 0;
  float cropContext = 0;
  float suppressionOverlap = 0;  // per-tag non-maximum suppression, IoU
  float minDetectionProbability = 0;
  int maxDetections = 0;

  friend bool operator==(const DetectorSettings& a, const DetectorSettings& b) {
    return a.sceneSide == b.sceneSide && a.sceneLevels == b.sceneLevels && a.proposalLevel == b.proposalLevel &&
           a.fineSegmentation.k == b.fineSegmentation.k &&
           a.fineSegmentation.minRegionSize == b.fineSegmentation.minRegionSize &&
           a.coarseSegmentation.k == b.coarseSegmentation.k &&
           a.coarseSegmentation.minRegionSize == b.coarseSegmentation.minRegionSize &&
           a.duplicateProposalOverlap == b.duplicateProposalOverlap && a.maxProposals == b.maxProposals &&
           a.cropContext == b.cropContext && a.suppressionOverlap == b.suppressionOverlap &&
           a.minDetectionProbability == b.minDetectionProbability && a.maxDetections == b.maxDetections;
  }
};

// The settings this library runs (the constants of scene.h, proposals.h, crop_features.h and detector_model.h).
inline constexpr DetectorSettings kDetectorSettings{
    kSceneSide,    kSceneLevels,          kProposalLevel,          kFineSegmentation,
    kCoarseSegmentation, kDuplicateProposalOverlap, kMaxProposals, kCropContext,
    kSuppressionOverlap, kMinDetectionProbability,  kMaxDetections,
};

}  // namespace cvmock::trainer::detection
