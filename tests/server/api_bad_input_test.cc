// Bad input over HTTP: every kind is answered with its status and code, and nothing stored is lost.
#include <gtest/gtest.h>
#include <zlib.h>

#include <algorithm>
#include <memory>

#include "fixtures/generator.h"
#include "tests/support/http_session.h"
#include "tests/support/labelled_project.h"
#include "tests/support/test_server.h"

namespace cvmock::testing {
namespace {

constexpr std::size_t kTrainingLimit = 4096;  // small limits keep the oversized bodies small

// A PNG of `height` rows of `rowBytes` bytes each (filter byte included), all zero: grey when colourType is 0.
std::string png(std::uint32_t width, std::uint32_t height, std::size_t rowBytes) {
  auto bigEndian = [](std::uint32_t v) {
    return std::string{char(v >> 24), char(v >> 16), char(v >> 8), char(v)};
  };
  auto chunk = [&](const std::string& type, const std::string& data) {
    const std::string typed = type + data;
    return bigEndian(static_cast<std::uint32_t>(data.size())) + typed +
           bigEndian(static_cast<std::uint32_t>(crc32(0, reinterpret_cast<const Bytef*>(typed.data()), typed.size())));
  };
  const std::string raw(rowBytes * height, '\0');
  uLongf packedSize = compressBound(raw.size());
  std::string packed(packedSize, '\0');
  compress2(reinterpret_cast<Bytef*>(packed.data()), &packedSize, reinterpret_cast<const Bytef*>(raw.data()),
            raw.size(), 9);
  packed.resize(packedSize);
  const std::string header = bigEndian(width) + bigEndian(height) + std::string{8, 0, 0, 0, 0};  // 8-bit grey
  return std::string("\x89PNG\r\n\x1a\n", 8) + chunk("IHDR", header) + chunk("IDAT", packed) + chunk("IEND", "");
}

class ApiBadInput : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server::ServerConfig config;
    config.service.limits.maxTrainingImageBytes = kTrainingLimit;
    server_ = std::make_unique<TestServer>(config);
    HttpSession training = trainingSession(server_->endpoint());
    fixtures::FixtureSpec spec;
    spec.classes = {"circle", "square"};
    spec.imagesPerClass = 5;
    spec.width = spec.height = 32;
    images_ = fixtures::generateFixtureSet(spec);
    project_ = createLabelledProject(training, images_);
    trainAndPublish(training, project_.projectId, "model");
  }
  static void TearDownTestSuite() { server_.reset(); }

  // Whatever a test sent, the project still has its 10 images and its published model still answers.
  void TearDown() override {
    EXPECT_EQ(training.get(path("/images/count")).body, "10");
    EXPECT_EQ(training.get(path("/tags/" + project_.tagIds["circle"])).json()["imageCount"], 5);
    EXPECT_EQ(predict(images_[0].bytes).status, 200);
  }

  std::string path(const std::string& rest) const { return "/projects/" + project_.projectId + rest; }
  Reply predict(const std::string& body, const std::string& type = "application/octet-stream") {
    return prediction.post("/" + project_.projectId + "/classify/iterations/model/image/nostore", body, type);
  }
  Reply upload(const std::vector<std::string>& images) { return training.postImages(path("/images"), images); }
  static void expectError(const Reply& reply, int status, const std::string& code) {
    EXPECT_EQ(reply.status, status) << reply.body;
    EXPECT_EQ(reply.code(), code) << reply.body;
  }
  static void expectImageStatus(const Reply& reply, const std::string& status) {
    ASSERT_EQ(reply.status, 207) << reply.body;
    EXPECT_EQ(reply.json()["images"][0]["status"], status) << reply.body;
  }

  static inline std::unique_ptr<TestServer> server_;
  static inline std::vector<fixtures::FixtureImage> images_;
  static inline LabelledProject project_;
  HttpSession training = trainingSession(server_->endpoint());
  HttpSession prediction = predictionSession(server_->endpoint());
};

TEST_F(ApiBadInput, PredictionImageOverFourMegabytesIsRefusedBeforeItIsRead) {
  expectError(predict(std::string(4 * 1024 * 1024 + 64 * 1024 + 1, 'x')), 400, "BadRequestImageSizeBytes");
}

TEST_F(ApiBadInput, PredictionImageJustOverTheLimitIsRefusedAfterReading) {
  expectError(predict(std::string(4 * 1024 * 1024 + 1, 'x')), 400, "BadRequestImageSizeBytes");
}

TEST_F(ApiBadInput, TrainingImageOverItsLimitFailsAloneInTheBatch) {
  const std::string large(kTrainingLimit + 1, 'x');
  const Reply reply = upload({large});
  expectImageStatus(reply, "ErrorImageSize");
}

TEST_F(ApiBadInput, TrainingBodyOverAFullBatchIsRefusedBeforeItIsRead) {
  const std::size_t batchBody = 64 * ((kTrainingLimit + 2) / 3 * 4) + 1024 * 1024;
  expectError(training.post(path("/images"), std::string(batchBody + 1, 'x'), "application/octet-stream"), 400,
              "BadRequestImageSizeBytes");
}

TEST_F(ApiBadInput, OversizedBodyWithAWrongKeyIsStillAccessDenied) {
  HttpSession stranger = predictionSession(server_->endpoint(), "wrong-key");
  expectError(stranger.post("/" + project_.projectId + "/classify/iterations/model/image",
                             std::string(5 * 1024 * 1024, 'x'), "application/octet-stream"),
              401, "401");
}

TEST_F(ApiBadInput, TruncatedImage) {
  auto isPng = [](const fixtures::FixtureImage& image) { return image.bytes.starts_with("\x89PNG"); };
  const auto found = std::find_if(images_.begin(), images_.end(), isPng);
  ASSERT_NE(found, images_.end());
  const std::string& whole = found->bytes;
  expectError(predict(whole.substr(0, whole.size() / 2)), 400, "BadRequestImageFormat");
  expectImageStatus(upload({whole.substr(0, whole.size() / 2)}), "ErrorImageFormat");
}

TEST_F(ApiBadInput, CorruptImage) {
  std::string corrupt = png(64, 64, 65);
  for (std::size_t i = 40; i < corrupt.size() - 12; ++i) corrupt[i] = static_cast<char>(i * 37);
  expectError(predict(corrupt), 400, "BadRequestImageFormat");
  expectError(predict(std::string("GIF89a\x10\x00\x10\x00 and then nothing", 24)), 400, "BadRequestImageFormat");
  expectImageStatus(upload({corrupt}), "ErrorImageFormat");
}

// Found by decode_features_fuzz: a PNG signature with nothing after it used to escape as a 500.
TEST_F(ApiBadInput, SignatureOnlyImage) {
  expectError(predict(std::string("\x89PNG\r\n\x1a\n", 8)), 400, "BadRequestImageFormat");
}

TEST_F(ApiBadInput, ZeroByteImage) {
  expectError(predict(""), 400, "BadRequestImageStream");
  expectError(training.post(path("/images"), "", "application/octet-stream"), 400, "BadRequestImageStream");
  expectImageStatus(upload({""}), "ErrorImageFormat");
}

TEST_F(ApiBadInput, SideOverTenThousandPixels) {
  const std::string wide = png(10241, 1, 10242);
  expectError(predict(wide), 400, "BadRequestImageFormat");  // the Prediction API has no BadRequestImageDimensions
  expectError(training.post(path("/quicktest/image"), wide, "application/octet-stream"), 400,
              "BadRequestImageDimensions");
  expectImageStatus(upload({wide}), "ErrorImageSize");
}

TEST_F(ApiBadInput, DecompressionBombIsRefusedBeforeDecoding) {
  // 7,000 x 7,000 grey pixels in a few kilobytes: 147 MB once decoded to RGB, over the pixel budget.
  const std::string bomb = png(7000, 7000, 7001);
  ASSERT_LT(bomb.size(), kTrainingLimit * 16);
  expectError(predict(bomb), 400, "BadRequestImageFormat");
}

TEST_F(ApiBadInput, MalformedJson) {
  expectError(training.post(path("/images/tags"), "{\"tags\": [", "application/json"), 400, "BadRequest");
  expectError(training.post(path("/images/files"), "[1,2", "application/json"), 400, "BadRequest");
}

TEST_F(ApiBadInput, JsonOfTheWrongShape) {
  expectError(training.postJson(path("/images/tags"), {{"tags", {{{"imageId", 5}}}}}), 400, "BadRequest");
  expectError(training.postJson(path("/images/files"), {{"images", "nope"}}), 400, "BadRequestRequiredParamIsNull");
}

TEST_F(ApiBadInput, WrongContentTypeForAJsonBody) {
  expectError(training.post(path("/images/tags"), "{\"tags\": []}", "text/plain"), 415, "UnsupportedMediaType");
}

TEST_F(ApiBadInput, MultipartWithoutBoundary) {
  expectError(training.post(path("/images"), "--x\r\n\r\nabc\r\n--x--", "multipart/form-data"), 400,
              "BadRequestImageStream");
}

TEST_F(ApiBadInput, MultipartTruncated) {
  expectError(training.post(path("/images"), "--x\r\nContent-Disposition: form-data; name=imageData\r\n\r\nab",
                            "multipart/form-data; boundary=x"),
              400, "BadRequestImageStream");
}

TEST_F(ApiBadInput, MultipartWithTheWrongField) {
  const std::string body = "--x\r\nContent-Disposition: form-data; name=comment\r\n\r\nhello\r\n--x--\r\n";
  expectError(training.post(path("/images"), body, "multipart/form-data; boundary=x"), 400, "BadRequestImageStream");
}

TEST_F(ApiBadInput, MultipartAsDotNetSendsIt) {
  const std::string body = "--5b0c\r\nContent-Type: application/octet-stream\r\n"
                           "Content-Disposition: form-data; name=imageData; filename=\"a.jpg\"\r\n\r\n" +
                           images_[0].bytes + "\r\n--5b0c--\r\n";
  const Reply reply = training.post(path("/images"), body, "multipart/form-data; boundary=\"5b0c\"");
  ASSERT_EQ(reply.status, 207) << reply.body;  // it is already in the project
  EXPECT_EQ(reply.json()["images"][0]["status"], "OKDuplicate");
  EXPECT_EQ(reply.json()["images"][0]["sourceUrl"], "a.jpg");
}

TEST_F(ApiBadInput, InvalidGuids) {
  expectError(training.get("/projects/not-a-guid"), 400, "BadRequestInvalidIds");
  expectError(training.get(path("/images/tagged?tagIds=123")), 400, "BadRequestInvalidIds");
  expectError(training.postJson(path("/images/tags"), {{"tags", {{{"imageId", "x"}, {"tagId", "y"}}}}}), 400,
              "BadRequestInvalidIds");
}

TEST_F(ApiBadInput, UnknownIds) {
  expectError(training.get("/projects/00000000-0000-0000-0000-0000000000aa"), 404, "NotFoundProject");
  expectError(training.get(path("/tags/00000000-0000-0000-0000-0000000000aa")), 404, "NotFoundTag");
  expectError(training.get(path("/iterations/00000000-0000-0000-0000-0000000000aa")), 404, "NotFoundIteration");
}

TEST_F(ApiBadInput, NegativeOrHugeTakeAndSkip) {
  expectError(training.get(path("/images?take=-1")), 400, "BadRequest");
  expectError(training.get(path("/images?take=257")), 400, "BadRequest");
  expectError(training.get(path("/images?take=99999999999999999999")), 400, "BadRequest");
  expectError(training.get(path("/images?skip=-5")), 400, "BadRequest");
  expectError(training.get(path("/images?skip=1e9")), 400, "BadRequest");
}

TEST_F(ApiBadInput, OverLongNamesAndDescriptions) {
  const std::string name(257, 'n');
  expectError(training.post("/projects?name=" + name), 400, "BadRequestProjectName");
  expectError(training.post(path("/tags?name=" + name)), 400, "BadRequestTagName");
  expectError(training.post("/projects?name=ok&description=" + std::string(4001, 'd')), 400,
              "BadRequestProjectDescription");
  expectError(training.patchJson(path(""), {{"name", name}}), 400, "BadRequestProjectName");
}

TEST_F(ApiBadInput, OverLongMetadata) {
  nlohmann::json tooMany = nlohmann::json::object();
  for (int i = 0; i < 51; ++i) tooMany["k" + std::to_string(i)] = "v";
  const nlohmann::json image = {{"name", "a.png"}, {"contents", ""}};
  expectError(training.postJson(path("/images/files"), {{"images", {image}}, {"metadata", tooMany}}), 400,
              "BadRequestImageMetadataKey");
  expectError(training.postJson(path("/images/files"),
                                {{"images", {image}}, {"metadata", {{std::string(257, 'k'), "v"}}}}),
              400, "BadRequestImageMetadataKey");
  expectError(training.postJson(path("/images/urls"),
                                {{"images", {{{"url", "http://127.0.0.1:1/x"}}}},
                                 {"metadata", {{"k", std::string(513, 'v')}}}}),
              400, "BadRequestImageMetadataValue");
}

TEST_F(ApiBadInput, NonUtf8Text) {
  expectError(training.post("/projects?name=%FF%FEbad"), 400, "BadRequestProjectName");
  expectError(training.post(path("/tags?name=%C0%AF")), 400, "BadRequestTagName");  // overlong '/'
  expectError(training.post("/projects?name=ok&description=%ED%A0%80"), 400, "BadRequestProjectDescription");
  // Bytes that are not UTF-8 inside a JSON body make it malformed JSON.
  expectError(training.post(path("/images/tags"), "{\"tags\":\"\xff\"}", "application/json"), 400, "BadRequest");
}

}  // namespace
}  // namespace cvmock::testing
