// Transfers: a project exported behind a token and imported as a new project; iterations exported as archives
// (docs/EXPORT.md); and the blobs both kinds of artifact and the images are fetched as.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "mock_server/service/blob_paths.h"
#include "mock_server/service/service_state.h"

namespace cvmock::server {

// Thread-safe; every failure is a ServiceError from the catalogue (base/errors.h).
class TransferService {
 public:
  explicit TransferService(ServiceState& state);

  // project_transfers.cc
  // Freezes the project as it is now (settings, tags, images, completed iterations) in a snapshot that
  // outlives it; its token expires after 24 hours, as the service's does.
  ProjectExportView exportProject(const std::string& projectId);
  // Recreates the snapshot a token names as a new project, synchronously; its iterations come along,
  // unpublished. `name` defaults to the source's name with " (n)", the first n not taken.
  // A malformed, unknown or expired token is BadRequestInvalidImportToken.
  ProjectRecord importProject(const std::string& token, const std::optional<std::string>& name);

  // iteration_exports.cc
  // Starts an export of a completed iteration trained on a compact domain; answered with status Exporting.
  IterationExportRecord exportIteration(const std::string& projectId, const std::string& iterationId,
                                        const std::string& platform, const std::optional<std::string>& flavor);
  // The iteration's exports, first requested first. An export reads Exporting until the first GetExports
  // after it, which (like the service ~2 s later) finds it Done.
  std::vector<IterationExportRecord> getExports(const std::string& projectId, const std::string& iterationId);

  // artifacts.cc
  // The bytes of one of the project's artifacts by relative path (blob_paths.h): an image or thumbnail, or an
  // export archive once Done. Anything else, including another project's path, is BadRequestInvalidArtifactUri.
  std::string getArtifact(const std::string& projectId, const std::string& relativePath) const;
  // Any blob by its path alone (the URLs responses give); nullopt when there is none.
  std::optional<std::string> blobBytes(const BlobPath& path) const;

 private:
  std::optional<std::string> exportArchive(const BlobPath& path) const;

  ServiceState& state_;
};

}  // namespace cvmock::server
