// Suggested tags for untagged images (SuggestTagsAndRegions, QuerySuggestedImages, QuerySuggestedImageCount)
// from a trained iteration, checked against quick test predictions of the same images.
#include <gtest/gtest.h>

#include "fixtures/generator.h"
#include "tests/support/http_session.h"
#include "tests/support/labelled_project.h"
#include "tests/support/test_server.h"

namespace cvmock::testing {
namespace {

std::vector<fixtures::FixtureImage> shapes(int perClass, std::uint64_t seed) {
  fixtures::FixtureSpec spec;
  spec.classes = {"circle", "square"};
  spec.imagesPerClass = perClass;
  spec.width = spec.height = 64;
  spec.seed = seed;
  return fixtures::generateFixtureSet(spec);
}

class ApiSuggestedTags : public ::testing::Test {
 protected:
  void SetUp() override {
    project = createLabelledProject(training, shapes(6, 1));
    iterationId = training.post(path("/train")).json()["id"];
    ASSERT_EQ(waitForIteration(training, project.projectId, iterationId)["status"], "Completed");
    for (const fixtures::FixtureImage& image : shapes(3, 99)) {
      const Reply reply = training.post(path("/images"), image.bytes, "application/octet-stream");
      ASSERT_EQ(reply.status, 200) << reply.body;
      untagged.push_back(reply.json()["images"][0]["image"]["id"]);
      untaggedBytes.push_back(image.bytes);
    }
  }

  std::string path(const std::string& rest) { return "/projects/" + project.projectId + rest; }
  std::string idList() {
    std::string list;
    for (const std::string& id : untagged) list += (list.empty() ? "" : ",") + id;
    return list;
  }

  TestServer server;
  HttpSession training = trainingSession(server.endpoint());
  LabelledProject project;
  std::string iterationId;
  std::vector<std::string> untagged;  // 6 untagged images, in upload order
  std::vector<std::string> untaggedBytes;
};

TEST_F(ApiSuggestedTags, SuggestionsAreTheIterationsPredictionsForEachImage) {
  const Reply reply =
      training.post(path("/tagsandregions/suggestions?iterationId=" + iterationId + "&imageIds=" + idList()));
  ASSERT_EQ(reply.status, 200) << reply.body;
  const nlohmann::json suggestions = reply.json();
  ASSERT_EQ(suggestions.size(), untagged.size());
  for (std::size_t i = 0; i < untagged.size(); ++i) {
    const nlohmann::json& s = suggestions[i];
    EXPECT_EQ(s["id"], untagged[i]);
    EXPECT_EQ(s["project"], project.projectId);
    EXPECT_EQ(s["iteration"], iterationId);
    EXPECT_GE(s["predictionUncertainty"].get<double>(), 0.0);
    const nlohmann::json quick =
        training.post(path("/quicktest/image?store=false&iterationId=" + iterationId), untaggedBytes[i],
                      "application/octet-stream")
            .json();
    ASSERT_EQ(s["predictions"].size(), 2u);
    for (std::size_t k = 0; k < 2; ++k) {
      EXPECT_EQ(s["predictions"][k]["tagId"], quick["predictions"][k]["tagId"]);
      EXPECT_NEAR(s["predictions"][k]["probability"].get<double>(),
                  quick["predictions"][k]["probability"].get<double>(), 1e-6);
    }
  }
}

TEST_F(ApiSuggestedTags, QueryPagesThroughUntaggedImagesByUncertainty) {
  const std::string query = path("/images/suggested?iterationId=" + iterationId);
  const Reply first = training.postJson(query, {{"threshold", 0.0}, {"maxCount", 4}});
  ASSERT_EQ(first.status, 200) << first.body;
  const nlohmann::json page1 = first.json();
  ASSERT_EQ(page1["results"].size(), 4u);
  ASSERT_TRUE(page1["token"]["continuation"].is_string());
  const Reply second = training.postJson(query, page1["token"]);
  ASSERT_EQ(second.status, 200) << second.body;
  const nlohmann::json page2 = second.json();
  ASSERT_EQ(page2["results"].size(), 2u);
  EXPECT_TRUE(page2["token"]["continuation"].is_null());

  std::vector<std::string> seen;
  double previous = 1e9;
  for (const nlohmann::json* page : {&page1, &page2}) {
    for (const nlohmann::json& result : (*page)["results"]) {
      seen.push_back(result["id"]);
      EXPECT_LE(result["predictionUncertainty"].get<double>(), previous);  // UncertaintyDescending by default
      previous = result["predictionUncertainty"].get<double>();
      EXPECT_EQ(result["width"], 64);
      EXPECT_NE(result["originalImageUri"].get<std::string>().find(result["id"].get<std::string>().substr(0, 8)),
                std::string::npos);
    }
  }
  std::sort(seen.begin(), seen.end());
  std::vector<std::string> expected = untagged;
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(seen, expected);  // every untagged image once, and no tagged one
}

TEST_F(ApiSuggestedTags, ThresholdAndTagFiltersAgreeWithTheCount) {
  const std::string circle = project.tagIds.at("circle");
  const nlohmann::json suggestions =
      training.post(path("/tagsandregions/suggestions?iterationId=" + iterationId + "&imageIds=" + idList())).json();
  for (double threshold : {0.0, 0.5, 0.9}) {
    int expected = 0;
    for (const nlohmann::json& s : suggestions) {
      for (const nlohmann::json& p : s["predictions"]) {
        if (p["tagId"] == circle && p["probability"].get<double>() >= threshold) ++expected;
      }
    }
    const nlohmann::json filter = {{"tagIds", {circle}}, {"threshold", threshold}};
    const Reply count = training.postJson(path("/images/suggested/count?iterationId=" + iterationId), filter);
    ASSERT_EQ(count.status, 200) << count.body;
    EXPECT_EQ(count.json(), (nlohmann::json{{circle, expected}})) << threshold;
    const nlohmann::json found =
        training.postJson(path("/images/suggested?iterationId=" + iterationId), filter).json();
    EXPECT_EQ(static_cast<int>(found["results"].size()), expected) << threshold;
  }
  // Without tag ids, every trained tag is counted.
  const nlohmann::json all =
      training.postJson(path("/images/suggested/count?iterationId=" + iterationId), {{"threshold", 0.0}}).json();
  EXPECT_EQ(all.size(), 2u);
  EXPECT_EQ(all[circle], 6);
}

TEST_F(ApiSuggestedTags, RefusesWhatTheServiceRefuses) {
  const Reply noIteration = training.post(path("/tagsandregions/suggestions?imageIds=" + untagged[0]));
  EXPECT_EQ(noIteration.json()["code"], "BadRequestRequiredParamIsNull");
  const Reply noImages = training.post(path("/tagsandregions/suggestions?iterationId=" + iterationId));
  EXPECT_EQ(noImages.json()["code"], "BadRequestRequiredParamIsNull");
  const Reply unknownIteration = training.post(path("/tagsandregions/suggestions?iterationId=" + untagged[0] +
                                                    "&imageIds=" + untagged[0]));
  EXPECT_EQ(unknownIteration.status, 404);
  EXPECT_EQ(unknownIteration.json()["code"], "NotFoundIteration");
  const Reply threshold = training.postJson(path("/images/suggested/count?iterationId=" + iterationId),
                                            {{"threshold", 1.5}});
  EXPECT_EQ(threshold.status, 400);
  const Reply unknownTag = training.postJson(path("/images/suggested?iterationId=" + iterationId),
                                             {{"tagIds", {untagged[0]}}});
  EXPECT_EQ(unknownTag.json()["code"], "NotFoundTag");
}

TEST_F(ApiSuggestedTags, MetadataChangesDoNotMakeTrainingNeeded) {
  // The untagged uploads changed the images since the training; retrain once so that nothing has changed.
  const std::string second = training.post(path("/train")).json()["id"];
  ASSERT_EQ(waitForIteration(training, project.projectId, second)["status"], "Completed");
  ASSERT_EQ(training.postJson(path("/images/metadata?imageIds=" + untagged[0]), {{"k", "v"}}).status, 200);
  EXPECT_EQ(training.post(path("/train")).json()["code"], "BadRequestTrainingNotNeeded");
}

}  // namespace
}  // namespace cvmock::testing
