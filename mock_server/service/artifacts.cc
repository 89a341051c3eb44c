// TransferService: artifacts and blobs, the bytes behind the paths of blob_paths.h.
#include "mock_server/service/transfer_service.h"

#include "mock_server/base/errors.h"
#include "mock_server/service/export_archive.h"

namespace cvmock::server {

std::optional<std::string> TransferService::exportArchive(const BlobPath& path) const {
  std::shared_lock lock(state_.rules);
  std::optional<ProjectRecord> project = state_.store.project(path.projectId);
  std::optional<IterationRecord> iteration = state_.store.iteration(path.projectId, path.id);
  if (!project || !iteration) return std::nullopt;
  for (const IterationExportRecord& record : state_.store.iterationExports(path.projectId, path.id)) {
    if (record.platform == path.platform && record.flavor == path.flavor && record.status == ExportStatus::Done) {
      return buildExportArchive(*project, *iteration, record);
    }
  }
  return std::nullopt;
}

std::optional<std::string> TransferService::blobBytes(const BlobPath& path) const {
  switch (path.kind) {
    case BlobKind::Image:
    case BlobKind::Thumbnail:
      return state_.store.imageBytes(path.projectId, path.id);
    case BlobKind::PredictionImage:
    case BlobKind::PredictionThumbnail:
      return state_.store.predictionImage(path.projectId, path.id);
    case BlobKind::Export:
      break;
  }
  return exportArchive(path);
}

std::string TransferService::getArtifact(const std::string& projectId, const std::string& relativePath) const {
  state_.requireProject(projectId);
  const std::optional<BlobPath> path = parseBlobPath(relativePath);
  const bool own = path && path->projectId == projectId &&
                   (path->kind == BlobKind::Image || path->kind == BlobKind::Thumbnail || path->kind == BlobKind::Export);
  std::optional<std::string> bytes = own ? blobBytes(*path) : std::nullopt;
  if (!bytes) throw errors::invalidArtifactUri();
  return std::move(*bytes);
}

}  // namespace cvmock::server
