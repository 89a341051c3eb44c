// The binary form of a Detector: what an iteration stores and an export carries.
//
// Layout, all integers uint32 and all numbers IEEE-754 float32, little-endian:
//   "CVMOCKDT" | version (2) | class count K | tag index of each class [K] |
//   settings (detector_settings.h, in its order: scene side, levels, proposal level, fine k, fine minimum
//   region, coarse k, coarse minimum region, duplicate overlap, max proposals, crop context, suppression
//   overlap, minimum probability, max detections) |
//   classifier byte count | the classifier's Model::serialize() form (K + 1 outputs, the last background) |
//   feature count F | regression mean[F] | scale[F] | weights[F x 4K, column by column] | bias[4K]
// Version 1, the same without the settings, was written only by builds running kDetectorSettings.
#include <cstdint>
#include <stdexcept>

#include "trainer/binary_io.h"
#include "trainer/detection/detector.h"
#include "trainer/detection/detector_model.h"
#include "trainer/detection/detector_settings.h"
#include "trainer/features.h"

namespace cvmock::trainer::detection {
namespace {

constexpr std::string_view kMagic = "CVMOCKDT";
constexpr std::uint32_t kVersion = 2;
constexpr std::uint32_t kVersionWithoutSettings = 1;
// Far above any real detector, low enough that a corrupt count cannot request an absurd allocation.
constexpr std::uint32_t kMaxClasses = 1u << 12;

void writeNumber(BinaryWriter& out, float value) { out.floats(&value, 1); }

float readNumber(BinaryReader& in) {
  float value = 0;
  in.floats(&value, 1);
  return value;
}

void writeSettings(BinaryWriter& out, const DetectorSettings& settings) {
  out.word(static_cast<std::uint32_t>(settings.sceneSide));
  out.word(static_cast<std::uint32_t>(settings.sceneLevels));
  out.word(static_cast<std::uint32_t>(settings.proposalLevel));
  writeNumber(out, settings.fineSegmentation.k);
  out.word(static_cast<std::uint32_t>(settings.fineSegmentation.minRegionSize));
  writeNumber(out, settings.coarseSegmentation.k);
  out.word(static_cast<std::uint32_t>(settings.coarseSegmentation.minRegionSize));
  writeNumber(out, settings.duplicateProposalOverlap);
  out.word(static_cast<std::uint32_t>(settings.maxProposals));
  writeNumber(out, settings.cropContext);
  writeNumber(out, settings.suppressionOverlap);
  writeNumber(out, settings.minDetectionProbability);
  out.word(static_cast<std::uint32_t>(settings.maxDetections));
}

// Words past INT32_MAX cannot equal a setting, so the comparison with kDetectorSettings refuses them.
int readInt(BinaryReader& in) {
  const std::uint32_t word = in.word();
  return word > INT32_MAX ? -1 : static_cast<int>(word);
}

DetectorSettings readSettings(BinaryReader& in) {
  DetectorSettings settings;
  settings.sceneSide = readInt(in);
  settings.sceneLevels = readInt(in);
  settings.proposalLevel = readInt(in);
  settings.fineSegmentation.k = readNumber(in);
  settings.fineSegmentation.minRegionSize = readInt(in);
  settings.coarseSegmentation.k = readNumber(in);
  settings.coarseSegmentation.minRegionSize = readInt(in);
  settings.duplicateProposalOverlap = readNumber(in);
  settings.maxProposals = readInt(in);
  settings.cropContext = readNumber(in);
  settings.suppressionOverlap = readNumber(in);
  settings.minDetectionProbability = readNumber(in);
  settings.maxDetections = readInt(in);
  return settings;
}

}  // namespace

std::string Detector::serialize() const {
  const DetectorModel& fitted = model();
  BinaryWriter out;
  out.bytes(kMagic);
  out.word(kVersion);
  out.word(static_cast<std::uint32_t>(fitted.tags().size()));
  for (const int tag : fitted.tags()) out.word(static_cast<std::uint32_t>(tag));
  writeSettings(out, kDetectorSettings);
  const std::string classifier = fitted.classifier().serialize();
  out.word(static_cast<std::uint32_t>(classifier.size()));
  out.bytes(classifier);
  const BoxRegressor& regressor = fitted.regressor();
  out.word(static_cast<std::uint32_t>(regressor.weights.rows()));
  out.floats(regressor.standardization.mean.data(), regressor.standardization.mean.size());
  out.floats(regressor.standardization.scale.data(), regressor.standardization.scale.size());
  out.floats(regressor.weights.data(), regressor.weights.size());
  out.floats(regressor.bias.data(), regressor.bias.size());
  return out.take();
}

Detector Detector::deserialize(std::string_view bytes) {
  BinaryReader reader(bytes);
  if (reader.take(kMagic.size()) != kMagic) throw std::runtime_error("not a cvmock detector");
  const std::uint32_t version = reader.word();
  if (version != kVersion && version != kVersionWithoutSettings) {
    throw std::runtime_error("unsupported detector version");
  }
  const std::uint32_t classes = reader.word();
  if (classes == 0 || classes > kMaxClasses) throw std::runtime_error("detector class count out of range");
  std::vector<int> tags;
  for (std::uint32_t c = 0; c < classes; ++c) {
    const std::uint32_t tag = reader.word();
    if (tag > INT32_MAX || (!tags.empty() && static_cast<int>(tag) <= tags.back())) {
      throw std::runtime_error("detector tags are not increasing");
    }
    tags.push_back(static_cast<int>(tag));
  }
  if (version == kVersion && !(readSettings(reader) == kDetectorSettings)) {
    throw std::runtime_error("detector was built for proposal or suppression settings this library does not run");
  }
  Model classifier = Model::deserialize(reader.take(reader.word()));
  const std::uint32_t features = reader.word();
  if (features != static_cast<std::uint32_t>(featureDimension())) {
    throw std::runtime_error("detector was trained on features of another build");
  }
  const std::size_t floatCount = 2 * std::size_t{features} + (std::size_t{features} + 1) * 4 * classes;
  if (reader.remaining() != 4 * floatCount) throw std::runtime_error("detector data has the wrong length");
  BoxRegressor regressor;
  regressor.standardization.mean.resize(features);
  regressor.standardization.scale.resize(features);
  regressor.weights.resize(features, 4 * classes);
  regressor.bias.resize(4 * classes);
  reader.floats(regressor.standardization.mean.data(), features);
  reader.floats(regressor.standardization.scale.data(), features);
  reader.floats(regressor.weights.data(), regressor.weights.size());
  reader.floats(regressor.bias.data(), regressor.bias.size());
  try {
    return Detector(
        std::make_shared<const DetectorModel>(std::move(tags), std::move(classifier), std::move(regressor)));
  } catch (const std::invalid_argument& error) {
    throw std::runtime_error(error.what());
  }
}

}  // namespace cvmock::trainer::detection
