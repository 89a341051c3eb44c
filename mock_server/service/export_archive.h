// What an iteration export contains (docs/EXPORT.md): the archive, built on demand.
#pragma once

#include <string>

#include "mock_server/store/store.h"

namespace cvmock::server {

// Entry names inside every export archive.
inline constexpr const char* kExportManifestEntry = "manifest.json";
inline constexpr const char* kExportLabelsEntry = "labels.txt";
inline constexpr const char* kExportModelEntry = "model.cvmock";  // trainer::Model::serialize(), byte for byte
inline constexpr const char* kExportReadmeEntry = "README.md";
inline constexpr int kExportFormatVersion = 1;

// The archive for a completed iteration of `project` (a .zip: manifest.json, labels.txt, model.cvmock,
// README.md). Deterministic: the same iteration and export give the same bytes.
std::string buildExportArchive(const ProjectRecord& project, const IterationRecord& iteration,
                               const IterationExportRecord& exportRecord);

}  // namespace cvmock::server
