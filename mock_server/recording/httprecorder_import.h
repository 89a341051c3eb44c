// Converting Microsoft.Rest HttpRecorder session files (the Azure .NET SDK tests' recordings) to cassettes,
// keeping every field: what has no place of its own in the format goes to the exchange's or header's "extra".
#pragma once

#include <filesystem>
#include <string>

#include "mock_server/recording/body_store.h"
#include "mock_server/recording/cassette.h"

namespace cvmock::recording {

inline constexpr const char* kHttpRecorderSource = "Microsoft.Rest HttpRecorder";

// The cassette for `source` (its header's origin is `origin`); bodies go through `store`. Bodies the recorder
// wrote as base64 (a Content-Type of image/*, application/octet-stream or multipart/*) are stored as their
// bytes. Throws RecordingError naming the file and the entry for anything that is not such a file.
Cassette importHttpRecorder(const std::filesystem::path& source, const std::string& origin, BodyStore& store);

}  // namespace cvmock::recording
