// A project frozen by ExportProject, and its byte form: what an import token stands for.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "mock_server/store/store.h"

namespace cvmock::server {

// Everything ImportProject recreates: the project's settings, its tags, its images (bytes, tags, metadata and
// the features computed at upload) and its completed iterations (models included). Ids are the source's.
using ProjectSnapshot = ProjectContents;

// A self-describing binary form (CBOR); decodeSnapshot(encodeSnapshot(s)) restores s exactly.
std::string encodeSnapshot(const ProjectSnapshot& snapshot);
// Throws std::runtime_error (or nlohmann::json::exception) on bytes encodeSnapshot did not produce.
ProjectSnapshot decodeSnapshot(std::string_view bytes);

}  // namespace cvmock::server
