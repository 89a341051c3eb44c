// Text measured and compared as the service does: UTF-16 lengths, Unicode case folding, strict UTF-8.
#include <gtest/gtest.h>

#include "mock_server/base/text.h"
#include "mock_server/base/unicode.h"

namespace cvmock::server {
namespace {

std::string repeated(const std::string& piece, int times) {
  std::string out;
  for (int i = 0; i < times; ++i) out += piece;
  return out;
}

TEST(Unicode, LengthsCountCharactersAsDotNetDoes) {
  EXPECT_EQ(serviceLength("abc"), 3u);
  EXPECT_EQ(serviceLength("ü"), 1u);
  EXPECT_EQ(serviceLength("жук"), 3u);
  EXPECT_EQ(serviceLength("\xF0\x9F\x90\x9E"), 2u);  // U+1F41E needs a surrogate pair
  EXPECT_TRUE(isValidName(repeated("ü", 256), 256));
  EXPECT_FALSE(isValidName(repeated("ü", 257), 256));
}

TEST(Unicode, CaseFoldingCoversMoreThanAscii) {
  EXPECT_TRUE(equalsFoldingCase("Cat", "cAT"));
  EXPECT_TRUE(equalsFoldingCase("ÜNÏCÖDÉ", "ünïcödé"));
  EXPECT_TRUE(equalsFoldingCase("Жук", "жук"));
  EXPECT_TRUE(equalsFoldingCase("ΟΔΟΣ", "οδος"));
  EXPECT_TRUE(equalsFoldingCase("οδος", "οδοσ"));  // final sigma folds to sigma
  EXPECT_FALSE(equalsFoldingCase("ü", "u"));
  EXPECT_FALSE(equalsFoldingCase("жук", "жуки"));
}

TEST(Unicode, InvalidUtf8IsRefusedAndComparedByteForByte) {
  EXPECT_FALSE(isValidUtf8("\xC0\xAF"));      // overlong '/'
  EXPECT_FALSE(isValidUtf8("\xED\xA0\x80"));  // a surrogate
  EXPECT_FALSE(isValidUtf8("\xE2\x82"));      // cut short
  EXPECT_TRUE(isValidUtf8("€"));
  EXPECT_FALSE(equalsFoldingCase("\xFF" "A", "\xFF" "a"));
}

}  // namespace
}  // namespace cvmock::server
