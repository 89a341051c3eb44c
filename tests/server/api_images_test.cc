// Uploading, listing, counting, tagging and deleting images over HTTP.
#include <gtest/gtest.h>

#include "fixtures/generator.h"
#include "tests/support/encoding.h"
#include "tests/support/http_session.h"
#include "tests/support/test_server.h"

namespace cvmock::testing {
namespace {

class ApiImages : public ::testing::Test {
 protected:
  void SetUp() override {
    projectId = training.post("/projects?name=images").json()["id"];
    tagA = training.post("/projects/" + projectId + "/tags?name=a").json()["id"];
    tagB = training.post("/projects/" + projectId + "/tags?name=b").json()["id"];
    fixtures::FixtureSpec spec;
    spec.classes = {"circle", "square"};
    spec.imagesPerClass = 4;
    spec.width = spec.height = 64;
    for (const fixtures::FixtureImage& image : fixtures::generateFixtureSet(spec)) images.push_back(image.bytes);
  }

  std::string path(const std::string& rest) { return "/projects/" + projectId + rest; }

  TestServer server;
  HttpSession training = trainingSession(server.endpoint());
  std::string projectId, tagA, tagB;
  std::vector<std::string> images;  // 8 distinct images
};

TEST_F(ApiImages, MultipartUploadTagsEveryImage) {
  const Reply reply = training.postImages(path("/images?tagIds=" + tagA), {images[0], images[1]});
  ASSERT_EQ(reply.status, 200) << reply.body;
  const nlohmann::json summary = reply.json();
  EXPECT_EQ(summary["isBatchSuccessful"], true);
  ASSERT_EQ(summary["images"].size(), 2u);
  EXPECT_EQ(summary["images"][0]["status"], "OK");
  EXPECT_EQ(summary["images"][0]["image"]["width"], 64);
  EXPECT_EQ(summary["images"][0]["image"]["tags"][0]["tagId"], tagA);
  EXPECT_EQ(training.get("/projects/" + projectId + "/tags/" + tagA).json()["imageCount"], 2);
}

TEST_F(ApiImages, OctetStreamUploadAndBlobDownload) {
  const Reply reply = training.post(path("/images"), images[2], "application/octet-stream");
  ASSERT_EQ(reply.status, 200) << reply.body;
  const std::string uri = reply.json()["images"][0]["image"]["originalImageUri"];
  httplib::Client blobs(server.endpoint());
  auto blob = blobs.Get(uri.substr(server.endpoint().size()));
  ASSERT_TRUE(blob);
  EXPECT_EQ(blob->status, 200);
  EXPECT_EQ(blob->body, images[2]);
  EXPECT_EQ(training.get(path("/images/untagged/count")).body, "1");
}

TEST_F(ApiImages, PartlyFailedBatchIs207WithPerImageStatus) {
  ASSERT_EQ(training.postImages(path("/images"), {images[0]}).status, 200);
  const Reply reply = training.postImages(path("/images"), {images[0], "not an image", images[1]});
  EXPECT_EQ(reply.status, 207);
  const nlohmann::json summary = reply.json();
  EXPECT_EQ(summary["isBatchSuccessful"], false);
  EXPECT_EQ(summary["images"][0]["status"], "OKDuplicate");
  EXPECT_EQ(summary["images"][1]["status"], "ErrorImageFormat");
  EXPECT_TRUE(summary["images"][1]["image"].is_null());
  EXPECT_EQ(summary["images"][2]["status"], "OK");
  EXPECT_EQ(training.get(path("/images/count")).body, "2");
}

TEST_F(ApiImages, JsonFilesBatchWithPerImageTags) {
  nlohmann::json batch = {{"images",
                           {{{"name", "one.jpg"}, {"contents", toBase64(images[0])}, {"tagIds", {tagA}}},
                            {{"name", "two.png"}, {"contents", toBase64(images[1])}, {"tagIds", {tagB}}}}},
                          {"tagIds", nlohmann::json::array()}};
  const Reply reply = training.postJson(path("/images/files"), batch);
  ASSERT_EQ(reply.status, 200) << reply.body;
  EXPECT_EQ(reply.json()["images"][0]["sourceUrl"], "one.jpg");
  EXPECT_EQ(training.get(path("/images/tagged/count?tagIds=" + tagB)).body, "1");
}

// As recorded: the images that exist, oldest first whatever the order asked; unknown ids are left out.
TEST_F(ApiImages, GetImagesByIdsAnswersTheKnownOnesOldestFirst) {
  std::vector<std::string> ids;
  for (int i = 0; i < 3; ++i) {
    const Reply reply = training.postImages(path("/images?tagIds=" + tagA), {images[i]});
    ASSERT_EQ(reply.status, 200) << reply.body;
    ids.push_back(reply.json()["images"][0]["image"]["id"]);
  }
  const std::string unknown = "00000000-0000-0000-0000-0000000000aa";
  const Reply reply = training.get(path("/images/id?imageIds=" + ids[2] + "%2C" + unknown + "%2C" + ids[0]));
  ASSERT_EQ(reply.status, 200) << reply.body;
  const nlohmann::json found = reply.json();
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0]["id"], ids[0]);
  EXPECT_EQ(found[1]["id"], ids[2]);
  EXPECT_EQ(found[0]["tags"][0]["tagId"], tagA);
  EXPECT_EQ(training.get(path("/images/id?imageIds=not-a-guid")).status, 400);
}

TEST_F(ApiImages, ListingsFilterOrderAndPage) {
  ASSERT_EQ(training.postImages(path("/images?tagIds=" + tagA), {images[0], images[1]}).status, 200);
  ASSERT_EQ(training.postImages(path("/images?tagIds=" + tagB), {images[2]}).status, 200);
  ASSERT_EQ(training.postImages(path("/images"), {images[3]}).status, 200);

  const nlohmann::json tagged = training.get(path("/images/tagged?take=50&skip=0")).json();
  ASSERT_EQ(tagged.size(), 3u);
  EXPECT_EQ(tagged[0]["tags"][0]["tagId"], tagB);  // newest first
  const nlohmann::json untagged = training.get(path("/images/untagged")).json();
  ASSERT_EQ(untagged.size(), 1u);
  EXPECT_FALSE(untagged[0].contains("tags"));
  EXPECT_EQ(training.get(path("/images/tagged?tagIds=" + tagA)).json().size(), 2u);
  EXPECT_EQ(training.get(path("/images?taggingStatus=All&take=2&skip=1")).json().size(), 2u);
  const nlohmann::json oldest = training.get(path("/images?orderBy=Oldest&take=1")).json();
  EXPECT_EQ(oldest[0]["tags"][0]["tagId"], tagA);
  EXPECT_EQ(training.get(path("/images/count?taggingStatus=Untagged")).body, "1");
  EXPECT_EQ(training.get(path("/images/tagged/count")).body, "3");
}

TEST_F(ApiImages, TagAndUntagImages) {
  const std::string imageId = training.postImages(path("/images"), {images[0]}).json()["images"][0]["image"]["id"];
  nlohmann::json batch = {{"tags", {{{"imageId", imageId}, {"tagId", tagA}}, {{"imageId", imageId}, {"tagId", tagA}}}}};
  const Reply created = training.postJson(path("/images/tags"), batch);
  ASSERT_EQ(created.status, 200) << created.body;
  EXPECT_EQ(created.json()["created"].size(), 1u);
  EXPECT_EQ(created.json()["duplicated"].size(), 1u);
  EXPECT_EQ(training.get(path("/images/tagged/count")).body, "1");
  EXPECT_EQ(training.del(path("/images/tags?imageIds=" + imageId + "&tagIds=" + tagA)).status, 204);
  EXPECT_EQ(training.get(path("/images/untagged/count")).body, "1");
}

TEST_F(ApiImages, DeleteSomeThenAll) {
  const nlohmann::json summary = training.postImages(path("/images"), {images[0], images[1], images[2]}).json();
  const std::string first = summary["images"][0]["image"]["id"];
  const std::string second = summary["images"][1]["image"]["id"];
  EXPECT_EQ(training.del(path("/images?imageIds=" + first + "%2C" + second)).status, 204);
  EXPECT_EQ(training.get(path("/images/count")).body, "1");
  EXPECT_EQ(training.del(path("/images?allImages=true")).status, 202);
  EXPECT_EQ(training.get(path("/images/count")).body, "0");
}

}  // namespace
}  // namespace cvmock::testing
