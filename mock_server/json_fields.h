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

}  // namespace cvmock::server
