// Bounds-checked reads of the fixed-width integers image headers are made of.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace cvmock::trainer {

// The width-byte (1 to 4) unsigned integer at `at`, in either byte order; nullopt when it runs past the data.
inline std::optional<std::uint32_t> readUnsigned(std::string_view data, std::size_t at, std::size_t width,
                                                 bool bigEndian) {
  if (at > data.size() || width > data.size() - at) return std::nullopt;
  std::uint32_t value = 0;
  for (std::size_t i = 0; i < width; ++i) {
    const std::size_t index = bigEndian ? at + i : at + width - 1 - i;
    value = (value << 8) | static_cast<std::uint8_t>(data[index]);
  }
  return value;
}

}  // namespace cvmock::trainer
