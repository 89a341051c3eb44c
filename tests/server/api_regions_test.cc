// Regions over HTTP on an object-detection project: uploaded with CreateImagesFromFiles, served on images in
// the spec's ImageRegion shape, CreateImageRegions (200, 207) and DeleteImageRegions, and region proposals.
#include <gtest/gtest.h>

#include "fixtures/detection_scenes.h"
#include "tests/support/encoding.h"
#include "tests/support/http_session.h"
#include "tests/support/test_server.h"

namespace cvmock::testing {
namespace {

constexpr char kGeneralDetection[] = "da2e3a8a-40a5-4171-82f4-58522f70fbc1";

class ApiRegions : public ::testing::Test {
 protected:
  void SetUp() override {
    projectId = training.post(std::string("/projects?name=detector&domainId=") + kGeneralDetection).json()["id"];
    tagId = training.post("/projects/" + projectId + "/tags?name=circle").json()["id"];
    scenes = fixtures::generateDetectionScenes({.classes = {"circle"}, .images = 2, .width = 160, .height = 120});
  }

  std::string images() const { return "/projects/" + projectId + "/images"; }

  // Uploads scene 0 with one region; returns the image as answered.
  nlohmann::json uploadWithRegion(float left, float top, float width, float height) {
    const nlohmann::json entry = {{"name", scenes[0].fileName},
                                  {"contents", toBase64(scenes[0].bytes)},
                                  {"regions", {{{"tagId", tagId}, {"left", left}, {"top", top}, {"width", width},
                                                {"height", height}}}}};
    const Reply reply = training.postJson(images() + "/files", {{"images", {entry}}});
    EXPECT_EQ(reply.status, 200) << reply.body;
    return reply.json()["images"][0]["image"];
  }

  TestServer server;
  HttpSession training = trainingSession(server.endpoint());
  std::string projectId, tagId;
  std::vector<fixtures::DetectionScene> scenes;
};

TEST_F(ApiRegions, UploadedRegionsComeBackInTheImageRegionShape) {
  const nlohmann::json uploaded = uploadWithRegion(0.25f, 0.5f, 0.125f, 0.25f);
  ASSERT_TRUE(uploaded.contains("regions")) << uploaded.dump();
  const std::string imageId = uploaded["id"];
  const Reply read = training.get(images() + "/id?imageIds=" + imageId);
  const nlohmann::json image = read.json()[0];
  ASSERT_EQ(image["regions"].size(), 1u);
  const nlohmann::json region = image["regions"][0];
  std::vector<std::string> keys;
  const nlohmann::ordered_json written = nlohmann::ordered_json::parse(read.body);  // keys in the order written
  for (const auto& [key, value] : written[0]["regions"][0].items()) keys.push_back(key);
  EXPECT_EQ(keys, (std::vector<std::string>{"regionId", "tagName", "created", "tagId", "left", "top", "width",
                                            "height"}));
  EXPECT_EQ(region["tagName"], "circle");
  EXPECT_EQ(region["tagId"], tagId);
  EXPECT_DOUBLE_EQ(region["left"].get<double>(), 0.25);
  EXPECT_DOUBLE_EQ(region["height"].get<double>(), 0.25);
  EXPECT_EQ(training.get(images() + "/tagged/count").json(), 1);
  EXPECT_EQ(training.get("/projects/" + projectId + "/tags/" + tagId).json()["imageCount"], 1);

  const nlohmann::json bad = {{"name", "x"},
                              {"contents", toBase64(scenes[1].bytes)},
                              {"regions", {{{"tagId", tagId}, {"left", 0.9}, {"top", 0}, {"width", 0.2}, {"height", 0.2}}}}};
  const Reply refused = training.postJson(images() + "/files", {{"images", {bad}}});
  EXPECT_EQ(refused.status, 400);
  EXPECT_EQ(refused.code(), "BadRequestImageRegions");
}

TEST_F(ApiRegions, CreateImageRegionsAnswers200Or207AndDeleteRemoves) {
  const std::string imageId = uploadWithRegion(0.1f, 0.1f, 0.2f, 0.2f)["id"];
  const nlohmann::json fresh = {{"imageId", imageId}, {"tagId", tagId}, {"left", 0.5}, {"top", 0.5}, {"width", 0.25},
                                {"height", 0.25}};
  const Reply created = training.postJson(images() + "/regions", {{"regions", {fresh}}});
  ASSERT_EQ(created.status, 200) << created.body;
  const nlohmann::json result = created.json()["created"][0];
  EXPECT_EQ(result["imageId"], imageId);
  EXPECT_EQ(result["tagName"], "circle");
  EXPECT_FALSE(result["regionId"].get<std::string>().empty());
  EXPECT_EQ(created.json()["duplicated"], nlohmann::json::array());

  const Reply again = training.postJson(images() + "/regions", {{"regions", {fresh}}});
  EXPECT_EQ(again.status, 207) << again.body;
  EXPECT_EQ(again.json()["duplicated"].size(), 1u);
  EXPECT_EQ(again.json()["duplicated"][0]["left"], 0.5);

  const Reply deleted = training.del(images() + "/regions?regionIds=" + result["regionId"].get<std::string>());
  EXPECT_EQ(deleted.status, 204);
  EXPECT_EQ(training.get(images() + "/id?imageIds=" + imageId).json()[0]["regions"].size(), 1u);

  const Reply unknownTag = training.postJson(
      images() + "/regions",
      {{"regions", {{{"imageId", imageId}, {"tagId", "00000000-0000-0000-0000-0000000000ff"}, {"left", 0.1},
                     {"top", 0.1}, {"width", 0.1}, {"height", 0.1}}}}});
  EXPECT_EQ(unknownTag.status, 404);
  EXPECT_EQ(unknownTag.code(), "NotFoundTag");
}

TEST_F(ApiRegions, ProposalsCarryConfidenceAndBoundingBox) {
  const std::string imageId = uploadWithRegion(0.1f, 0.1f, 0.2f, 0.2f)["id"];
  const Reply reply = training.post(images() + "/" + imageId + "/regionproposals");
  ASSERT_EQ(reply.status, 200) << reply.body;
  const nlohmann::json body = reply.json();
  EXPECT_EQ(body["projectId"], projectId);
  EXPECT_EQ(body["imageId"], imageId);
  ASSERT_FALSE(body["proposals"].empty());
  EXPECT_TRUE(body["proposals"][0].contains("confidence"));
  EXPECT_TRUE(body["proposals"][0]["boundingBox"].contains("width"));
}

}  // namespace
}  // namespace cvmock::testing
