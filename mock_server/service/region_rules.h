// The rules a labelled region obeys wherever it is given (an upload's entry, CreateImageRegions), and what makes
// an image count as labelled when it carries regions rather than tags (object detection).
#pragma once

#include <string>
#include <string_view>

#include "mock_server/store/records.h"

namespace cvmock::server {

// A region as a request gives it: a tag and a box; the service assigns its id and creation date.
struct RegionLabel {
  std::string tagId;  // normalised GUID
  BoxRecord box;
};

// Throws regionWithoutArea when width or height is not positive (or not a number) and regionOutsideImage when
// the box leaves [0, 1] x [0, 1]; a tolerance of 1e-6 absorbs a client's rounding, as the detector's
// isValidRegion does.
void checkRegionBox(const BoxRecord& box);

// Whether the domain (canonical id) detects objects; an unknown id classifies.
bool detectsObjects(std::string_view domainId);

// The image carries the tag: as one of its tags, or as the tag of one of its regions.
bool carriesTag(const ImageRecord& image, const std::string& tagId);
// The image is labelled ("tagged" for GetTaggedImages and the counts): it has a tag or a region.
bool isLabelled(const ImageRecord& image);

}  // namespace cvmock::server
