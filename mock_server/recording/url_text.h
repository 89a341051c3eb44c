// Percent-encoding for request targets, as the replay rewrites query values.
#pragma once

#include <string>
#include <string_view>

namespace cvmock::recording {

// %XX sequences decoded; "+" and malformed escapes are left as they are.
std::string percentDecode(std::string_view text);
// Every byte but A-Z a-z 0-9 - . _ ~ as %XX (upper-case hex).
std::string percentEncode(std::string_view text);

}  // namespace cvmock::recording
