// Standard base64 (RFC 4648, with padding), as JSON bodies carry image bytes.
#pragma once

#include <string>
#include <string_view>

namespace cvmock::client {

std::string base64Encode(std::string_view bytes);

}  // namespace cvmock::client
