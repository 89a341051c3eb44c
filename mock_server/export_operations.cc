// TrainingService: ExportIteration, GetExports and GetArtifact (images and export archives by relative path).
#include <algorithm>
#include <array>

#include "mock_server/domains.h"
#include "mock_server/errors.h"
#include "mock_server/export_archive.h"
#include "mock_server/ids.h"
#include "mock_server/text.h"
#include "mock_server/training_service.h"

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

IterationExportRecord TrainingService::exportIteration(const std::string& projectId, const std::string& iterationId,
                                                       const std::string& platform,
                                                       const std::optional<std::string>& flavor) {
  std::unique_lock lock(rules_);
  requireProject(projectId);
  const IterationRecord iteration = requireIteration(projectId, iterationId);
  if (iteration.status == IterationStatus::Training) throw errors::exportWhileTraining();
  if (iteration.status != IterationStatus::Completed) throw errors::iterationIsNotTrained();
  const Domain* domain = findDomain(iteration.domainId);
  if (!domain || !domain->exportable) {
    throw errors::exportValidationFailed("Only iterations trained on a compact domain can be exported");
  }
  std::optional<std::string> canonicalPlatform = domainPlatform(*domain, platform);
  if (!canonicalPlatform) throw errors::projectUnsupportedExportPlatform(platform);
  const std::string canonical = flavor && !flavor->empty() ? canonicalFlavor(*canonicalPlatform, *flavor) : "";

  const std::vector<IterationExportRecord> existing = store_->iterationExports(projectId, iterationId);
  const bool running = std::any_of(existing.begin(), existing.end(), [&](const IterationExportRecord& e) {
    return isExportOf(e, *canonicalPlatform, canonical) && e.status == ExportStatus::Exporting;
  });
  if (running) throw errors::exportAlreadyInProgress(iterationId);
  // A finished export of the same platform and flavour is redone: the new one replaces it.
  IterationExportRecord record{projectId, iterationId, *canonicalPlatform, canonical, ExportStatus::Exporting, now()};
  store_->putIterationExport(record);
  return record;
}

std::vector<IterationExportRecord> TrainingService::getExports(const std::string& projectId,
                                                               const std::string& iterationId) {
  std::unique_lock lock(rules_);
  requireProject(projectId);
  requireIteration(projectId, iterationId);
  std::vector<IterationExportRecord> exports = store_->iterationExports(projectId, iterationId);
  for (IterationExportRecord& record : exports) {
    if (record.status != ExportStatus::Exporting) continue;
    record.status = ExportStatus::Done;
    store_->putIterationExport(record);
  }
  return exports;
}

std::optional<std::string> TrainingService::exportDownload(const std::string& relativePath) const {
  std::optional<ExportArtifactName> name = parseExportArtifactPath(relativePath);
  if (!name) return std::nullopt;
  std::shared_lock lock(rules_);
  std::optional<ProjectRecord> project = store_->project(name->projectId);
  std::optional<IterationRecord> iteration = store_->iteration(name->projectId, name->iterationId);
  if (!project || !iteration) return std::nullopt;
  for (const IterationExportRecord& record : store_->iterationExports(name->projectId, name->iterationId)) {
    if (isExportOf(record, name->platform, name->flavor) && record.status == ExportStatus::Done) {
      return buildExportArchive(*project, *iteration, record);
    }
  }
  return std::nullopt;
}

std::string TrainingService::getArtifact(const std::string& projectId, const std::string& relativePath) const {
  requireProject(projectId);
  std::optional<std::string> bytes;
  const std::vector<std::string> parts = splitList(relativePath, '/');
  const bool imagePath = parts.size() == 2 && parts[0] == "i-" + compactGuid(projectId) &&
                         (parts[1].rfind("i-", 0) == 0 || parts[1].rfind("t-", 0) == 0) &&
                         relativePath == parts[0] + "/" + parts[1];
  if (imagePath) {
    std::optional<std::string> imageId = normaliseGuid(std::string_view(parts[1]).substr(2));
    if (imageId) bytes = store_->imageBytes(projectId, *imageId);
  } else if (std::optional<ExportArtifactName> name = parseExportArtifactPath(relativePath);
             name && name->projectId == projectId) {
    bytes = exportDownload(relativePath);
  }
  if (!bytes) throw errors::invalidArtifactUri();
  return *bytes;
}

}  // namespace cvmock::server
