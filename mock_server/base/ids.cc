// Seeded version-4 GUIDs and GUID parsing.
#include "mock_server/base/ids.h"

#include <cctype>

namespace cvmock::server {

IdGenerator::IdGenerator(std::uint64_t seed) : engine_(seed) {}

std::string IdGenerator::next() {
  std::uint64_t high, low;
  {
    std::lock_guard lock(mutex_);
    high = engine_();
    low = engine_();
  }
  high = (high & 0xffffffffffff0fffULL) | 0x0000000000004000ULL;  // version 4
  low = (low & 0x3fffffffffffffffULL) | 0x8000000000000000ULL;    // RFC 4122 variant
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(36);
  auto put = [&](std::uint64_t value, int nibbles) {
    for (int i = nibbles - 1; i >= 0; --i) out.push_back(kHex[(value >> (i * 4)) & 0xf]);
  };
  put(high >> 32, 8);
  out.push_back('-');
  put(high >> 16, 4);
  out.push_back('-');
  put(high, 4);
  out.push_back('-');
  put(low >> 48, 4);
  out.push_back('-');
  put(low, 12);
  return out;
}

namespace {

// SplitMix64's finaliser: nearby inputs give unrelated outputs.
std::uint64_t mix(std::uint64_t value) {
  value = (value ^ (value >> 30)) * 0xbf58476d1ce4e5b9ULL;
  value = (value ^ (value >> 27)) * 0x94d049bb133111ebULL;
  return value ^ (value >> 31);
}

}  // namespace

std::uint64_t restartSeed(std::uint64_t seed, std::uint64_t restarts) {
  return restarts == 0 ? seed : mix(seed ^ mix(restarts));
}

std::optional<std::string> normaliseGuid(std::string_view text) {
  if (text.size() >= 2 && text.front() == '{' && text.back() == '}') text = text.substr(1, text.size() - 2);
  std::string hex;
  for (char c : text) {
    if (c == '-') continue;
    if (!std::isxdigit(static_cast<unsigned char>(c))) return std::nullopt;
    hex.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  if (hex.size() != 32) return std::nullopt;
  if (text.size() == 36 && (text[8] != '-' || text[13] != '-' || text[18] != '-' || text[23] != '-')) {
    return std::nullopt;
  }
  if (text.size() != 36 && text.size() != 32) return std::nullopt;
  return hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" + hex.substr(16, 4) + "-" +
         hex.substr(20);
}

std::string compactGuid(std::string_view guid) {
  std::string out;
  for (char c : guid) {
    if (c != '-') out.push_back(c);
  }
  return out;
}

}  // namespace cvmock::server
