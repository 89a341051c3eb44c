// How records' values are written to SQLite columns and read back, exactly: a round trip changes nothing.
#pragma once

#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <vector>

#include "mock_server/records.h"

namespace cvmock::server::sqlite {

// Clock ticks since the epoch: lossless, unlike any formatted date.
std::int64_t toTicks(TimePoint time);
TimePoint fromTicks(std::int64_t ticks);

// Floats as their raw bytes (native byte order: the database is only read by the machine that wrote it).
std::span<const std::byte> floatBytes(const std::vector<float>& values);
std::vector<float> floatsFromBlob(const std::string& blob);
std::span<const std::byte> stringBytes(const std::string& bytes);

// Lists and maps as JSON text. Floats survive exactly: a float widened to double prints as the shortest
// text that parses back to the same double. The readers throw nlohmann::json::exception on foreign text.
std::string encodeStrings(const std::vector<std::string>& values);
std::vector<std::string> decodeStrings(const std::string& json);
std::string encodeMetadata(const std::map<std::string, std::string>& metadata);
std::map<std::string, std::string> decodeMetadata(const std::string& json);
std::string encodeTrainedTags(const std::vector<TrainedTag>& tags);
std::vector<TrainedTag> decodeTrainedTags(const std::string& json);
std::string encodeHoldout(const std::vector<HoldoutImage>& holdout);
std::vector<HoldoutImage> decodeHoldout(const std::string& json);
std::string encodePredictionEntries(const std::vector<PredictionEntry>& entries);
std::vector<PredictionEntry> decodePredictionEntries(const std::string& json);

}  // namespace cvmock::server::sqlite
