// The byte-level helpers: percent-encoding, queries, base64, endpoints and multipart bodies.
#include <gtest/gtest.h>

#include "client/base64.h"
#include "client/endpoint.h"
#include "client/multipart.h"
#include "client/url.h"

namespace cvmock::client {
namespace {

TEST(UrlTest, PercentEncodesEverythingButUnreserved) {
  EXPECT_EQ(percentEncode("Training UnitTest Iteration"), "Training%20UnitTest%20Iteration");
  EXPECT_EQ(percentEncode("a-b_c.d~e"), "a-b_c.d~e");
  EXPECT_EQ(percentEncode("/a,b+c"), "%2Fa%2Cb%2Bc");
  EXPECT_EQ(percentEncode("\xc3\xa9"), "%C3%A9");
}

TEST(UrlTest, PathEncodesEachSegment) {
  EXPECT_EQ(pathOf({"projects", "a b", "tags"}), "/projects/a%20b/tags");
}

TEST(UrlTest, QuerySkipsUnsetValues) {
  Query query;
  query.add("name", std::string("x y"))
      .add("description", std::optional<std::string>())
      .add("take", std::optional<int>(5))
      .add("forceTrain", std::optional<bool>(false))
      .add("tagIds", std::vector<std::string>{})
      .add("imageIds", std::vector<std::string>{"a", "b"});
  EXPECT_EQ(query.toString(), "?name=x%20y&take=5&forceTrain=false&imageIds=a%2Cb");
  EXPECT_EQ(Query().toString(), "");
}

TEST(Base64Test, EncodesWithPadding) {
  EXPECT_EQ(base64Encode(""), "");
  EXPECT_EQ(base64Encode("f"), "Zg==");
  EXPECT_EQ(base64Encode("fo"), "Zm8=");
  EXPECT_EQ(base64Encode("foo"), "Zm9v");
  EXPECT_EQ(base64Encode("foobar"), "Zm9vYmFy");
  EXPECT_EQ(base64Encode(std::string("\xff\xfe\x00", 3)), "//4A");
}

TEST(EndpointTest, ParsesHostPortAndDropsTrailingSlash) {
  auto endpoint = parseEndpoint("http://127.0.0.1:8808/");
  EXPECT_EQ(endpoint.host, "127.0.0.1");
  EXPECT_EQ(endpoint.port, 8808);
  EXPECT_EQ(endpoint.pathPrefix, "");
}

TEST(EndpointTest, DefaultsPortAndKeepsPrefix) {
  auto endpoint = parseEndpoint("http://localhost/proxy/");
  EXPECT_EQ(endpoint.port, 80);
  EXPECT_EQ(endpoint.pathPrefix, "/proxy");
}

TEST(EndpointTest, RejectsOtherSchemesAndBadPorts) {
  EXPECT_THROW(parseEndpoint("https://example.com"), std::invalid_argument);
  EXPECT_THROW(parseEndpoint("127.0.0.1:8808"), std::invalid_argument);
  EXPECT_THROW(parseEndpoint("http://:8808"), std::invalid_argument);
  EXPECT_THROW(parseEndpoint("http://host:99999"), std::invalid_argument);
  EXPECT_THROW(parseEndpoint("http://host:80x"), std::invalid_argument);
}

TEST(MultipartTest, WritesOneImageDataPartPerImage) {
  auto multipart = encodeImageParts({{"AB", "a\"b.jpg"}, {"CD", std::nullopt}});
  const std::string prefix = "multipart/form-data; boundary=";
  ASSERT_EQ(multipart.contentType.rfind(prefix, 0), 0u);
  std::string boundary = multipart.contentType.substr(prefix.size());
  EXPECT_EQ(multipart.body,
            "--" + boundary + "\r\n" +
                "Content-Disposition: form-data; name=\"imageData\"; filename=\"a%22b.jpg\"\r\n"
                "Content-Type: application/octet-stream\r\n\r\nAB\r\n" +
                "--" + boundary + "\r\n" +
                "Content-Disposition: form-data; name=\"imageData\"\r\n"
                "Content-Type: application/octet-stream\r\n\r\nCD\r\n" +
                "--" + boundary + "--\r\n");
}

}  // namespace
}  // namespace cvmock::client
