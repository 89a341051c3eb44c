// Object detection over HTTP: a detector trained on generated scenes, its performance at two overlap
// thresholds, its held-out boxes, and DetectImage in the Prediction API's v3.0 and v3.1 shapes; Classify* on a
// detector is refused as Detect* on a classifier is (api_detection_test.cc).
#include <gtest/gtest.h>

#include "fixtures/detection_scenes.h"
#include "tests/support/detection_project.h"
#include "tests/support/http_session.h"
#include "tests/support/labelled_project.h"
#include "tests/support/test_server.h"

namespace cvmock::testing {
namespace {

constexpr char kGeneralDetection[] = "da2e3a8a-40a5-4171-82f4-58522f70fbc1";

class ApiDetect : public ::testing::Test {
 protected:
  TestServer server;
  HttpSession training = trainingSession(server.endpoint());
};

TEST_F(ApiDetect, ADetectorTrainsEvaluatesAndDetectsWithBoxes) {
  const std::vector<fixtures::DetectionScene> scenes = fixtures::generateDetectionScenes(
      {.classes = {"circle", "square"}, .images = 31, .width = 320, .height = 240, .seed = 5});
  const std::string projectId =
      createDetectionProject(training, kGeneralDetection, {"circle", "square"}, {scenes.begin(), scenes.end() - 1})
          .projectId;
  ASSERT_FALSE(::testing::Test::HasFailure());

  const std::string iterationId = trainAndPublish(training, projectId, "detector");
  const std::string performance = "/projects/" + projectId + "/iterations/" + iterationId + "/performance";
  const nlohmann::json strict = training.get(performance).json();
  const nlohmann::json loose = training.get(performance + "?overlapThreshold=0.3").json();
  EXPECT_EQ(strict["perTagPerformance"].size(), 2u);
  EXPECT_GE(loose["averagePrecision"].get<double>(), strict["averagePrecision"].get<double>());
  EXPECT_EQ(training.get(performance + "?overlapThreshold=1.5").code(), "BadRequest");
  const nlohmann::json held = training.get(performance + "/images").json();
  ASSERT_FALSE(held.empty());
  EXPECT_TRUE(held[0]["predictions"][0].contains("boundingBox"));
  EXPECT_FALSE(held[0]["regions"].is_null());

  const std::string& unseen = scenes.back().bytes;
  const std::string path = "/" + projectId + "/detect/iterations/detector/image/nostore";
  HttpSession v30 = predictionSession(server.endpoint());
  const Reply old = v30.post(path, unseen, "application/octet-stream");
  ASSERT_EQ(old.status, 200) << old.body;
  const nlohmann::ordered_json written = nlohmann::ordered_json::parse(old.body);  // keys in the order written
  std::vector<std::string> keys;
  for (const auto& [key, value] : written["predictions"][0].items()) keys.push_back(key);
  EXPECT_EQ(keys, (std::vector<std::string>{"probability", "tagId", "tagName", "boundingBox"}));
  HttpSession v31 = predictionSession(server.endpoint(), "cvmock-prediction-key", "v3.1");
  const Reply typed = v31.post(path, unseen, "application/octet-stream");
  EXPECT_EQ(typed.json()["predictions"][0]["tagType"], "Regular");

  const Reply classify =
      v31.post("/" + projectId + "/classify/iterations/detector/image", unseen, "application/octet-stream");
  EXPECT_EQ(classify.status, 400);
  EXPECT_EQ(classify.code(), "BadRequestNotSupported");
}

// The recorded service lists a detection's boxes by tag, most probable first within each (DetectImageUrl in
// ../shared/recordings); tags created in the reverse of their names' order show it is the name that orders them.
TEST_F(ApiDetect, BoxesComeGroupedByTagNameAndMostProbableFirstWithinATag) {
  const std::vector<fixtures::DetectionScene> scenes = fixtures::generateDetectionScenes(
      {.classes = {"circle", "square"}, .images = 40, .minObjects = 2, .maxObjects = 3, .width = 320, .height = 240,
       .seed = 9});
  const std::string projectId =
      createDetectionProject(training, kGeneralDetection, {"square", "circle"}, {scenes.begin(), scenes.end() - 10})
          .projectId;
  ASSERT_FALSE(::testing::Test::HasFailure());
  trainAndPublish(training, projectId, "order");

  HttpSession prediction = predictionSession(server.endpoint(), "cvmock-prediction-key", "v3.1");
  int bothTags = 0;
  for (std::size_t i = scenes.size() - 10; i < scenes.size(); ++i) {
    const nlohmann::json boxes =
        prediction.post("/" + projectId + "/detect/iterations/order/image/nostore", scenes[i].bytes,
                        "application/octet-stream")
            .json()["predictions"];
    ASSERT_FALSE(boxes.empty());
    bothTags += boxes.front()["tagName"] == "circle" && boxes.back()["tagName"] == "square";
    for (std::size_t b = 1; b < boxes.size(); ++b) {
      const nlohmann::json& before = boxes[b - 1];
      const nlohmann::json& box = boxes[b];
      ASSERT_LE(before["tagName"].get<std::string>(), box["tagName"].get<std::string>()) << boxes.dump();
      if (before["tagName"] == box["tagName"]) {
        ASSERT_GE(before["probability"].get<double>(), box["probability"].get<double>()) << boxes.dump();
      }
    }
  }
  EXPECT_GT(bothTags, 0);  // the order is seen across tags, not only within one
}

}  // namespace
}  // namespace cvmock::testing
