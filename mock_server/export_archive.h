// What an iteration export contains (docs/EXPORT.md) and where it is found: the archive and its artifact path.
#pragma once

#include <optional>
#include <string>

#include "mock_server/store.h"

namespace cvmock::server {

// Entry names inside every export archive.
inline constexpr const char* kExportManifestEntry = "manifest.json";
inline constexpr const char* kExportLabelsEntry = "labels.txt";
inline constexpr const char* kExportModelEntry = "model.cvmock";  // trainer::Model::serialize(), byte for byte
inline constexpr const char* kExportReadmeEntry = "README.md";
inline constexpr int kExportFormatVersion = 1;

// The export's artifact path, as the service names model blobs: "m-{project}/{iteration}.{platform}.zip",
// ids without hyphens, with ".{flavor}" before ".zip" when the export has a flavor.
std::string exportArtifactPath(const IterationExportRecord& exportRecord);

// What an artifact path of the "m-" container names; nullopt when it names none (ids are canonical GUIDs).
struct ExportArtifactName {
  std::string projectId;
  std::string iterationId;
  std::string platform;
  std::string flavor;  // "" for none
};
std::optional<ExportArtifactName> parseExportArtifactPath(const std::string& relativePath);

// The archive for a completed iteration of `project` (a .zip: manifest.json, labels.txt, model.cvmock,
// README.md). Deterministic: the same iteration and export give the same bytes.
std::string buildExportArchive(const ProjectRecord& project, const IterationRecord& iteration,
                               const IterationExportRecord& exportRecord);

}  // namespace cvmock::server
