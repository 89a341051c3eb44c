// Decoding: the four accepted formats, refusal of bad data by kind, EXIF orientation, robustness.
// Truncation has its own tests (truncation_test.cc), as has decoding after damaged data (decoder_isolation_test.cc).
#include "trainer/decode.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "tests/trainer/encoded_images.h"

namespace cvmock::trainer {
namespace {

using test_images::bmp;
using test_images::jpeg;
using test_images::png;
using test_images::redOverBlue;

// A hand-made 2 x 2 GIF, palette {red, blue}, pixels red blue / blue red. Its LZW stream is the 3-bit
// codes clear 0 1 clear 1 0 end, packed least significant bit first.
std::string twoByTwoGif() {
  return std::string("GIF89a\x02\x00\x02\x00\x80\x00\x00", 13) + std::string("\xFF\x00\x00\x00\x00\xFF", 6) +
         std::string("\x2C\x00\x00\x00\x00\x02\x00\x02\x00\x00", 10) + std::string("\x02\x03\x44\x18\x14\x00", 6) +
         ";";
}

// A PNG signature and IHDR chunk claiming width x height, with no pixel data after it.
std::string pngHeader(std::uint32_t width, std::uint32_t height) {
  std::string header("\x89PNG\r\n\x1a\n\x00\x00\x00\x0DIHDR", 16);
  for (const std::uint32_t side : {width, height}) {
    for (int shift = 24; shift >= 0; shift -= 8) header.push_back(static_cast<char>((side >> shift) & 0xFF));
  }
  return header + std::string("\x08\x02\x00\x00\x00\x00\x00\x00\x00", 9);
}

// An APP1 Exif segment whose IFD0 holds Orientation = orientation, in Intel or Motorola byte order.
std::string exifSegment(int orientation, bool bigEndian) {
  const auto orientationByte = static_cast<char>(orientation);
  const std::string tiff =
      bigEndian ? std::string("MM\x00\x2A\x00\x00\x00\x08\x00\x01\x01\x12\x00\x03\x00\x00\x00\x01\x00", 19) +
                      orientationByte + std::string("\x00\x00\x00\x00\x00\x00", 6)
                : std::string("II\x2A\x00\x08\x00\x00\x00\x01\x00\x12\x01\x03\x00\x01\x00\x00\x00", 18) +
                      orientationByte + std::string("\x00\x00\x00\x00\x00\x00\x00", 7);
  const std::string payload = std::string("Exif\0\0", 6) + tiff;
  const std::size_t length = payload.size() + 2;
  return std::string("\xFF\xE1", 2) + static_cast<char>(length >> 8) + static_cast<char>(length & 0xFF) + payload;
}

std::string withExif(const std::string& jpegBytes, int orientation, bool bigEndian) {
  return jpegBytes.substr(0, 2) + exifSegment(orientation, bigEndian) + jpegBytes.substr(2);
}

const std::uint8_t* pixelAt(const RgbImage& image, int x, int y) {
  return &image.pixels[std::size_t{3} * (std::size_t(y) * image.width + x)];
}

DecodeFailure failureOf(const std::string& bytes) {
  try {
    decodeImage(bytes);
  } catch (const DecodeError& error) {
    return error.failure();
  }
  ADD_FAILURE() << "decodeImage accepted the bytes";
  return DecodeFailure::Format;
}

TEST(Decode, PngAndBmpRoundTripExactly) {
  const RgbImage original = redOverBlue(7, 6);
  for (const std::string& bytes : {png(original), bmp(original)}) {
    const RgbImage decoded = decodeImage(bytes);
    EXPECT_EQ(decoded.width, 7);
    EXPECT_EQ(decoded.height, 6);
    EXPECT_EQ(decoded.pixels, original.pixels);
  }
  EXPECT_EQ(probeImage(png(original)).format, ImageFormat::Png);
  EXPECT_EQ(probeImage(bmp(original)).format, ImageFormat::Bmp);
}

TEST(Decode, JpegDecodesToItsSizeAndColours) {
  const RgbImage decoded = decodeImage(jpeg(redOverBlue(32, 16)));
  const ImageInfo info = probeImage(jpeg(redOverBlue(32, 16)));
  EXPECT_EQ(info.format, ImageFormat::Jpeg);
  EXPECT_EQ(info.width, 32);
  EXPECT_EQ(info.height, 16);
  ASSERT_EQ(decoded.width, 32);
  ASSERT_EQ(decoded.height, 16);
  EXPECT_GT(pixelAt(decoded, 4, 2)[0], 200);
  EXPECT_GT(pixelAt(decoded, 4, 13)[2], 200);
}

TEST(Decode, GifDecodesItsFirstFrame) {
  const std::string gif = twoByTwoGif();
  EXPECT_EQ(probeImage(gif).format, ImageFormat::Gif);
  const RgbImage decoded = decodeImage(gif);
  ASSERT_EQ(decoded.width, 2);
  ASSERT_EQ(decoded.height, 2);
  const std::vector<std::uint8_t> expected{255, 0, 0, 0, 0, 255, 0, 0, 255, 255, 0, 0};
  EXPECT_EQ(decoded.pixels, expected);
}

TEST(Decode, RefusesDataThatIsNoImageAsFormat) {
  EXPECT_EQ(failureOf(""), DecodeFailure::Format);
  EXPECT_EQ(failureOf("this is not an image at all"), DecodeFailure::Format);
  EXPECT_EQ(failureOf("GIF8"), DecodeFailure::Format);
  EXPECT_THROW(probeImage("\x89PNG"), DecodeError);
}

TEST(Decode, RefusesATruncatedBodyAsFormat) {
  const std::string bytes = png(redOverBlue(64, 64));
  EXPECT_EQ(failureOf(bytes.substr(0, bytes.size() / 2)), DecodeFailure::Format);
}

TEST(Decode, RefusesZeroAndOversizedSidesAsDimensions) {
  EXPECT_EQ(failureOf(pngHeader(0, 10)), DecodeFailure::Dimensions);
  EXPECT_EQ(failureOf(pngHeader(10, 0)), DecodeFailure::Dimensions);
  EXPECT_EQ(failureOf(pngHeader(kMaxImageSide + 1, 10)), DecodeFailure::Dimensions);
  EXPECT_EQ(failureOf(pngHeader(10, kMaxImageSide + 1)), DecodeFailure::Dimensions);
  EXPECT_THROW(probeImage(pngHeader(kMaxImageSide + 1, 1)), DecodeError);
}

TEST(Decode, RefusesAspectRatiosBeyond25To1AsDimensions) {
  EXPECT_EQ(failureOf(pngHeader(kMaxImageSide, 1)), DecodeFailure::Dimensions);
  EXPECT_EQ(failureOf(pngHeader(26, 1)), DecodeFailure::Dimensions);
  EXPECT_EQ(failureOf(pngHeader(1, 26)), DecodeFailure::Dimensions);
  EXPECT_EQ(failureOf(pngHeader(501, 20)), DecodeFailure::Dimensions);
  for (const auto& [width, height] : {std::pair{25, 1}, std::pair{1, 25}, std::pair{500, 20}}) {
    const RgbImage decoded = decodeImage(png(redOverBlue(width, height)));
    EXPECT_EQ(decoded.width, width);
    EXPECT_EQ(decoded.height, height);
  }
}

// A progressive JPEG with its last scan (from its SOS marker to EOI) sent again until it has `scans` scans.
std::string withRepeatedLastScan(const std::string& progressive, int scans) {
  constexpr std::string_view kStartOfScan("\xFF\xDA");
  std::vector<std::size_t> starts;
  for (std::size_t at = progressive.find(kStartOfScan); at != std::string::npos;) {
    starts.push_back(at);
    at = progressive.find(kStartOfScan, at + 2);
  }
  const std::size_t eoi = progressive.size() - 2;
  std::string bytes = progressive.substr(0, eoi);
  for (int extra = static_cast<int>(starts.size()); extra < scans; ++extra) {
    bytes += progressive.substr(starts.back(), eoi - starts.back());
  }
  return bytes + progressive.substr(eoi);
}

TEST(Decode, RefusesJpegsOfMoreThan500ScansAsFormat) {
  const std::string progressive = jpeg(redOverBlue(16, 16), {.progressive = true});
  EXPECT_NO_THROW(decodeImage(withRepeatedLastScan(progressive, 500)));
  EXPECT_EQ(failureOf(withRepeatedLastScan(progressive, 501)), DecodeFailure::Format);
  EXPECT_EQ(failureOf(withRepeatedLastScan(progressive, 5000)), DecodeFailure::Format);
}

TEST(Decode, ExifOrientationSixRotatesClockwiseInBothByteOrders) {
  // Stored 32 x 16, red above blue; rotated 90 degrees clockwise it shows 16 x 32, blue left of red.
  for (const bool bigEndian : {false, true}) {
    const std::string bytes = withExif(jpeg(redOverBlue(32, 16)), 6, bigEndian);
    const ImageInfo info = probeImage(bytes);
    EXPECT_EQ(info.width, 16);
    EXPECT_EQ(info.height, 32);
    const RgbImage shown = decodeImage(bytes);
    ASSERT_EQ(shown.width, 16);
    ASSERT_EQ(shown.height, 32);
    EXPECT_GT(pixelAt(shown, 2, 5)[2], 200) << "left should be blue";
    EXPECT_LT(pixelAt(shown, 2, 5)[0], 60);
    EXPECT_GT(pixelAt(shown, 13, 5)[0], 200) << "right should be red";
    EXPECT_LT(pixelAt(shown, 13, 5)[2], 60);
  }
}

TEST(Decode, ExifOrientationThreeTurnsUpsideDownAndKeepsTheSize) {
  const RgbImage shown = decodeImage(withExif(jpeg(redOverBlue(32, 16)), 3, false));
  ASSERT_EQ(shown.width, 32);
  ASSERT_EQ(shown.height, 16);
  EXPECT_GT(pixelAt(shown, 4, 2)[2], 200) << "top should be blue";
  EXPECT_GT(pixelAt(shown, 4, 13)[0], 200) << "bottom should be red";
}

TEST(Decode, SurvivesEveryTruncationAndRandomCorruption) {
  const std::string bytes = withExif(jpeg(redOverBlue(24, 16)), 8, true);
  std::uint64_t state = 12345;
  const auto nextRandom = [&state] {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return state >> 33;
  };
  std::vector<std::string> damaged;
  for (std::size_t length = 0; length < bytes.size(); ++length) damaged.push_back(bytes.substr(0, length));
  for (int trial = 0; trial < 300; ++trial) {
    std::string corrupt = bytes;
    for (int flip = 0; flip < 4; ++flip) corrupt[nextRandom() % corrupt.size()] = static_cast<char>(nextRandom());
    damaged.push_back(corrupt);
  }
  for (const std::string& candidate : damaged) {
    try {
      const RgbImage image = decodeImage(candidate);
      EXPECT_EQ(image.pixels.size(), std::size_t{3} * image.width * image.height);
    } catch (const DecodeError&) {
    }
  }
}

}  // namespace
}  // namespace cvmock::trainer
