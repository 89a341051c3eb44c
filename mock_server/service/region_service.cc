// RegionService: adding, deleting and proposing the labelled regions of detection images.
#include "mock_server/service/region_service.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "mock_server/base/errors.h"
#include "trainer/decode.h"
#include "trainer/detection/proposals.h"

namespace cvmock::server {
namespace {

bool sameBox(const BoxRecord& a, const BoxRecord& b) {
  return a.left == b.left && a.top == b.top && a.width == b.width && a.height == b.height;
}

bool hasRegion(const ImageRecord& image, const RegionLabel& label) {
  return std::any_of(image.regions.begin(), image.regions.end(), [&](const ImageRegionRecord& r) {
    return r.tagId == label.tagId && sameBox(r.box, label.box);
  });
}

}  // namespace

RegionService::RegionService(ServiceState& state) : state_(state) {}

void RegionService::requireDetectionProject(const std::string& projectId, const char* operationId) const {
  const ProjectRecord project = state_.requireProject(projectId);
  if (!detectsObjects(project.domainId)) throw errors::detectionNotSupported(operationId);
}

RegionCreateSummaryView RegionService::createImageRegions(const std::string& projectId,
                                                          const std::vector<RegionCreate>& entries) {
  const ServiceLimits& limits = state_.config.limits;
  std::unique_lock lock(state_.rules);
  requireDetectionProject(projectId, "CreateImageRegions");
  if (entries.empty()) throw errors::requiredParamIsNull("regions");
  if (static_cast<int>(entries.size()) > limits.maxRegionsPerBatch) {
    throw errors::tooManyRegionsInBatch(limits.maxRegionsPerBatch);
  }
  for (const RegionCreate& entry : entries) checkRegionBox(entry.label.box);

  std::unordered_map<std::string, ImageRecord> changed;  // by image id
  RegionCreateSummaryView summary;
  const TimePoint created = state_.clock.now();
  for (const RegionCreate& entry : entries) {
    const TagRecord tag = state_.requireTag(projectId, entry.label.tagId);
    auto it = changed.find(entry.imageId);
    if (it == changed.end()) {
      std::optional<ImageRecord> image = state_.store.image(projectId, entry.imageId);
      if (!image) throw errors::notFoundImage();
      it = changed.emplace(entry.imageId, std::move(*image)).first;
    }
    ImageRecord& image = it->second;
    if (hasRegion(image, entry.label)) {
      summary.duplicated.push_back(entry);
      continue;
    }
    if (static_cast<int>(image.regions.size()) >= limits.maxRegionsPerImage) {
      summary.exceeded.push_back(entry);
      continue;
    }
    image.regions.push_back({state_.ids.next(), tag.id, entry.label.box, created});
    summary.created.push_back({image.id, image.regions.back(), tag.name});
  }
  if (summary.created.empty()) return summary;
  std::vector<ImageRecord> records;
  for (auto& [id, image] : changed) records.push_back(std::move(image));
  state_.store.putImageRecords(records);
  return summary;
}

void RegionService::deleteImageRegions(const std::string& projectId, const std::vector<std::string>& regionIds) {
  const int limit = state_.config.limits.maxDeleteRegionIds;
  std::unique_lock lock(state_.rules);
  requireDetectionProject(projectId, "DeleteImageRegions");
  if (regionIds.empty()) throw errors::requiredParamIsNull("regionIds");
  if (static_cast<int>(regionIds.size()) > limit) throw errors::tooManyRegionIds(limit);
  const std::unordered_set<std::string> doomed(regionIds.begin(), regionIds.end());
  std::vector<ImageRecord> changed;
  for (ImageRecord& image : state_.store.images(projectId)) {
    const std::size_t erased =
        std::erase_if(image.regions, [&](const ImageRegionRecord& r) { return doomed.contains(r.regionId); });
    if (erased > 0) changed.push_back(std::move(image));
  }
  if (!changed.empty()) state_.store.putImageRecords(changed);
}

ImageRegionProposalView RegionService::getImageRegionProposals(const std::string& projectId,
                                                               const std::string& imageId) const {
  std::optional<std::string> bytes;
  {
    std::shared_lock lock(state_.rules);
    requireDetectionProject(projectId, "GetImageRegionProposals");
    bytes = state_.store.imageBytes(projectId, imageId);
    if (!bytes) throw errors::notFoundImage();
  }
  ImageRegionProposalView view{projectId, imageId, {}};
  try {
    for (const trainer::detection::Proposal& p : trainer::detection::proposeRegions(*bytes)) {
      view.proposals.push_back({p.confidence, {p.box.left, p.box.top, p.box.width, p.box.height}});
    }
  } catch (const trainer::DecodeError& error) {
    // A stored image was decoded when it was uploaded; failing now means the store is damaged.
    throw errors::unknown(std::string("the stored image cannot be decoded: ") + error.what());
  }
  return view;
}

}  // namespace cvmock::server
