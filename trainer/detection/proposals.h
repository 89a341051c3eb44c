// Region proposals: the boxes of an image likely to hold one object, model-free, each with a confidence.
#pragma once

#include <string_view>
#include <vector>

#include "trainer/detection/box.h"
#include "trainer/detection/scene.h"
#include "trainer/detection/segmentation.h"

namespace cvmock::trainer::detection {

struct Proposal {
  Box box;
  float confidence = 0;  // in (0, 1]: how much the box looks like one whole object, set apart from its surround
};

// At most this many proposals per image: what GetImageRegionProposals returns and what the detector scores.
inline constexpr int kMaxProposals = 150;
// Proposals come from this pyramid level: 160 px on the long side segments in about a millisecond.
inline constexpr int kProposalLevel = 1;
// Two segmentations, fine and coarse: objects that one splits or merges with their surround, the other keeps.
// Boxes are scored on the coarse one, whose regions textured surfaces cut less into fragments: on the real
// photographs of bench/REPORT.md that keeps recall at IoU 0.5 within the first 150 boxes at 0.85, against 0.79
// when scored on the fine one.
inline constexpr SegmentationOptions kFineSegmentation{0.5f, 20};
inline constexpr SegmentationOptions kCoarseSegmentation{1.5f, 40};
// Proposals overlapping a better one by more than this add nothing.
inline constexpr float kDuplicateProposalOverlap = 0.9f;

// The proposals of an encoded image (JPEG, PNG, BMP or GIF, EXIF orientation applied), highest confidence
// first (equal confidences in a fixed order), no two with an IoU above 0.9. Deterministic: the same bytes
// always give the same boxes. Throws DecodeError (trainer/decode.h) as decodeImage does.
std::vector<Proposal> proposeRegions(std::string_view imageBytes);

// The same for an image already decoded for detection (what the detector scores).
std::vector<Proposal> proposeRegions(const Scene& scene);

}  // namespace cvmock::trainer::detection
