// Base64 decoding for the JSON image batches (CreateImagesFromFiles).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace cvmock::server {

// Standard alphabet, padding optional, whitespace ignored; nullopt for any other character.
std::optional<std::string> decodeBase64(std::string_view text);

}  // namespace cvmock::server
