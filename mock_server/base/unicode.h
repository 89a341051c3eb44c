// Text as the service measures and compares it: UTF-8 in, lengths counted as .NET counts a string's characters
// (UTF-16 code units), names compared under Unicode case folding.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace cvmock::server {

// The code points of well-formed UTF-8; nullopt for overlong forms, surrogates, code points past U+10FFFF or
// a sequence cut short.
std::optional<std::u32string> decodeUtf8(std::string_view text);
bool isValidUtf8(std::string_view text);

// The length the service holds names, descriptions and metadata to: UTF-16 code units, so "ü" is 1 and an
// emoji outside the Basic Multilingual Plane is 2. `text` must be valid UTF-8.
std::size_t serviceLength(std::string_view text);

// Equal under Unicode simple case folding ("Ü" and "ü", "Σ", "σ" and "ς"), as the service compares tag names.
// Invalid UTF-8 is compared byte for byte.
bool equalsFoldingCase(std::string_view a, std::string_view b);

}  // namespace cvmock::server
