// Image decoding over HTTP: damaged uploads never change how later valid ones are answered, truncated images of
// every format are refused as Format, and aspect ratios beyond 25:1 as Dimensions, with the service's codes.
#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "fixtures/generator.h"
#include "tests/support/http_session.h"
#include "tests/support/labelled_project.h"
#include "tests/support/test_server.h"
#include "tests/trainer/encoded_images.h"

namespace cvmock::testing {
namespace {

namespace images = trainer::test_images;

// A fixture image no project of this suite holds (another seed than the trained set's).
std::string freshImage(fixtures::Encoding encoding) {
  fixtures::FixtureSpec spec;
  spec.classes = {"star"};
  spec.imagesPerClass = 2;  // a JPEG, then a PNG
  spec.seed = 99;
  return fixtures::generateFixtureSet(spec)[encoding == fixtures::Encoding::Jpeg ? 0 : 1].bytes;
}

// Copies cut inside the JPEG's header segments (where a reused decoder once stayed half-way through a header) and
// inside its scan (which a decode once accepted, with made-up pixels).
std::vector<std::string> truncatedCopies(const std::string& jpeg) {
  std::vector<std::string> copies;
  for (const std::size_t length : {50, 100, 300, 400, 620, 1000, 2000, 4000}) copies.push_back(jpeg.substr(0, length));
  copies.push_back(jpeg.substr(0, jpeg.size() / 2));
  copies.push_back(jpeg.substr(0, jpeg.size() - 100));
  return copies;
}

// tag id -> probability: what the Training API's quick test and the Prediction API's classify share.
std::map<std::string, double> probabilities(const Reply& reply) {
  std::map<std::string, double> byTag;
  const nlohmann::json body = reply.json();
  for (const nlohmann::json& prediction : body["predictions"]) byTag[prediction["tagId"]] = prediction["probability"];
  return byTag;
}

class ApiDecode : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = std::make_unique<TestServer>();
    HttpSession training = trainingSession(server_->endpoint());
    fixtures::FixtureSpec spec;
    spec.classes = {"circle", "square"};
    spec.imagesPerClass = 5;
    spec.width = spec.height = 64;
    project_ = createLabelledProject(training, fixtures::generateFixtureSet(spec));
    trainAndPublish(training, project_.projectId, "model");
  }
  static void TearDownTestSuite() { server_.reset(); }

  // Whatever a test sent, the trained project keeps its 10 images.
  void TearDown() override { EXPECT_EQ(training.get(path("/images/count")).body, "10"); }

  static std::string path(const std::string& rest) { return "/projects/" + project_.projectId + rest; }
  Reply predict(const std::string& image) {
    return prediction.post("/" + project_.projectId + "/classify/iterations/model/image/nostore", image,
                           "application/octet-stream");
  }
  Reply quickTest(const std::string& image) {
    return training.post(path("/quicktest/image?store=false"), image, "application/octet-stream");
  }
  std::string newProject() { return training.post("/projects?name=decode").json()["id"]; }
  // The per-image statuses of one upload batch.
  std::vector<std::string> statuses(const std::string& projectId, const std::vector<std::string>& batch) {
    const Reply reply = training.postImages("/projects/" + projectId + "/images", batch);
    const nlohmann::json summary = reply.json();
    std::vector<std::string> found;
    for (const nlohmann::json& image : summary["images"]) found.push_back(image["status"]);
    return found;
  }
  static void expectError(const Reply& reply, int status, const std::string& code, const std::string& what) {
    EXPECT_EQ(reply.status, status) << what << ": " << reply.body;
    EXPECT_EQ(reply.code(), code) << what << ": " << reply.body;
  }

  static inline std::unique_ptr<TestServer> server_;
  static inline LabelledProject project_;
  HttpSession training = trainingSession(server_->endpoint());
  HttpSession prediction = predictionSession(server_->endpoint());
};

TEST_F(ApiDecode, AValidJpegUploadedAfterTruncatedCopiesIsStoredOnceThenADuplicate) {
  const std::string projectId = newProject();
  const std::string valid = freshImage(fixtures::Encoding::Jpeg);
  for (const std::string& truncated : truncatedCopies(valid)) {
    EXPECT_EQ(statuses(projectId, {truncated}), std::vector<std::string>{"ErrorImageFormat"}) << truncated.size();
  }
  EXPECT_EQ(statuses(projectId, {valid}), std::vector<std::string>{"OK"});
  for (int upload = 1; upload < 60; ++upload) {
    EXPECT_EQ(statuses(projectId, {valid}), std::vector<std::string>{"OKDuplicate"}) << "upload " << upload;
  }
  EXPECT_EQ(training.get("/projects/" + projectId + "/images/count").body, "1");
}

// A batch is decoded on one request thread, so the valid image follows the damaged ones on the same decoder thread.
TEST_F(ApiDecode, AValidJpegAfterTruncatedOnesInTheSameBatchIsStored) {
  const std::string projectId = newProject();
  const std::string valid = freshImage(fixtures::Encoding::Jpeg);
  std::vector<std::string> batch = truncatedCopies(valid);
  batch.push_back(valid);
  std::vector<std::string> expected(batch.size() - 1, "ErrorImageFormat");
  expected.push_back("OK");
  EXPECT_EQ(statuses(projectId, batch), expected);
}

TEST_F(ApiDecode, ValidPredictionsAfterTruncatedOnesAllSucceed) {
  const std::string valid = freshImage(fixtures::Encoding::Jpeg);
  const std::vector<std::string> truncated = truncatedCopies(valid);
  for (int round = 0; round < 4; ++round) {
    for (const std::string& bad : truncated) {
      expectError(predict(bad), 400, "BadRequestImageFormat", std::to_string(bad.size()) + " bytes");
    }
  }
  const Reply expected = predict(valid);
  ASSERT_EQ(expected.status, 200) << expected.body;
  for (int call = 0; call < 80; ++call) {
    const Reply reply = call % 2 == 0 ? predict(valid) : quickTest(valid);
    ASSERT_EQ(reply.status, 200) << "call " << call << ": " << reply.body;
    EXPECT_EQ(probabilities(reply), probabilities(expected)) << "call " << call;
    predict(truncated[call % truncated.size()]);
  }
}

TEST_F(ApiDecode, TruncatedImagesOfEveryFormatAreRefusedAsFormat) {
  const trainer::RgbImage picture = images::texture(64, 48);
  // The bytes after the last pixel (JPEG's EOI, PNG's IEND, the GIF trailer) are left out of the cuts.
  const std::vector<std::pair<std::string, std::size_t>> files{{freshImage(fixtures::Encoding::Jpeg), 2},
                                                               {freshImage(fixtures::Encoding::Png), 12},
                                                               {images::bmp(picture), 0},
                                                               {images::gif(picture), 1}};
  const std::string projectId = newProject();
  for (const auto& [whole, trailer] : files) {
    const std::size_t pixelsEnd = whole.size() - trailer;
    std::vector<std::string> batch;
    for (const std::size_t length : {pixelsEnd / 4, pixelsEnd / 2, pixelsEnd * 3 / 4, pixelsEnd - 1}) {
      const std::string cut = whole.substr(0, length);
      const std::string what = whole.substr(0, 3) + " cut at " + std::to_string(length) + " of " +
                               std::to_string(whole.size());
      expectError(predict(cut), 400, "BadRequestImageFormat", what);
      expectError(quickTest(cut), 400, "BadRequestImageFormat", what);
      batch.push_back(cut);
    }
    batch.push_back(whole);
    EXPECT_EQ(statuses(projectId, batch),
              (std::vector<std::string>{"ErrorImageFormat", "ErrorImageFormat", "ErrorImageFormat", "ErrorImageFormat",
                                        "OK"}));
    EXPECT_EQ(predict(whole).status, 200);
  }
}

TEST_F(ApiDecode, AspectRatiosBeyond25To1AreRefusedAsDimensions) {
  const std::string tooLong = images::png(images::texture(260, 10));
  const std::string longest = images::png(images::texture(250, 10));
  const std::string line = images::png(images::texture(10240, 1));
  const std::string projectId = newProject();
  EXPECT_EQ(statuses(projectId, {tooLong, line, longest}),
            (std::vector<std::string>{"ErrorImageSize", "ErrorImageSize", "OK"}));
  for (const std::string& refused : {tooLong, line}) {
    expectError(quickTest(refused), 400, "BadRequestImageDimensions", "quick test");
    expectError(predict(refused), 400, "BadRequestImageFormat", "prediction");  // its enum has no Dimensions code
  }
  EXPECT_EQ(quickTest(longest).status, 200);
  EXPECT_EQ(predict(longest).status, 200);
}

}  // namespace
}  // namespace cvmock::testing
