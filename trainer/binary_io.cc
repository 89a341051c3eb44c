// Little-endian binary writing and checked reading: the serialised forms of models and detectors.
#include "trainer/binary_io.h"

#include <bit>
#include <cmath>
#include <stdexcept>

namespace cvmock::trainer {

void BinaryWriter::word(std::uint32_t value) {
  for (int shift = 0; shift < 32; shift += 8) out_.push_back(static_cast<char>((value >> shift) & 0xFF));
}

void BinaryWriter::floats(const float* values, Eigen::Index count) {
  for (Eigen::Index i = 0; i < count; ++i) word(std::bit_cast<std::uint32_t>(values[i]));
}

std::string_view BinaryReader::take(std::size_t count) {
  if (count > bytes_.size()) throw std::runtime_error("model data is truncated");
  const std::string_view taken = bytes_.substr(0, count);
  bytes_.remove_prefix(count);
  return taken;
}

std::uint32_t BinaryReader::word() {
  const std::string_view raw = take(4);
  std::uint32_t value = 0;
  for (int i = 3; i >= 0; --i) value = (value << 8) | static_cast<std::uint8_t>(raw[i]);
  return value;
}

void BinaryReader::floats(float* into, Eigen::Index count) {
  for (Eigen::Index i = 0; i < count; ++i) {
    into[i] = std::bit_cast<float>(word());
    if (!std::isfinite(into[i])) throw std::runtime_error("model data holds a non-finite number");
  }
}

}  // namespace cvmock::trainer
