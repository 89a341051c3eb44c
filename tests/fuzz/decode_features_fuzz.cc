// libFuzzer target: untrusted bytes through image decoding and feature extraction, as every upload takes them.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "trainer/decode.h"
#include "trainer/features.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    cvmock::trainer::featuresFromBytes(std::string_view(reinterpret_cast<const char*>(data), size));
  } catch (const cvmock::trainer::DecodeError&) {
    // Refusing the bytes is the expected outcome for most inputs; anything else escapes and is a finding.
  }
  return 0;
}
