// Little-endian binary writing and checked reading: the serialised forms of models and detectors.
#pragma once

#include <Eigen/Core>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

namespace cvmock::trainer {

// Appends uint32 words and IEEE-754 float32 numbers, little-endian, to a string.
class BinaryWriter {
 public:
  void word(std::uint32_t value);
  void floats(const float* values, Eigen::Index count);
  void bytes(std::string_view raw) { out_.append(raw); }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
};

// Reads what BinaryWriter wrote, front to back. Every read throws std::runtime_error when the bytes run out,
// and floats() when a number is not finite.
class BinaryReader {
 public:
  explicit BinaryReader(std::string_view bytes) : bytes_(bytes) {}

  std::string_view take(std::size_t count);
  std::uint32_t word();
  void floats(float* into, Eigen::Index count);
  std::size_t remaining() const { return bytes_.size(); }

 private:
  std::string_view bytes_;
};

}  // namespace cvmock::trainer
