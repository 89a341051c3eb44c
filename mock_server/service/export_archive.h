// What an iteration export contains (docs/EXPORT.md): the archive, built on demand.
#pragma once

#include <string>

#include "mock_server/store/store.h"

namespace cvmock::server {

// Entry names inside every export archive.
inline constexpr const char* kExportManifestEntry = "manifest.json";
inline constexpr const char* kExportLabelsEntry = "labels.txt";
// A classifier's trainer::Model::serialize() or a detector's trainer::detection::Detector::serialize(), byte for byte.
inline constexpr const char* kExportModelEntry = "model.cvmock";
inline constexpr const char* kExportReadmeEntry = "README.md";
inline constexpr int kExportFormatVersion = 1;

// The archive for a completed iteration of `project` (a .zip: manifest.json, labels.txt, model.cvmock,
// README.md), a classifier's or a detector's by the iteration's domain. Deterministic: the same iteration and
// export give the same bytes. Throws std::runtime_error when the iteration's model does not load.
std::string buildExportArchive(const ProjectRecord& project, const IterationRecord& iteration,
                               const IterationExportRecord& exportRecord);

}  // namespace cvmock::server
