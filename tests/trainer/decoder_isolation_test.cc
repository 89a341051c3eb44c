// A decode leaves nothing behind on its thread: after refused or damaged JPEGs, every image decodes as on a fresh
// thread (a reused libjpeg-turbo handle once kept failing after one bad header, and lent one image's tables to
// the next).
#include <cstdint>
#include <ostream>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "fixtures/generator.h"
#include "tests/trainer/encoded_images.h"
#include "trainer/decode.h"
#include "trainer/preprocess.h"
#include "trainer/reduced_decode.h"

namespace cvmock::trainer {
namespace {

// What a decode gave: the image, or the refusal.
struct Outcome {
  std::string refusal;
  int width = 0;
  int height = 0;
  std::vector<std::uint8_t> pixels;
  bool operator==(const Outcome&) const = default;
};

void PrintTo(const Outcome& outcome, std::ostream* out) {
  if (outcome.refusal.empty()) {
    *out << outcome.width << " x " << outcome.height << " image";
  } else {
    *out << "refused (" << outcome.refusal << ")";
  }
}

enum class Path { Features, FullSize };

const char* nameOf(Path path) { return path == Path::Features ? "Features" : "FullSize"; }
void PrintTo(Path path, std::ostream* out) { *out << nameOf(path); }

Outcome decode(const std::string& bytes, Path path) {
  try {
    const RgbImage image = path == Path::Features ? decodeForFeatures(bytes, 2 * kWorkingSize) : decodeImage(bytes);
    return Outcome{"", image.width, image.height, image.pixels};
  } catch (const DecodeError& error) {
    return Outcome{error.what(), 0, 0, {}};
  }
}

Outcome decodeOnAFreshThread(const std::string& bytes, Path path) {
  Outcome outcome;
  std::thread([&] { outcome = decode(bytes, path); }).join();
  return outcome;
}

std::string fixtureJpeg() {
  fixtures::FixtureSpec spec;
  spec.classes = {"circle"};
  spec.imagesPerClass = 1;  // the first image of a set is a JPEG
  return fixtures::generateFixtureSet(spec).front().bytes;
}

// jpeg with its segment of the given marker removed (all of them), the rest unchanged.
std::string withoutSegments(const std::string& jpeg, unsigned char marker) {
  std::string out = jpeg.substr(0, 2);
  std::size_t at = 2;
  while (at + 4 <= jpeg.size() && static_cast<unsigned char>(jpeg[at + 1]) != 0xDA) {
    const std::size_t length = static_cast<unsigned char>(jpeg[at + 2]) << 8 | static_cast<unsigned char>(jpeg[at + 3]);
    if (static_cast<unsigned char>(jpeg[at + 1]) != marker) out += jpeg.substr(at, 2 + length);
    at += 2 + length;
  }
  return out + jpeg.substr(at);
}

// Cuts inside each header segment and the scan, and header fields made inconsistent: the inputs that once left a
// reused decoder half-way through a header.
std::vector<std::string> damagedCopies(const std::string& jpeg) {
  std::vector<std::string> damaged;
  for (const std::size_t length : {3, 20, 30, 50, 100, 150, 200, 300, 400, 620}) {
    damaged.push_back(jpeg.substr(0, length));
  }
  for (const std::size_t divisor : {4, 2}) damaged.push_back(jpeg.substr(0, jpeg.size() / divisor));
  for (const std::size_t at : {4, 5, 25, 40, 160}) {
    std::string corrupt = jpeg;
    corrupt[at] = '\xFF';
    damaged.push_back(corrupt);
  }
  damaged.push_back(withoutSegments(jpeg, 0xDB));  // no quantisation tables
  damaged.push_back(withoutSegments(jpeg, 0xC4));  // no Huffman tables
  return damaged;
}

class DecoderIsolation : public ::testing::TestWithParam<Path> {};

TEST_P(DecoderIsolation, AValidJpegDecodesTheSameAfterDamagedOnesOnTheSameThread) {
  const std::vector<std::string> valid{fixtureJpeg(),
                                       test_images::jpeg(test_images::texture(96, 64), {.progressive = true})};
  std::vector<Outcome> expected;
  for (const std::string& bytes : valid) {
    expected.push_back(decodeOnAFreshThread(bytes, GetParam()));
    ASSERT_EQ(expected.back().refusal, "");
  }
  for (const std::string& bytes : damagedCopies(valid[0])) decode(bytes, GetParam());
  for (int round = 0; round < 30; ++round) {
    for (std::size_t i = 0; i < valid.size(); ++i) EXPECT_EQ(decode(valid[i], GetParam()), expected[i]) << round;
  }
}

TEST_P(DecoderIsolation, EachImageGetsTheOutcomeAFreshThreadGivesIt) {
  const std::string valid = fixtureJpeg();
  for (const std::string& damaged : damagedCopies(valid)) {
    const Outcome fresh = decodeOnAFreshThread(damaged, GetParam());
    decode(valid, GetParam());
    EXPECT_EQ(decode(damaged, GetParam()), fresh) << "input of " << damaged.size() << " bytes after a valid image";
    EXPECT_EQ(decode(valid, GetParam()), decodeOnAFreshThread(valid, GetParam())) << "after " << damaged.size();
  }
}

INSTANTIATE_TEST_SUITE_P(BothPaths, DecoderIsolation, ::testing::Values(Path::Features, Path::FullSize),
                         [](const auto& info) { return std::string(nameOf(info.param)); });

}  // namespace
}  // namespace cvmock::trainer
