// The binary form of a Model: what a published iteration stores and reloads.
//
// Layout, all integers uint32 and all numbers IEEE-754 float32, little-endian:
//   "CVMOCKMD" | version (1) | type (0 Multiclass, 1 Multilabel) | featureCount F | tagCount K |
//   mean[F] | scale[F] | weights[F x K, column by column] | bias[K]
#include <bit>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <stdexcept>

#include "trainer/model.h"

namespace cvmock::trainer {
namespace {

constexpr std::string_view kMagic = "CVMOCKMD";
constexpr std::uint32_t kVersion = 1;
// Far above any real model, low enough that a corrupt count cannot request an absurd allocation.
constexpr std::uint32_t kMaxFeatures = 1u << 20;
constexpr std::uint32_t kMaxTags = 1u << 16;

void putWord(std::string& out, std::uint32_t word) {
  for (int shift = 0; shift < 32; shift += 8) out.push_back(static_cast<char>((word >> shift) & 0xFF));
}

void putFloats(std::string& out, const float* values, Eigen::Index count) {
  for (Eigen::Index i = 0; i < count; ++i) putWord(out, std::bit_cast<std::uint32_t>(values[i]));
}

// Reads the serialized form front to back; every read checks that the bytes are there.
class Reader {
 public:
  explicit Reader(std::string_view bytes) : bytes_(bytes) {}

  std::string_view take(std::size_t count) {
    if (count > bytes_.size()) throw std::runtime_error("model data is truncated");
    const std::string_view taken = bytes_.substr(0, count);
    bytes_.remove_prefix(count);
    return taken;
  }

  std::uint32_t word() {
    const std::string_view raw = take(4);
    std::uint32_t value = 0;
    for (int i = 3; i >= 0; --i) value = (value << 8) | static_cast<std::uint8_t>(raw[i]);
    return value;
  }

  void floats(float* into, Eigen::Index count) {
    for (Eigen::Index i = 0; i < count; ++i) {
      into[i] = std::bit_cast<float>(word());
      if (!std::isfinite(into[i])) throw std::runtime_error("model data holds a non-finite number");
    }
  }

  std::size_t remaining() const { return bytes_.size(); }

 private:
  std::string_view bytes_;
};

}  // namespace

std::string Model::serialize() const {
  std::string out(kMagic);
  putWord(out, kVersion);
  putWord(out, type_ == ClassificationType::Multilabel ? 1 : 0);
  putWord(out, static_cast<std::uint32_t>(featureCount()));
  putWord(out, static_cast<std::uint32_t>(tagCount()));
  putFloats(out, mean_.data(), mean_.size());
  putFloats(out, scale_.data(), scale_.size());
  putFloats(out, weights_.data(), weights_.size());
  putFloats(out, bias_.data(), bias_.size());
  return out;
}

Model Model::deserialize(std::string_view bytes) {
  Reader reader(bytes);
  if (reader.take(kMagic.size()) != kMagic) throw std::runtime_error("not a cvmock model");
  if (reader.word() != kVersion) throw std::runtime_error("unsupported model version");
  const std::uint32_t type = reader.word();
  if (type > 1) throw std::runtime_error("unknown classification type in model");
  const std::uint32_t features = reader.word();
  const std::uint32_t tags = reader.word();
  if (features > kMaxFeatures || tags > kMaxTags) throw std::runtime_error("model sizes out of range");
  const std::size_t floatCount = (2 + std::size_t{tags}) * features + tags;
  if (reader.remaining() != 4 * floatCount) throw std::runtime_error("model data has the wrong length");
  Eigen::VectorXf mean(features), scale(features), bias(tags);
  Eigen::MatrixXf weights(features, tags);
  reader.floats(mean.data(), mean.size());
  reader.floats(scale.data(), scale.size());
  reader.floats(weights.data(), weights.size());
  reader.floats(bias.data(), bias.size());
  const auto kind = type == 1 ? ClassificationType::Multilabel : ClassificationType::Multiclass;
  return Model(kind, std::move(mean), std::move(scale), std::move(weights), std::move(bias));
}

}  // namespace cvmock::trainer
