// Undoing a Content-Encoding, so a recording holds the JSON a client read rather than its compressed bytes.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace cvmock::recording {

// The decoded bytes for "gzip", "x-gzip" or "deflate" (zlib or raw); `bytes` itself for "" or "identity";
// nullopt for another coding (br) or bytes that do not decode.
std::optional<std::string> decodeContent(std::string_view bytes, const std::string& encoding);

}  // namespace cvmock::recording
