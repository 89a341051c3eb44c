// Suggested regions over HTTP: on a detection project, SuggestTagsAndRegions answers each image's detections with
// their bounding boxes (as QuickTestImage does), and QuerySuggestedImages and its count agree with them.
#include <set>

#include <gtest/gtest.h>

#include "fixtures/detection_scenes.h"
#include "tests/support/detection_project.h"
#include "tests/support/http_session.h"
#include "tests/support/labelled_project.h"
#include "tests/support/test_server.h"

namespace cvmock::testing {
namespace {

constexpr char kGeneralDetection[] = "da2e3a8a-40a5-4171-82f4-58522f70fbc1";

TEST(ApiDetectionSuggestions, RegionsAreTheDetectorsBoxesAndQueriesAgreeWithThem) {
  TestServer server;
  HttpSession training = trainingSession(server.endpoint());
  const std::vector<fixtures::DetectionScene> scenes = fixtures::generateDetectionScenes(
      {.classes = {"circle", "square"}, .images = 34, .width = 320, .height = 240, .seed = 5});
  const std::vector<fixtures::DetectionScene> labelled(scenes.begin(), scenes.begin() + 30);
  const std::vector<fixtures::DetectionScene> unlabelled(scenes.begin() + 30, scenes.end());
  const DetectionProject project = createDetectionProject(training, kGeneralDetection, {"circle", "square"}, labelled);
  const std::string path = "/projects/" + project.projectId;
  const std::string iterationId = training.post(path + "/train").json()["id"];
  ASSERT_EQ(waitForIteration(training, project.projectId, iterationId)["status"], "Completed");
  const std::vector<std::string> ids = uploadUntagged(training, project.projectId, unlabelled);
  ASSERT_EQ(ids.size(), unlabelled.size());

  std::string idList;
  for (const std::string& id : ids) idList += (idList.empty() ? "" : ",") + id;
  const Reply suggested =
      training.post(path + "/tagsandregions/suggestions?iterationId=" + iterationId + "&imageIds=" + idList);
  ASSERT_EQ(suggested.status, 200) << suggested.body;
  const nlohmann::json views = suggested.json();
  ASSERT_EQ(views.size(), ids.size());
  const std::string circle = project.tagIds.at("circle");
  std::set<std::string> withConfidentCircle;
  for (std::size_t i = 0; i < views.size(); ++i) {
    EXPECT_EQ(views[i]["id"], ids[i]);
    EXPECT_GT(views[i]["predictionUncertainty"].get<double>(), 0);
    const Reply quick = training.post(path + "/quicktest/image?store=false&iterationId=" + iterationId,
                                      unlabelled[i].bytes, "application/octet-stream");
    ASSERT_EQ(quick.status, 200) << quick.body;
    const nlohmann::json& predictions = views[i]["predictions"];
    ASSERT_FALSE(predictions.empty());
    EXPECT_EQ(predictions, quick.json()["predictions"]);
    for (const nlohmann::json& p : predictions) {
      ASSERT_TRUE(p["boundingBox"].is_object()) << p;
      for (const char* side : {"left", "top", "width", "height"}) EXPECT_TRUE(p["boundingBox"][side].is_number());
      if (p["tagId"] == circle && p["probability"].get<double>() >= 0.5) withConfidentCircle.insert(views[i]["id"]);
    }
  }

  ASSERT_FALSE(withConfidentCircle.empty()) << "the scenes hold circles the detector is sure of";
  const nlohmann::json filter = {{"tagIds", {circle}}, {"threshold", 0.5}};
  const Reply queried = training.postJson(path + "/images/suggested?iterationId=" + iterationId, filter);
  ASSERT_EQ(queried.status, 200) << queried.body;
  std::set<std::string> found;
  const nlohmann::json results = queried.json()["results"];
  for (const nlohmann::json& result : results) {
    found.insert(result["id"].get<std::string>());
    EXPECT_TRUE(result["predictions"][0]["boundingBox"].is_object());
    EXPECT_EQ(result["width"], 320);
  }
  EXPECT_EQ(found, withConfidentCircle);
  const Reply counted = training.postJson(path + "/images/suggested/count?iterationId=" + iterationId, filter);
  ASSERT_EQ(counted.status, 200) << counted.body;
  EXPECT_EQ(counted.json(), nlohmann::json({{circle, withConfidentCircle.size()}}));
}

}  // namespace
}  // namespace cvmock::testing
