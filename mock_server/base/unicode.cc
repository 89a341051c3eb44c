// UTF-8 decoding, UTF-16 lengths and case folding through glibc's C.UTF-8 locale (present on every Debian
// system, so no table is carried here).
#include "mock_server/base/unicode.h"

#include <cstdint>
#include <cwctype>

#include <locale.h>

namespace cvmock::server {
namespace {

// One locale object for the process, never the global locale, so nothing else's behaviour changes.
locale_t unicodeLocale() {
  static const locale_t locale = newlocale(LC_CTYPE_MASK, "C.UTF-8", static_cast<locale_t>(nullptr));
  return locale;
}

// Simple case folding: upper then lower case maps the case variants of a letter (final sigma included) to one.
char32_t fold(char32_t c, locale_t locale) {
  if (c < 0x80) return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
  if (locale == static_cast<locale_t>(nullptr)) return c;
  return static_cast<char32_t>(towlower_l(towupper_l(static_cast<wint_t>(c), locale), locale));
}

}  // namespace

std::optional<std::u32string> decodeUtf8(std::string_view text) {
  std::u32string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    const auto lead = static_cast<unsigned char>(text[i]);
    const int length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 0;
    if (length == 0 || i + length > text.size()) return std::nullopt;
    std::uint32_t codePoint = length == 1 ? lead : lead & (0xFF >> (length + 1));
    for (int k = 1; k < length; ++k) {
      const auto next = static_cast<unsigned char>(text[i + k]);
      if ((next & 0xC0) != 0x80) return std::nullopt;
      codePoint = (codePoint << 6) | (next & 0x3F);
    }
    constexpr std::uint32_t kSmallest[] = {0, 0, 0x80, 0x800, 0x10000};
    if (codePoint < kSmallest[length] || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF)) {
      return std::nullopt;
    }
    out.push_back(static_cast<char32_t>(codePoint));
    i += length;
  }
  return out;
}

bool isValidUtf8(std::string_view text) { return decodeUtf8(text).has_value(); }

std::size_t serviceLength(std::string_view text) {
  std::size_t units = 0;
  for (unsigned char c : text) {
    if ((c & 0xC0) != 0x80) units += c >= 0xF0 ? 2 : 1;  // a lead byte; four-byte sequences need a surrogate pair
  }
  return units;
}

bool equalsFoldingCase(std::string_view a, std::string_view b) {
  const std::optional<std::u32string> left = decodeUtf8(a);
  const std::optional<std::u32string> right = decodeUtf8(b);
  if (!left || !right) return a == b;
  if (left->size() != right->size()) return false;
  const locale_t locale = unicodeLocale();
  for (std::size_t i = 0; i < left->size(); ++i) {
    if (fold((*left)[i], locale) != fold((*right)[i], locale)) return false;
  }
  return true;
}

}  // namespace cvmock::server
