// QueryPredictions, DeletePrediction and CreateImagesFromPredictions over plain HTTP, on a trained, published project.
#include <gtest/gtest.h>

#include "tests/support/labelled_project.h"
#include "tests/support/test_server.h"

namespace cvmock::testing {
namespace {

class StoredPredictions : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    fixtures::FixtureSpec spec;  // circle, square, triangle
    spec.imagesPerClass = 8;
    spec.width = 96;
    spec.height = 96;
    training_images = new std::vector<fixtures::FixtureImage>(fixtures::generateFixtureSet(spec));
    spec.imagesPerClass = 2;
    spec.seed = 7;
    fresh = new std::vector<fixtures::FixtureImage>(fixtures::generateFixtureSet(spec));
  }
  static void TearDownTestSuite() {
    delete training_images;
    delete fresh;
  }

  void SetUp() override {
    project = createLabelledProject(training, *training_images);
    base = "/projects/" + project.projectId;
    iterationId = trainAndPublish(training, project.projectId, "model");
  }

  // Classifies fresh image `index` through the Prediction API; returns the stored prediction's id.
  std::string classify(std::size_t index, const std::string& application = "") {
    const std::string query = application.empty() ? "" : "?application=" + application;
    const Reply reply = prediction.post("/" + project.projectId + "/classify/iterations/model/image" + query,
                                        (*fresh)[index].bytes, "application/octet-stream");
    EXPECT_EQ(reply.status, 200) << reply.body;
    return reply.json()["id"];
  }

  nlohmann::json query(const nlohmann::json& token) {
    const Reply reply = training.postJson(base + "/predictions/query", token);
    EXPECT_EQ(reply.status, 200) << reply.body;
    return reply.json();
  }

  static std::vector<std::string> ids(const nlohmann::json& result) {
    std::vector<std::string> out;
    for (const nlohmann::json& stored : result["results"]) out.push_back(stored["id"]);
    return out;
  }

  static std::vector<fixtures::FixtureImage>* training_images;
  static std::vector<fixtures::FixtureImage>* fresh;
  TestServer server;
  HttpSession training = trainingSession(server.endpoint());
  HttpSession prediction = predictionSession(server.endpoint());
  HttpSession blobs{server.endpoint(), "", "", ""};
  LabelledProject project;
  std::string base;
  std::string iterationId;
};

std::vector<fixtures::FixtureImage>* StoredPredictions::training_images = nullptr;
std::vector<fixtures::FixtureImage>* StoredPredictions::fresh = nullptr;

// The recorded request (QueryPredictionResults.json) and the recorded shape of its answer.
TEST_F(StoredPredictions, QueryListsStoredPredictionsWithTheirImages) {
  const std::string first = classify(0);
  const Reply noStore = prediction.post("/" + project.projectId + "/classify/iterations/model/image/nostore",
                                        (*fresh)[1].bytes, "application/octet-stream");
  ASSERT_EQ(noStore.status, 200);
  const Reply quick =
      training.post(base + "/quicktest/image?store=true", (*fresh)[2].bytes, "application/octet-stream");
  ASSERT_EQ(quick.status, 200);
  const Reply unstoredQuick =
      training.post(base + "/quicktest/image?store=false", (*fresh)[3].bytes, "application/octet-stream");
  ASSERT_EQ(unstoredQuick.status, 200);

  const Reply reply = training.postJson(base + "/predictions/query", {{"maxCount", 0}, {"orderBy", "Newest"}});
  const nlohmann::json result = reply.json();
  EXPECT_EQ(ids(result), (std::vector<std::string>{quick.json()["id"], first}));
  const nlohmann::json& token = result["token"];
  const nlohmann::ordered_json inOrder = nlohmann::ordered_json::parse(reply.body);  // keys as written
  std::vector<std::string> tokenKeys;
  for (const auto& [key, value] : inOrder["token"].items()) tokenKeys.push_back(key);
  EXPECT_EQ(tokenKeys, (std::vector<std::string>{"session", "continuation", "maxCount", "orderBy", "tags",
                                                 "iterationId", "startTime", "endTime", "application"}));
  EXPECT_TRUE(token["session"].is_string());
  EXPECT_TRUE(token["continuation"].is_null());
  EXPECT_EQ(token["maxCount"], 0);
  EXPECT_EQ(token["orderBy"], "Newest");
  EXPECT_TRUE(token["tags"].is_null());
  EXPECT_TRUE(token["application"].is_null());

  const nlohmann::json& stored = result["results"][1];
  std::vector<std::string> keys;
  for (const auto& [key, value] : inOrder["results"][1].items()) keys.push_back(key);
  EXPECT_EQ(keys, (std::vector<std::string>{"resizedImageUri", "thumbnailUri", "originalImageUri", "domain", "id",
                                            "project", "iteration", "created", "predictions"}));
  EXPECT_EQ(stored["domain"], "ee85a74c-405e-4adc-bb47-ffa8ca0c9f31");
  EXPECT_EQ(stored["project"], project.projectId);
  EXPECT_EQ(stored["iteration"], iterationId);
  EXPECT_EQ(stored["predictions"].size(), 3u);
  EXPECT_EQ(stored["resizedImageUri"], stored["originalImageUri"]);
  const std::string original = stored["originalImageUri"];
  EXPECT_NE(original.find("/_cvmock/blobs/predictionimages/" + project.projectId + "/o-"), std::string::npos);
  const Reply image = blobs.get(original.substr(server.endpoint().size()));
  ASSERT_EQ(image.status, 200);
  EXPECT_EQ(image.body, (*fresh)[0].bytes);
  const std::string thumbnail = stored["thumbnailUri"];
  EXPECT_EQ(blobs.get(thumbnail.substr(server.endpoint().size())).body, (*fresh)[0].bytes);
}

TEST_F(StoredPredictions, QueryPagesOrdersAndFilters) {
  const std::string a = classify(0, "app1");
  const std::string b = classify(1);
  const std::string c = classify(2, "app1");

  const nlohmann::json page1 = query({{"maxCount", 2}, {"orderBy", "Oldest"}});
  EXPECT_EQ(ids(page1), (std::vector<std::string>{a, b}));
  ASSERT_TRUE(page1["token"]["continuation"].is_string());
  classify(3);  // stored between two pages: the next page still starts after b
  const nlohmann::json page2 = query(page1["token"]);
  EXPECT_EQ(ids(page2)[0], c);
  EXPECT_EQ(page2["token"]["session"], page1["token"]["session"]);

  EXPECT_EQ(ids(query({{"application", "app1"}})), (std::vector<std::string>{c, a}));
  EXPECT_TRUE(query({{"iterationId", "00000000-0000-0000-0000-000000000001"}})["results"].empty());
  EXPECT_EQ(query({{"iterationId", iterationId}})["results"].size(), 4u);

  // A tag filter keeps the predictions whose probability for the tag lies within the thresholds.
  const std::string circle = project.tagIds.at("circle");
  const nlohmann::json confident = query({{"tags", {{{"id", circle}, {"minThreshold", 0.5}, {"maxThreshold", 1}}}}});
  for (const nlohmann::json& stored : confident["results"]) {
    for (const nlohmann::json& p : stored["predictions"]) {
      if (p["tagId"] == circle) {
        EXPECT_GE(p["probability"].get<double>(), 0.5);
      }
    }
  }
  EXPECT_EQ(confident["token"]["tags"][0]["minThreshold"], 0.5);
  EXPECT_TRUE(query({{"endTime", "2000-01-01T00:00:00Z"}})["results"].empty());
  EXPECT_EQ(query({{"startTime", "2000-01-01T00:00:00Z"}})["results"].size(), 4u);
}

TEST_F(StoredPredictions, QueryRefusesBadTokens) {
  const nlohmann::json tag = {{"id", project.tagIds.at("circle")}, {"minThreshold", 0}};
  EXPECT_EQ(training.postJson(base + "/predictions/query", {{"tags", {tag, tag, tag}}}).code(),
            "BadRequestPredictionTagsExceededCount");
  EXPECT_EQ(training.postJson(base + "/predictions/query", {{"maxCount", 257}}).code(),
            "BadRequestPredictionResultsExceededCount");
  EXPECT_EQ(training.postJson(base + "/predictions/query", {{"orderBy", "Sideways"}}).code(),
            "BadRequestPredictionInvalidQueryParameters");
  EXPECT_EQ(training.postJson(base + "/predictions/query", {{"continuation", "nowhere"}}).code(),
            "BadRequestPredictionInvalidQueryParameters");
  EXPECT_EQ(training.postJson(base + "/predictions/query", {{"startTime", "yesterday"}}).code(),
            "BadRequestPredictionInvalidQueryParameters");
  const Reply unknown =
      training.postJson("/projects/00000000-0000-0000-0000-000000000001/predictions/query", nlohmann::json::object());
  EXPECT_EQ(unknown.status, 404);
  EXPECT_EQ(unknown.code(), "NotFoundProject");
}

// The recorded call (DeletePrediction.json): DELETE predictions?ids=... answers 204 with no body.
TEST_F(StoredPredictions, DeleteRemovesPredictionsAndTheirImages) {
  const std::string kept = classify(0);
  const std::string doomed = classify(1);
  const std::string uri = query({{"orderBy", "Newest"}})["results"][0]["originalImageUri"];
  const Reply deleted = training.del(base + "/predictions?ids=" + doomed);
  EXPECT_EQ(deleted.status, 204);
  EXPECT_TRUE(deleted.body.empty());
  EXPECT_EQ(ids(query(nlohmann::json::object())), (std::vector<std::string>{kept}));
  EXPECT_EQ(blobs.get(uri.substr(server.endpoint().size())).status, 404);
  EXPECT_EQ(training.del(base + "/predictions?ids=" + doomed).status, 204);  // already gone: nothing to do

  EXPECT_EQ(training.del(base + "/predictions").code(), "BadRequestPredictionIdsMissing");
  std::string many;
  for (int i = 0; i < 65; ++i) many += (many.empty() ? "" : ",") + kept;
  EXPECT_EQ(training.del(base + "/predictions?ids=" + many).code(), "BadRequestPredictionIdsExceededCount");
  EXPECT_EQ(training.del(base + "/predictions?ids=not-a-guid").code(), "BadRequestInvalidIds");
}

// The recorded call (CreateImagesFromPredictions.json): the prediction id comes back as sourceUrl.
TEST_F(StoredPredictions, CreateImagesFromPredictionsAddsTheirImages) {
  const std::string id = classify(0);
  const int before = std::stoi(training.get(base + "/images/count").body);
  const std::string square = project.tagIds.at("square");
  const Reply created = training.postJson(base + "/images/predictions",
                                          {{"images", {{{"id", id}, {"tagIds", {square}}}}}});
  ASSERT_EQ(created.status, 200) << created.body;
  const nlohmann::json summary = created.json();
  EXPECT_EQ(summary["isBatchSuccessful"], true);
  const nlohmann::json& entry = summary["images"][0];
  EXPECT_EQ(entry["sourceUrl"], id);
  EXPECT_EQ(entry["status"], "OK");
  EXPECT_EQ(entry["image"]["tags"][0]["tagId"], square);
  EXPECT_EQ(std::stoi(training.get(base + "/images/count").body), before + 1);
  const std::string uri = entry["image"]["originalImageUri"];
  EXPECT_EQ(blobs.get(uri.substr(server.endpoint().size())).body, (*fresh)[0].bytes);
  EXPECT_EQ(query(nlohmann::json::object())["results"].size(), 1u);  // the prediction itself stays stored

  const Reply again = training.postJson(base + "/images/predictions",
                                        {{"images", {{{"id", id}}, {{"id", "00000000-0000-0000-0000-000000000001"}}}}});
  ASSERT_EQ(again.status, 207) << again.body;
  EXPECT_EQ(again.json()["images"][0]["status"], "OKDuplicate");
  EXPECT_EQ(again.json()["images"][1]["status"], "ErrorSource");
  EXPECT_EQ(std::stoi(training.get(base + "/images/count").body), before + 1);

  EXPECT_EQ(training.postJson(base + "/images/predictions", {{"tagIds", {square}}}).code(),
            "BadRequestRequiredParamIsNull");
  EXPECT_EQ(training.postJson(base + "/images/predictions",
                              {{"images", {{{"id", id}}}}, {"tagIds", {"00000000-0000-0000-0000-000000000002"}}})
                .code(),
            "NotFoundTag");
}

}  // namespace
}  // namespace cvmock::testing
