// Base64 decoding of CreateImagesFromFiles contents.
#include <gtest/gtest.h>

#include "mock_server/base/base64.h"

namespace cvmock::server {
namespace {

TEST(DecodeBase64, DecodesPaddedAndUnpadded) {
  EXPECT_EQ(decodeBase64("aGVsbG8="), "hello");
  EXPECT_EQ(decodeBase64("aGVsbG8"), "hello");
  EXPECT_EQ(decodeBase64("aGVs\nbG8h"), "hello!");
  EXPECT_EQ(decodeBase64(""), "");
}

TEST(DecodeBase64, RejectsForeignCharacters) {
  EXPECT_EQ(decodeBase64("aGV*bG8="), std::nullopt);
  EXPECT_EQ(decodeBase64("aG=VsbG8"), std::nullopt);
}

}  // namespace
}  // namespace cvmock::server
