// Image metadata over HTTP: set at upload, UpdateImageMetadata (200/207, limits), and the `$filter` of
// GetImages and GetImageCount.
#include <gtest/gtest.h>

#include "fixtures/generator.h"
#include "tests/support/encoding.h"
#include "tests/support/http_session.h"
#include "tests/support/test_server.h"

namespace cvmock::testing {
namespace {

class ApiMetadata : public ::testing::Test {
 protected:
  void SetUp() override {
    projectId = training.post("/projects?name=metadata").json()["id"];
    fixtures::FixtureSpec spec;
    spec.classes = {"circle", "square"};
    spec.imagesPerClass = 3;
    spec.width = spec.height = 48;
    for (const fixtures::FixtureImage& image : fixtures::generateFixtureSet(spec)) {
      const Reply reply = training.post(path("/images"), image.bytes, "application/octet-stream");
      ASSERT_EQ(reply.status, 200) << reply.body;
      imageIds.push_back(reply.json()["images"][0]["image"]["id"]);
    }
  }

  std::string path(const std::string& rest) { return "/projects/" + projectId + rest; }
  Reply update(const std::vector<std::string>& ids, const nlohmann::json& metadata) {
    std::string list;
    for (const std::string& id : ids) list += (list.empty() ? "" : ",") + id;
    return training.postJson(path("/images/metadata?imageIds=" + list), metadata);
  }
  std::vector<std::string> idsOf(const Reply& reply) {
    std::vector<std::string> ids;
    for (const nlohmann::json& image : reply.json()) ids.push_back(image["id"]);
    std::sort(ids.begin(), ids.end());
    return ids;
  }
  static std::vector<std::string> sorted(std::vector<std::string> ids) {
    std::sort(ids.begin(), ids.end());
    return ids;
  }

  TestServer server;
  HttpSession training = trainingSession(server.endpoint());
  std::string projectId;
  std::vector<std::string> imageIds;  // 6 untagged images, in upload order
};

TEST_F(ApiMetadata, UpdateAnswersTheMergedMetadataAndImagesShowIt) {
  ASSERT_EQ(update({imageIds[0]}, {{"camera", "north"}, {"shift", "day"}}).status, 200);
  const Reply reply = update({imageIds[0], imageIds[1]}, {{"shift", "night"}});
  ASSERT_EQ(reply.status, 200) << reply.body;
  const nlohmann::json summary = reply.json();
  EXPECT_EQ(summary["isBatchSuccessful"], true);
  EXPECT_EQ(summary["images"][0]["imageId"], imageIds[0]);
  EXPECT_EQ(summary["images"][0]["status"], "OK");
  EXPECT_EQ(summary["images"][0]["metadata"], (nlohmann::json{{"camera", "north"}, {"shift", "night"}}));
  EXPECT_EQ(summary["images"][1]["metadata"], (nlohmann::json{{"shift", "night"}}));

  const nlohmann::json listed = training.get(path("/images/id?imageIds=" + imageIds[0])).json();
  EXPECT_EQ(listed[0]["metadata"]["camera"], "north");
  // An image without metadata has no metadata key, as recorded.
  EXPECT_FALSE(training.get(path("/images/id?imageIds=" + imageIds[2])).json()[0].contains("metadata"));
}

TEST_F(ApiMetadata, UnknownImagesAndFullImagesMakeA207) {
  nlohmann::json fifty;
  for (int i = 0; i < 50; ++i) fifty["k" + std::to_string(i)] = "v";
  ASSERT_EQ(update({imageIds[1]}, fifty).status, 200);
  const std::string unknown = "00000000-0000-0000-0000-000000000001";
  const Reply reply = update({imageIds[0], unknown, imageIds[1]}, {{"extra", "1"}});
  ASSERT_EQ(reply.status, 207) << reply.body;
  const nlohmann::json summary = reply.json();
  EXPECT_EQ(summary["isBatchSuccessful"], false);
  EXPECT_EQ(summary["images"][0]["status"], "OK");
  EXPECT_EQ(summary["images"][1]["status"], "ErrorImageNotFound");
  EXPECT_TRUE(summary["images"][1]["metadata"].is_null());
  EXPECT_EQ(summary["images"][2]["status"], "ErrorLimitExceed");
  EXPECT_EQ(summary["images"][2]["metadata"].size(), 50u);  // left as it was
  EXPECT_EQ(training.get(path("/images/id?imageIds=" + imageIds[1])).json()[0]["metadata"].size(), 50u);
}

TEST_F(ApiMetadata, BadMetadataIsRefusedAndChangesNothing) {
  EXPECT_EQ(update({imageIds[0]}, {{std::string(257, 'k'), "v"}}).json()["code"], "BadRequestImageMetadataKey");
  EXPECT_EQ(update({imageIds[0]}, {{"k", std::string(513, 'v')}}).json()["code"], "BadRequestImageMetadataValue");
  EXPECT_EQ(update({imageIds[0]}, {{"k", 5}}).json()["code"], "BadRequestImageMetadataValue");
  const Reply noIds = training.postJson(path("/images/metadata"), {{"k", "v"}});
  EXPECT_EQ(noIds.status, 400);
  EXPECT_EQ(noIds.json()["code"], "BadRequestRequiredParamIsNull");
  std::vector<std::string> tooMany(65, imageIds[0]);
  EXPECT_EQ(update(tooMany, {{"k", "v"}}).json()["code"], "BadRequestExceededBatchSize");
  EXPECT_FALSE(training.get(path("/images/id?imageIds=" + imageIds[0])).json()[0].contains("metadata"));
}

TEST_F(ApiMetadata, FilterSelectsImagesAndCounts) {
  ASSERT_EQ(update({imageIds[0], imageIds[1]}, {{"camera", "north"}}).status, 200);
  ASSERT_EQ(update({imageIds[2]}, {{"camera", "south"}, {"shift", "night"}}).status, 200);
  ASSERT_EQ(update({imageIds[1]}, {{"shift", "night"}}).status, 200);

  const auto filtered = [&](const std::string& expression) {
    return idsOf(training.get(path("/images?$filter=" + encodedQueryValue(expression))));
  };
  const auto count = [&](const std::string& expression) {
    return training.get(path("/images/count?$filter=" + encodedQueryValue(expression))).body;
  };
  EXPECT_EQ(filtered("camera eq 'north'"), sorted({imageIds[0], imageIds[1]}));
  EXPECT_EQ(filtered("camera eq 'north' and shift eq 'night'"), sorted({imageIds[1]}));
  EXPECT_EQ(filtered("camera eq 'south' or shift eq 'night'"), sorted({imageIds[1], imageIds[2]}));
  EXPECT_EQ(filtered("camera ne 'north'").size(), 4u);  // south and the three without a camera
  EXPECT_EQ(count("camera eq 'north'"), "2");
  EXPECT_EQ(count("camera ne 'north' and shift ne 'night'"), "3");
  // With the other filters: untagged images with camera north.
  EXPECT_EQ(training.get(path("/images/count?taggingStatus=Untagged&$filter=" +
                              encodedQueryValue("camera eq 'north'")))
                .body,
            "2");

  const Reply bad = training.get(path("/images?$filter=" + encodedQueryValue("camera eq north")));
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(bad.json()["code"], "BadRequest");
}

TEST_F(ApiMetadata, BatchMetadataIsKeptOnEveryUploadedImage) {
  fixtures::FixtureSpec spec;
  spec.classes = {"triangle"};
  spec.imagesPerClass = 2;
  spec.width = spec.height = 40;
  spec.seed = 7;
  nlohmann::json files = nlohmann::json::array();
  for (const fixtures::FixtureImage& image : fixtures::generateFixtureSet(spec)) {
    files.push_back({{"name", "t.png"}, {"contents", toBase64(image.bytes)}});
  }
  const Reply reply = training.postJson(path("/images/files"), {{"images", files}, {"metadata", {{"site", "lab"}}}});
  ASSERT_EQ(reply.status, 200) << reply.body;
  for (const nlohmann::json& entry : reply.json()["images"]) EXPECT_EQ(entry["image"]["metadata"]["site"], "lab");
  EXPECT_EQ(training.get(path("/images/count?$filter=" + encodedQueryValue("site eq 'lab'"))).body, "2");
}

}  // namespace
}  // namespace cvmock::testing
