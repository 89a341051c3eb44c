// Reading optional fields of a request body, with the service's error for a wrong type.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace cvmock::server {

// Absent or null gives nullopt; a value of another type is BadRequest.
std::optional<std::string> optionalStringField(const nlohmann::json& object, const char* key);
// An array of GUID strings; BadRequestInvalidIds for a malformed one.
std::vector<std::string> guidListField(const nlohmann::json& object, const char* key);
// The body must be a JSON object; BadRequest otherwise.
const nlohmann::json& requireObject(const nlohmann::json& body);
// An image batch's optional `metadata` (string to string): at most 50 pairs, keys of at most 256 characters
// (BadRequestImageMetadataKey), string values of at most 512 (BadRequestImageMetadataValue).
void checkImageMetadata(const nlohmann::json& batch);

// One entry of a JSON image batch (ImageFileCreateBatch, ImageUrlCreateBatch, ImageIdCreateBatch): the
// entry's object, and its tags followed by the batch's.
struct ImageBatchEntry {
  const nlohmann::json* fields;  // into the body the entries were read from
  std::vector<std::string> tagIds;
};
// The envelope the three batch bodies share: an object, its metadata checked, a required `images` array
// of objects. Throws the service's errors for each violation.
std::vector<ImageBatchEntry> imageBatchEntries(const nlohmann::json& body);

}  // namespace cvmock::server
