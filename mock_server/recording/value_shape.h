// What a JSON value is, apart from its value: its type, and for strings their format (GUID, the service's date
// styles, URI), so "compared by shape" can tell a date written another way from a date with another value.
#pragma once

#include <string>

#include "mock_server/recording/cassette.h"

namespace cvmock::recording {

// "null", "boolean", "number" (integers and decimals alike: .NET writes 1.0 where others write 1), "string",
// "array" or "object".
std::string jsonType(const Json& value);

// For a string: "GUID", "date-time with Z", "date-time without zone", "date-time with offset", "date" (no time),
// "HTTP date" (RFC 1123), "URI", or "text".
std::string stringFormat(const std::string& value);

bool isGuid(const std::string& value);
// The 32 hex digits of a GUID without hyphens, as blob URIs spell ids.
bool isCompactGuid(const std::string& value);

// A short, readable rendering for reports: the type, and the value when it is short.
std::string describeValue(const Json& value);

}  // namespace cvmock::recording
