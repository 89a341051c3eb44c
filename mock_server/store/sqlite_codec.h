// How records' values are written to SQLite columns and read back, exactly: a round trip changes nothing.
#pragma once

#include <cstdint>
#include <array>
#include <map>
#include <optional>
#include <stdexcept>
#include <span>
#include <string>
#include <vector>

#include "mock_server/store/records.h"

namespace cvmock::server::sqlite {

// Clock ticks since the epoch: lossless, unlike any formatted date.
std::int64_t toTicks(TimePoint time);
TimePoint fromTicks(std::int64_t ticks);

// Enums as the stored numbers record_enums.h fixes. Reading a number no value has throws std::runtime_error:
// the database was written by a newer cvmock, and guessing would corrupt it.
template <typename E>
std::int64_t toStored(E value) {
  return static_cast<std::int64_t>(value);
}
template <typename E, std::size_t N>
E fromStored(const std::array<EnumName<E>, N>& table, std::int64_t stored) {
  std::optional<E> value = fromStoredValue(table, stored);
  if (!value) throw std::runtime_error("the database holds an unknown enumeration value " + std::to_string(stored));
  return *value;
}

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
