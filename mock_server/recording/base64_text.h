// Base64 (RFC 4648, with padding), as HttpRecorder writes binary bodies and request URIs.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace cvmock::recording {

std::string encodeBase64Text(std::string_view bytes);
// nullopt for text that is not padded base64 (whitespace is not allowed either).
std::optional<std::string> decodeBase64Text(std::string_view text);

}  // namespace cvmock::recording
