// JSON types and string formats.
#include "mock_server/recording/value_shape.h"

#include <regex>

namespace cvmock::recording {
namespace {

constexpr std::size_t kShownLength = 60;

bool hexRun(const std::string& value, std::size_t from, std::size_t count) {
  for (std::size_t i = from; i < from + count; ++i) {
    if (!std::isxdigit(static_cast<unsigned char>(value[i]))) return false;
  }
  return true;
}

}  // namespace

std::string jsonType(const Json& value) {
  if (value.is_null()) return "null";
  if (value.is_boolean()) return "boolean";
  if (value.is_number()) return "number";
  if (value.is_string()) return "string";
  return value.is_array() ? "array" : "object";
}

bool isGuid(const std::string& value) {
  return value.size() == 36 && value[8] == '-' && value[13] == '-' && value[18] == '-' && value[23] == '-' &&
         hexRun(value, 0, 8) && hexRun(value, 9, 4) && hexRun(value, 14, 4) && hexRun(value, 19, 4) &&
         hexRun(value, 24, 12);
}

bool isCompactGuid(const std::string& value) { return value.size() == 32 && hexRun(value, 0, 32); }

std::string stringFormat(const std::string& value) {
  static const std::regex dateTime(R"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)");
  static const std::regex dateOnly(R"(\d{4}-\d{2}-\d{2})");
  static const std::regex httpDate(R"([A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT)");
  static const std::regex uri(R"([A-Za-z][A-Za-z0-9+.-]*://\S+)");
  if (isGuid(value)) return "GUID";
  std::smatch match;
  if (std::regex_match(value, match, dateTime)) {
    const std::string zone = match[3].str();
    return zone.empty() ? "date-time without zone" : zone == "Z" ? "date-time with Z" : "date-time with offset";
  }
  if (std::regex_match(value, dateOnly)) return "date";
  if (std::regex_match(value, httpDate)) return "HTTP date";
  if (std::regex_match(value, uri)) return "URI";
  return "text";
}

std::string describeValue(const Json& value) {
  const std::string type = jsonType(value);
  if (value.is_array()) return "array of " + std::to_string(value.size());
  if (value.is_object() || value.is_null()) return type;
  std::string shown = value.dump();
  if (shown.size() > kShownLength) shown = shown.substr(0, kShownLength) + "…";
  return type + " " + shown;
}

}  // namespace cvmock::recording
