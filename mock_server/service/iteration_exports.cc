// TransferService: ExportIteration and GetExports.
#include "mock_server/service/transfer_service.h"

#include <algorithm>
#include <array>

#include "mock_server/base/errors.h"
#include "mock_server/base/ids.h"
#include "mock_server/base/text.h"
#include "mock_server/service/domains.h"
#include "mock_server/service/export_archive.h"

namespace cvmock::server {
namespace {

// The spec's Export.flavor: each flavour belongs to one platform; the other platforms have none.
struct PlatformFlavor {
  const char* platform;
  const char* flavor;
};
constexpr std::array kFlavors = {
    PlatformFlavor{"DockerFile", "Linux"},  PlatformFlavor{"DockerFile", "Windows"},
    PlatformFlavor{"DockerFile", "ARM"},    PlatformFlavor{"TensorFlow", "TensorFlowNormal"},
    PlatformFlavor{"TensorFlow", "TensorFlowLite"}, PlatformFlavor{"ONNX", "ONNX10"},
    PlatformFlavor{"ONNX", "ONNX12"},
};

// The platform as the domain spells it, when the domain exports to it (matched without regard to case).
std::optional<std::string> domainPlatform(const Domain& domain, const std::string& platform) {
  for (const std::string& known : domain.exportablePlatforms) {
    if (equalsIgnoreCase(known, platform)) return known;
  }
  return std::nullopt;
}

// The flavour as the spec spells it; throws when it is not one of the platform's.
std::string canonicalFlavor(const std::string& platform, const std::string& flavor) {
  for (const PlatformFlavor& known : kFlavors) {
    if (platform == known.platform && equalsIgnoreCase(flavor, known.flavor)) return known.flavor;
  }
  throw errors::exportValidationFailed("'" + flavor + "' is not a flavor of the platform " + platform);
}

bool isExportOf(const IterationExportRecord& record, const std::string& platform, const std::string& flavor) {
  return record.platform == platform && record.flavor == flavor;
}

}  // namespace

IterationExportRecord TransferService::exportIteration(const std::string& projectId, const std::string& iterationId,
                                                       const std::string& platform,
                                                       const std::optional<std::string>& flavor) {
  std::unique_lock lock(state_.rules);
  state_.requireProject(projectId);
  const IterationRecord iteration = state_.requireIteration(projectId, iterationId);
  if (iteration.status == IterationStatus::Training) throw errors::exportWhileTraining();
  if (iteration.status != IterationStatus::Completed) throw errors::iterationIsNotTrained();
  const Domain* domain = findDomain(iteration.domainId);
  if (!domain || !domain->exportable) {
    throw errors::exportValidationFailed("Only iterations trained on a compact domain can be exported");
  }
  std::optional<std::string> canonicalPlatform = domainPlatform(*domain, platform);
  if (!canonicalPlatform) throw errors::projectUnsupportedExportPlatform(platform);
  const std::string canonical = flavor && !flavor->empty() ? canonicalFlavor(*canonicalPlatform, *flavor) : "";

  const std::vector<IterationExportRecord> existing = state_.store.iterationExports(projectId, iterationId);
  const bool running = std::any_of(existing.begin(), existing.end(), [&](const IterationExportRecord& e) {
    return isExportOf(e, *canonicalPlatform, canonical) && e.status == ExportStatus::Exporting;
  });
  if (running) throw errors::exportAlreadyInProgress(iterationId);
  // A finished export of the same platform and flavour is redone: the new one replaces it.
  IterationExportRecord record{projectId, iterationId, *canonicalPlatform, canonical, ExportStatus::Exporting, state_.clock.now()};
  state_.store.putIterationExport(record);
  return record;
}

std::vector<IterationExportRecord> TransferService::getExports(const std::string& projectId,
                                                               const std::string& iterationId) {
  std::unique_lock lock(state_.rules);
  state_.requireProject(projectId);
  state_.requireIteration(projectId, iterationId);
  std::vector<IterationExportRecord> exports = state_.store.iterationExports(projectId, iterationId);
  for (IterationExportRecord& record : exports) {
    if (record.status != ExportStatus::Exporting) continue;
    record.status = ExportStatus::Done;
    state_.store.putIterationExport(record);
  }
  return exports;
}

}  // namespace cvmock::server
