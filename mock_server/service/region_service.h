// Regions of object-detection images: CreateImageRegions, DeleteImageRegions and GetImageRegionProposals.
#pragma once

#include <string>
#include <vector>

#include "mock_server/service/region_rules.h"
#include "mock_server/service/service_state.h"

namespace cvmock::server {

// One CreateImageRegions entry.
struct RegionCreate {
  std::string imageId;  // normalised GUID
  RegionLabel label;
};

struct RegionCreatedView {
  std::string imageId;
  ImageRegionRecord region;
  std::string tagName;
};

// Each entry lands in one list: created, duplicated (the image already has that tag on that very box) or
// exceeded (the image already has maxRegionsPerImage regions).
struct RegionCreateSummaryView {
  std::vector<RegionCreatedView> created;
  std::vector<RegionCreate> duplicated;
  std::vector<RegionCreate> exceeded;
  bool allCreated() const { return duplicated.empty() && exceeded.empty(); }
};

struct RegionProposalView {
  float confidence = 0;
  BoxRecord box;
};

struct ImageRegionProposalView {
  std::string projectId;
  std::string imageId;
  std::vector<RegionProposalView> proposals;  // most confident first
};

// Thread-safe; every failure is a ServiceError from the catalogue (base/errors.h). On a project that
// classifies, every operation is refused with BadRequestNotSupported after the project is found, as before
// detection was served. Writes advance the project's revision (the store's contract).
class RegionService {
 public:
  explicit RegionService(ServiceState& state);

  // At most maxRegionsPerBatch entries (else BadRequestExceededBatchSize), none empty; every box is checked
  // (checkRegionBox), every tag and image must exist (NotFoundTag, NotFoundImage); nothing is written when
  // one of these throws.
  RegionCreateSummaryView createImageRegions(const std::string& projectId, const std::vector<RegionCreate>& entries);
  // Removes the listed regions wherever they are; ids of no region are ignored. At most maxDeleteRegionIds.
  void deleteImageRegions(const std::string& projectId, const std::vector<std::string>& regionIds);
  // The proposals of trainer::detection::proposeRegions on the stored image (NotFoundImage when unknown).
  ImageRegionProposalView getImageRegionProposals(const std::string& projectId, const std::string& imageId) const;

 private:
  // Under the rules lock: the project, which must detect objects (else BadRequestNotSupported naming operationId).
  void requireDetectionProject(const std::string& projectId, const char* operationId) const;

  ServiceState& state_;
};

}  // namespace cvmock::server
