// The multipart/form-data parser: the shapes real clients send, and malformed bodies refused.
#include <gtest/gtest.h>

#include "mock_server/api/multipart.h"

namespace cvmock::server {
namespace {

// As recorded from the .NET SDK: quoted boundary, unquoted field name, quoted filename.
const std::string kDotNetBody =
    "--8a1f\r\n"
    "Content-Disposition: form-data; name=imageData; filename=\"one.jpg\"\r\n"
    "Content-Type: application/octet-stream\r\n\r\n"
    "first\r\nbytes\r\n"
    "--8a1f\r\n"
    "Content-Disposition: form-data; name=imageData; filename=two.png\r\n\r\n"
    "second\r\n"
    "--8a1f--\r\n";

TEST(Multipart, BoundaryQuotedOrNot) {
  EXPECT_EQ(multipartBoundary("multipart/form-data; boundary=\"8a1f-22\""), "8a1f-22");
  EXPECT_EQ(multipartBoundary("multipart/form-data;boundary=abc; charset=utf-8"), "abc");
  EXPECT_EQ(multipartBoundary("multipart/form-data"), std::nullopt);
  EXPECT_EQ(multipartBoundary("multipart/form-data; boundary="), std::nullopt);
  EXPECT_EQ(multipartBoundary("multipart/form-data; boundary=" + std::string(71, 'x')), std::nullopt);
  EXPECT_TRUE(isMultipartFormData("MULTIPART/Form-Data; boundary=x"));
  EXPECT_FALSE(isMultipartFormData("application/octet-stream"));
}

TEST(Multipart, EveryPartWithItsNameFileNameAndBytes) {
  const auto parts = parseMultipart(kDotNetBody, "8a1f");
  ASSERT_TRUE(parts);
  ASSERT_EQ(parts->size(), 2u);
  EXPECT_EQ((*parts)[0].name, "imageData");
  EXPECT_EQ((*parts)[0].fileName, "one.jpg");
  EXPECT_EQ((*parts)[0].contentType, "application/octet-stream");
  EXPECT_EQ((*parts)[0].content, "first\r\nbytes");  // CRLF inside content is content
  EXPECT_EQ((*parts)[1].fileName, "two.png");
  EXPECT_EQ((*parts)[1].content, "second");
}

TEST(Multipart, PreambleAndPlainFields) {
  const std::string body = "ignored preamble\r\n--b\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhi\r\n--b--";
  const auto parts = parseMultipart(body, "b");
  ASSERT_TRUE(parts);
  ASSERT_EQ(parts->size(), 1u);
  EXPECT_EQ((*parts)[0].name, "note");
  EXPECT_FALSE((*parts)[0].fileName);
}

TEST(Multipart, MalformedBodiesAreRefused) {
  EXPECT_FALSE(parseMultipart("no delimiter at all", "b"));
  EXPECT_FALSE(parseMultipart("--b\r\nContent-Disposition: form-data; name=x\r\n\r\ntruncated", "b"));
  EXPECT_FALSE(parseMultipart("--b\r\nContent-Disposition: form-data; name=x", "b"));  // headers never end
  EXPECT_FALSE(parseMultipart("--b\r\nno colon here\r\n\r\nx\r\n--b--", "b"));
  EXPECT_FALSE(parseMultipart(kDotNetBody, ""));
  EXPECT_FALSE(parseMultipart(kDotNetBody.substr(0, kDotNetBody.size() - 12), "8a1f"));
}

}  // namespace
}  // namespace cvmock::server
