// The byte-level helpers: percent-encoding, queries, base64, endpoints and multipart bodies.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

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

TEST(Base64Test, DecodesWhatItEncodesAndRefusesOtherText) {
  for (const std::string bytes : {"", "f", "fo", "foo", "foobar", "\xff\xfe"}) {
    EXPECT_EQ(base64Decode(base64Encode(bytes)), bytes);
  }
  EXPECT_THROW(base64Decode("Zg="), std::invalid_argument);
  EXPECT_THROW(base64Decode("Z!=="), std::invalid_argument);
  EXPECT_THROW(base64Decode("Z=g="), std::invalid_argument);
}

TEST(UrlTest, EnumsGoAsTheirWireText) {
  Query query;
  query.add("classificationType", std::optional<ClassificationType>(ClassificationType::Multiclass))
      .add("type", std::optional<TagType>())
      .add("targetExportPlatforms", std::vector<ExportPlatform>{ExportPlatform::ONNX, ExportPlatform::CoreML});
  EXPECT_EQ(query.toString(), "?classificationType=Multiclass&targetExportPlatforms=ONNX%2CCoreML");
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

TEST(EndpointTest, HttpsDefaultsTo443AndKeepsIpv6Brackets) {
  auto endpoint = parseEndpoint("https://westeurope.api.cognitive.microsoft.com/");
  EXPECT_EQ(endpoint.scheme, "https");
  EXPECT_EQ(endpoint.port, 443);
  EXPECT_EQ(endpoint.origin(), "https://westeurope.api.cognitive.microsoft.com:443");
  auto ipv6 = parseEndpoint("http://[::1]:8808");
  EXPECT_EQ(ipv6.host, "[::1]");
  EXPECT_EQ(ipv6.port, 8808);
}

TEST(EndpointTest, RejectsOtherSchemesAndBadPorts) {
  EXPECT_THROW(parseEndpoint("ftp://example.com"), std::invalid_argument);
  EXPECT_THROW(parseEndpoint("127.0.0.1:8808"), std::invalid_argument);
  EXPECT_THROW(parseEndpoint("http://:8808"), std::invalid_argument);
  EXPECT_THROW(parseEndpoint("http://host:99999"), std::invalid_argument);
  EXPECT_THROW(parseEndpoint("http://host:80x"), std::invalid_argument);
}

TEST(MultipartTest, WritesOneImageDataPartPerImage) {
  MultipartUpload multipart({ImageFile{"AB", "a\"b.jpg"}, ImageFile{"CD", std::nullopt}});
  const std::string prefix = "multipart/form-data; boundary=";
  ASSERT_EQ(multipart.contentType().rfind(prefix, 0), 0u);
  std::string boundary = multipart.contentType().substr(prefix.size());
  EXPECT_EQ(multipart.readAll(),
            "--" + boundary + "\r\n" +
                "Content-Disposition: form-data; name=\"imageData\"; filename=\"a%22b.jpg\"\r\n"
                "Content-Type: application/octet-stream\r\n\r\nAB\r\n" +
                "--" + boundary + "\r\n" +
                "Content-Disposition: form-data; name=\"imageData\"\r\n"
                "Content-Type: application/octet-stream\r\n\r\nCD\r\n" +
                "--" + boundary + "--\r\n");
}

// The body is read in pieces as it goes out; any split must give the same bytes as reading it whole.
TEST(MultipartTest, ReadsTheSameBytesInAnyPieces) {
  std::string big(5000, '\0');
  for (size_t i = 0; i < big.size(); ++i) big[i] = static_cast<char>(i * 7);
  MultipartUpload multipart({ImageFile{big, "big.jpg"}, ImageFile{"", std::nullopt}, ImageFile{"xyz", "c.png"}});
  const std::string whole = multipart.readAll();
  ASSERT_EQ(whole.size(), multipart.size());
  for (size_t piece : {1u, 7u, 64u, 4999u, 100000u}) {
    std::string joined;
    std::string buffer(piece, '\0');
    while (size_t got = multipart.read(joined.size(), piece, buffer.data())) joined.append(buffer.data(), got);
    EXPECT_EQ(joined, whole) << "pieces of " << piece;
  }
}

TEST(ImageSourceTest, FileSourceReadsItsRangeAndRefusesAMissingFile) {
  const std::filesystem::path path = std::filesystem::temp_directory_path() / "cvmock-image-source-test.bin";
  {
    std::ofstream out(path, std::ios::binary);
    out << "0123456789";
  }
  ImageSource source = ImageSource::fromFile(path);
  EXPECT_EQ(source.size(), 10u);
  EXPECT_EQ(source.fileName(), "cvmock-image-source-test.bin");
  char piece[4];
  source.read(3, 4, piece);
  EXPECT_EQ(std::string(piece, 4), "3456");
  EXPECT_THROW(source.read(8, 4, piece), std::out_of_range);
  std::filesystem::remove(path);
  EXPECT_THROW(source.read(0, 1, piece), std::runtime_error);
  EXPECT_THROW(ImageSource::fromFile(path), std::runtime_error);
}

}  // namespace
}  // namespace cvmock::client
