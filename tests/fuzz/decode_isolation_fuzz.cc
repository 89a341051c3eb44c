// libFuzzer target: after each input has gone through both decode paths, known-good images are decoded again on
// the same thread and must come out as they did before any input. A decoder that one input leaves failing or
// changed (as a reused libjpeg-turbo handle once did after a bad header) crashes nothing, so decode_features_fuzz
// could not see it; here it aborts.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "fixtures/generator.h"
#include "trainer/decode.h"
#include "trainer/features.h"
#include "trainer/reduced_decode.h"

namespace {

using cvmock::trainer::DecodeError;
using cvmock::trainer::RgbImage;

// Small enough to decode at every execution; 16 px makes the JPEG path scale by 3/8.
constexpr int kMinSide = 16;

struct KnownGood {
  std::string name;
  std::string bytes;
  RgbImage reduced;   // decodeForFeatures(bytes, kMinSide) before any input
  RgbImage fullSize;  // decodeImage(bytes) before any input
};

bool same(const RgbImage& a, const RgbImage& b) {
  return a.width == b.width && a.height == b.height && a.pixels == b.pixels;
}

[[noreturn]] void fail(const KnownGood& image, const std::string& why) {
  std::fprintf(stderr, "decode_isolation: %s %s after this input\n", image.name.c_str(), why.c_str());
  std::abort();
}

// A JPEG and a PNG from the fixture generator, decoded once on this thread before the first input.
const std::vector<KnownGood>& knownGood() {
  static const std::vector<KnownGood> images = [] {
    cvmock::fixtures::FixtureSpec spec;
    spec.classes = {"circle"};
    spec.imagesPerClass = 2;
    spec.width = 64;
    spec.height = 48;
    std::vector<KnownGood> decoded;
    for (const cvmock::fixtures::FixtureImage& image : cvmock::fixtures::generateFixtureSet(spec)) {
      decoded.push_back({image.fileName, image.bytes, cvmock::trainer::decodeForFeatures(image.bytes, kMinSide),
                         cvmock::trainer::decodeImage(image.bytes)});
    }
    return decoded;
  }();
  return images;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::vector<KnownGood>& images = knownGood();
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  try {
    cvmock::trainer::featuresFromBytes(input);
  } catch (const DecodeError&) {
    // Refusing the bytes is fine; what it leaves behind is checked below.
  }
  try {
    cvmock::trainer::decodeImage(input);
  } catch (const DecodeError&) {
  }
  for (const KnownGood& image : images) {
    try {
      if (!same(cvmock::trainer::decodeForFeatures(image.bytes, kMinSide), image.reduced)) {
        fail(image, "decodes to other pixels for features");
      }
      if (!same(cvmock::trainer::decodeImage(image.bytes), image.fullSize)) fail(image, "decodes to other pixels");
    } catch (const DecodeError& error) {
      fail(image, std::string("is refused (") + error.what() + ")");
    }
  }
  return 0;
}
