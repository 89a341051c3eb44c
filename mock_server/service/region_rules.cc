// Region rules: box validation and what counts as a labelled image.
#include "mock_server/service/region_rules.h"

#include <algorithm>
#include <cmath>

#include "mock_server/base/errors.h"
#include "mock_server/service/domains.h"

namespace cvmock::server {
namespace {

constexpr float kTolerance = 1e-6F;

}  // namespace

void checkRegionBox(const BoxRecord& box) {
  if (!(box.width > 0) || !(box.height > 0) || !std::isfinite(box.width) || !std::isfinite(box.height)) {
    throw errors::regionWithoutArea();
  }
  const bool inside = std::isfinite(box.left) && std::isfinite(box.top) && box.left >= -kTolerance &&
                      box.top >= -kTolerance && box.left + box.width <= 1 + kTolerance &&
                      box.top + box.height <= 1 + kTolerance;
  if (!inside) throw errors::regionOutsideImage();
}

bool detectsObjects(std::string_view domainId) {
  const Domain* domain = findDomain(domainId);
  return domain != nullptr && domain->type == DomainType::ObjectDetection;
}

bool carriesTag(const ImageRecord& image, const std::string& tagId) {
  return std::any_of(image.tags.begin(), image.tags.end(), [&](const ImageTagRecord& t) { return t.tagId == tagId; }) ||
         std::any_of(image.regions.begin(), image.regions.end(),
                     [&](const ImageRegionRecord& r) { return r.tagId == tagId; });
}

bool isLabelled(const ImageRecord& image) { return !image.tags.empty() || !image.regions.empty(); }

}  // namespace cvmock::server
