// The binary form of a Model: what a published iteration stores and reloads.
//
// Layout, all integers uint32 and all numbers IEEE-754 float32, little-endian:
//   "CVMOCKMD" | version (1) | type (0 Multiclass, 1 Multilabel) | featureCount F | tagCount K |
//   mean[F] | scale[F] | weights[F x K, column by column] | bias[K]
#include <cstdint>
#include <stdexcept>

#include "trainer/binary_io.h"
#include "trainer/model.h"

namespace cvmock::trainer {
namespace {

constexpr std::string_view kMagic = "CVMOCKMD";
constexpr std::uint32_t kVersion = 1;
// Far above any real model, low enough that a corrupt count cannot request an absurd allocation.
constexpr std::uint32_t kMaxFeatures = 1u << 20;
constexpr std::uint32_t kMaxTags = 1u << 16;

}  // namespace

std::string Model::serialize() const {
  BinaryWriter out;
  out.bytes(kMagic);
  out.word(kVersion);
  out.word(type_ == ClassificationType::Multilabel ? 1 : 0);
  out.word(static_cast<std::uint32_t>(featureCount()));
  out.word(static_cast<std::uint32_t>(tagCount()));
  out.floats(mean_.data(), mean_.size());
  out.floats(scale_.data(), scale_.size());
  out.floats(weights_.data(), weights_.size());
  out.floats(bias_.data(), bias_.size());
  return out.take();
}

Model Model::deserialize(std::string_view bytes) {
  BinaryReader reader(bytes);
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
