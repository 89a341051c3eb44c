// Reading optional fields of a request body, with the service's error for a wrong type.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "mock_server/base/limits.h"
#include "mock_server/service/region_rules.h"

namespace cvmock::server {

// Absent or null gives nullopt; a value of another type is BadRequest.
std::optional<std::string> optionalStringField(const nlohmann::json& object, const char* key);
// An array of GUID strings; BadRequestInvalidIds for a malformed one.
std::vector<std::string> guidListField(const nlohmann::json& object, const char* key);
// The body must be a JSON object; BadRequest otherwise.
const nlohmann::json& requireObject(const nlohmann::json& body);
// Image metadata (string to string; null is none): at most maxMetadataPairs pairs and keys of at most
// maxMetadataKeyLength characters (else BadRequestImageMetadataKey), string values of at most
// maxMetadataValueLength (else BadRequestImageMetadataValue).
std::map<std::string, std::string> imageMetadata(const nlohmann::json& metadata, const ServiceLimits& limits);

// A number field (float on the wire); BadRequest when it is absent or not a number.
float requiredFloatField(const nlohmann::json& object, const char* key);
// A region's tag and box (the spec's Region, or the tag and box of an ImageRegionCreateEntry);
// BadRequestInvalidIds for a malformed tagId, BadRequest for a missing or non-numeric coordinate.
RegionLabel regionLabel(const nlohmann::json& region);

// One entry of a JSON image batch (ImageFileCreateBatch, ImageUrlCreateBatch, ImageIdCreateBatch): the
// entry's object, its tags followed by the batch's, and its regions.
struct ImageBatchEntry {
  const nlohmann::json* fields;  // into the body the entries were read from
  std::vector<std::string> tagIds;
  std::map<std::string, std::string> metadata;  // the batch's, for every entry
  std::vector<RegionLabel> regions;
};
// The envelope the three batch bodies share: an object, its metadata checked, a required `images` array
// of objects. Throws the service's errors for each violation.
std::vector<ImageBatchEntry> imageBatchEntries(const nlohmann::json& body, const ServiceLimits& limits);

}  // namespace cvmock::server
