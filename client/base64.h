// Standard base64 (RFC 4648, with padding), as JSON bodies carry image bytes.
#pragma once

#include <string>
#include <string_view>

namespace cvmock::client {

std::string base64Encode(std::string_view bytes);

// The bytes of padded base64 text. Throws std::invalid_argument for text that is not base64.
std::string base64Decode(std::string_view text);

}  // namespace cvmock::client
