// Truncated files of every format are refused as Format on both decode paths, wherever they are cut before the
// last pixel; what only follows the pixels (end markers, later frames, stray bytes) may be missing or extra.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "fixtures/generator.h"
#include "tests/trainer/encoded_images.h"
#include "trainer/decode.h"
#include "trainer/preprocess.h"
#include "trainer/reduced_decode.h"

namespace cvmock::trainer {
namespace {

using test_images::texture;

struct Sample {
  std::string name;
  std::string bytes;
  std::size_t pixelsEnd;  // the bytes every pixel needs; the rest of the file carries none
};

// Small images, so that every cut can be tried. pixelsEnd leaves out what follows the pixels: a single-scan
// JPEG's EOI (2 bytes), a PNG's IEND chunk (12), a GIF's trailer (1); a progressive JPEG needs its EOI.
std::vector<Sample> smallSamples() {
  const RgbImage picture = texture(40, 24);
  const std::string baseline = test_images::jpeg(picture);
  const std::string restarts = test_images::jpeg(picture, {.restartInterval = 2});
  const std::string progressive = test_images::jpeg(picture, {.progressive = true});
  const std::string png = test_images::png(picture);
  const std::string splitPng = test_images::withSplitImageData(png, 200);
  const std::string bmp = test_images::bmp(picture);
  const std::string gif = test_images::gif(picture);
  return {{"baseline JPEG", baseline, baseline.size() - 2},
          {"JPEG with restart markers", restarts, restarts.size() - 2},
          {"progressive JPEG", progressive, progressive.size()},
          {"PNG", png, png.size() - 12},
          {"PNG in 200-byte IDAT chunks", splitPng, splitPng.size() - 12},
          {"BMP", bmp, bmp.size()},
          {"GIF", gif, gif.size() - 1}};
}

// The failure each decode path gives the bytes, or nullopt when it decodes them.
std::optional<DecodeFailure> fullSizeFailure(const std::string& bytes) {
  try {
    decodeImage(bytes);
  } catch (const DecodeError& error) {
    return error.failure();
  }
  return std::nullopt;
}

std::optional<DecodeFailure> featuresFailure(const std::string& bytes) {
  try {
    decodeForFeatures(bytes, 2 * kWorkingSize);
  } catch (const DecodeError& error) {
    return error.failure();
  }
  return std::nullopt;
}

void expectSamePicture(const RgbImage& actual, const RgbImage& expected, const std::string& what) {
  EXPECT_EQ(actual.width, expected.width) << what;
  EXPECT_EQ(actual.height, expected.height) << what;
  EXPECT_TRUE(actual.pixels == expected.pixels) << what;
}

TEST(Truncation, EveryCutBeforeTheLastPixelIsRefusedAsFormat) {
  for (const Sample& sample : smallSamples()) {
    ASSERT_EQ(fullSizeFailure(sample.bytes), std::nullopt) << sample.name;
    for (std::size_t length = 0; length < sample.pixelsEnd; ++length) {
      const std::string cut = sample.bytes.substr(0, length);
      EXPECT_EQ(fullSizeFailure(cut), DecodeFailure::Format) << sample.name << " cut at " << length;
      EXPECT_EQ(featuresFailure(cut), DecodeFailure::Format) << sample.name << " cut at " << length;
    }
  }
}

TEST(Truncation, ACutAfterTheLastPixelDecodesTheWholePicture) {
  for (const Sample& sample : smallSamples()) {
    const RgbImage whole = decodeImage(sample.bytes);
    const RgbImage wholeForFeatures = decodeForFeatures(sample.bytes, 2 * kWorkingSize);
    for (std::size_t length = sample.pixelsEnd; length < sample.bytes.size(); ++length) {
      const std::string cut = sample.bytes.substr(0, length);
      const std::string what = sample.name + " cut at " + std::to_string(length);
      expectSamePicture(decodeImage(cut), whole, what);
      expectSamePicture(decodeForFeatures(cut, 2 * kWorkingSize), wholeForFeatures, what);
    }
  }
}

TEST(Truncation, FixtureImagesCutAnywhereInTheirPixelsAreRefused) {
  fixtures::FixtureSpec spec;
  spec.classes = {"circle"};
  spec.imagesPerClass = 2;  // a JPEG and a PNG
  spec.width = 320;
  spec.height = 240;
  for (const fixtures::FixtureImage& image : fixtures::generateFixtureSet(spec)) {
    const std::size_t size = image.bytes.size();
    for (const std::size_t length : {std::size_t{2000}, size / 10, size / 4, size / 2, size * 3 / 4, size * 9 / 10,
                                     size - 20}) {
      const std::string cut = image.bytes.substr(0, length);
      EXPECT_EQ(fullSizeFailure(cut), DecodeFailure::Format) << image.fileName << " cut at " << length;
      EXPECT_EQ(featuresFailure(cut), DecodeFailure::Format) << image.fileName << " cut at " << length;
    }
  }
}

// Real files carry bytes libjpeg warns about but skips: padding between segments, zeros after the scan (some
// cameras), data after EOI. No pixel depends on them.
TEST(Truncation, StrayBytesAroundJpegSegmentsAreHarmless) {
  for (const bool progressive : {false, true}) {
    const std::string jpeg = test_images::jpeg(texture(40, 24), {.progressive = progressive});
    const RgbImage whole = decodeImage(jpeg);
    const std::size_t afterFirstSegment =  // SOI (2), marker (2), then the length the segment gives
        4 + (std::size_t{static_cast<unsigned char>(jpeg[4])} << 8 | static_cast<unsigned char>(jpeg[5]));
    const std::size_t endOfScans = jpeg.size() - 2;
    const std::vector<std::string> padded{
        jpeg.substr(0, afterFirstSegment) + std::string(3, '\0') + jpeg.substr(afterFirstSegment),
        jpeg.substr(0, endOfScans) + std::string(5, '\0') + jpeg.substr(endOfScans),
        jpeg + "trailing bytes after EOI",
    };
    for (const std::string& bytes : padded) {
      expectSamePicture(decodeImage(bytes), whole, progressive ? "progressive" : "baseline");
      EXPECT_EQ(featuresFailure(bytes), std::nullopt);
    }
  }
}

TEST(Truncation, GifLaterFramesMayBeCutOff) {
  const std::string gif = test_images::gif(texture(40, 24));
  const RgbImage first = decodeImage(gif);
  // A second frame (the same image block again) cut inside its data: the first frame is whole.
  constexpr std::size_t kImageStart = 13 + 3 * 256;  // after the screen descriptor and the global colour table
  ASSERT_EQ(gif[kImageStart], ',');
  const std::string frame = gif.substr(kImageStart, gif.size() - 1 - kImageStart);
  const std::string animated = gif.substr(0, gif.size() - 1) + frame.substr(0, frame.size() / 2);
  expectSamePicture(decodeImage(animated), first, "second frame cut in half");
}

}  // namespace
}  // namespace cvmock::trainer
