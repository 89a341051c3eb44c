// Region proposals: the boxes of an image likely to hold one object, model-free, each with a confidence.
#pragma once

#include <string_view>
#include <vector>

#include "trainer/detection/box.h"
#include "trainer/detection/scene.h"

namespace cvmock::trainer::detection {

struct Proposal {
  Box box;
  float confidence = 0;  // in (0, 1]: how much the box looks like one whole object, set apart from its surround
};

// At most this many proposals per image: what GetImageRegionProposals returns and what the detector scores.
inline constexpr int kMaxProposals = 150;

// The proposals of an encoded image (JPEG, PNG, BMP or GIF, EXIF orientation applied), highest confidence
// first (equal confidences in a fixed order), no two with an IoU above 0.9. Deterministic: the same bytes
// always give the same boxes. Throws DecodeError (trainer/decode.h) as decodeImage does.
std::vector<Proposal> proposeRegions(std::string_view imageBytes);

// The same for an image already decoded for detection (what the detector scores).
std::vector<Proposal> proposeRegions(const Scene& scene);

}  // namespace cvmock::trainer::detection
