// Regressions found by the model-based stateful test (tests/stateful, issue 15): each case is the smallest request
// sequence that showed the defect, with the answer the service gives. Each failed before its fix.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "fixtures/generator.h"
#include "fixtures/png.h"
#include "tests/support/encoding.h"
#include "tests/support/http_session.h"
#include "tests/support/labelled_project.h"
#include "tests/support/test_server.h"

namespace cvmock::testing {
namespace {

constexpr const char* kAdminKey = "regressions-admin-key";

// `count` repetitions of `unit`: names of a given length in characters.
std::string repeated(const std::string& unit, int count) {
  std::string out;
  for (int i = 0; i < count; ++i) out += unit;
  return out;
}

// A grey PNG of width x height pixels.
std::string greyPng(int width, int height) {
  return fixtures::encodePng(std::vector<std::uint8_t>(static_cast<std::size_t>(width) * height * 3, 128), width,
                             height);
}

std::vector<fixtures::FixtureImage> fixtureImages(int perClass, int side = 32) {
  fixtures::FixtureSpec spec;
  spec.classes = {"circle", "square"};
  spec.imagesPerClass = perClass;
  spec.width = spec.height = side;
  return fixtures::generateFixtureSet(spec);
}

class ApiRegressions : public ::testing::Test {
 protected:
  static server::ServerConfig adminConfig() {
    server::ServerConfig config;
    config.simulation.adminKey = kAdminKey;
    return config;
  }

  // The admin API (mock_server/admin/openapi.yaml): POST/PUT with a JSON body, GET without.
  Reply admin(const std::string& method, const std::string& path, const nlohmann::json& body = nullptr) {
    httplib::Client client(server.endpoint());
    const httplib::Headers headers{{"Cvmock-Admin-Key", kAdminKey}};
    const std::string text = body.is_null() ? "" : body.dump();
    httplib::Result result = method == "GET"   ? client.Get("/_cvmock" + path, headers)
                             : method == "PUT" ? client.Put("/_cvmock" + path, headers, text, "application/json")
                                               : client.Post("/_cvmock" + path, headers, text, "application/json");
    if (!result) throw std::runtime_error("no answer from the admin API");
    return {result->status, result->body, result->headers};
  }

  // Waits until the worker has finished `iterationId` and its result is held back (hang or manual mode).
  void waitUntilHeld(const std::string& iterationId) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (std::chrono::steady_clock::now() < deadline) {
      const nlohmann::json held = admin("GET", "/training").json()["held"];
      if (std::find(held.begin(), held.end(), iterationId) != held.end()) return;
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    FAIL() << "the training of " << iterationId << " was never held";
  }

  std::string path(const std::string& projectId, const std::string& rest) { return "/projects/" + projectId + rest; }

  TestServer server{adminConfig()};
  HttpSession training = trainingSession(server.endpoint());
  HttpSession prediction = predictionSession(server.endpoint());
};

// Issue 15, defect 1: TrainProject → Training; UpdateIteration {"name"} → 200 with the new name; when the iteration
// reaches Completed, GetIteration must still say the new name. The worker wrote back the record it had read when
// it started. The training is held (outcome "hang") so that the rename surely comes after the worker's read.
TEST_F(ApiRegressions, IterationRenamedWhileTrainingKeepsItsNameWhenCompleted) {
  const LabelledProject project = createLabelledProject(training, fixtureImages(5));
  ASSERT_EQ(admin("POST", "/training/next", {{"outcome", "hang"}}).status, 200);
  const std::string iterationId = training.post(path(project.projectId, "/train")).json()["id"];
  waitUntilHeld(iterationId);
  const Reply renamed =
      training.patchJson(path(project.projectId, "/iterations/" + iterationId), {{"name", "my name 0"}});
  ASSERT_EQ(renamed.status, 200) << renamed.body;
  ASSERT_EQ(renamed.json()["name"], "my name 0");
  ASSERT_EQ(admin("POST", "/training/advance").status, 200);
  const nlohmann::json iteration = training.get(path(project.projectId, "/iterations/" + iterationId)).json();
  EXPECT_EQ(iteration["status"], "Completed");
  EXPECT_EQ(iteration["name"], "my name 0");
}

// The same when the training ends Failed (manual mode holds every result; the next one is forced to fail).
TEST_F(ApiRegressions, IterationRenamedWhileTrainingKeepsItsNameWhenFailed) {
  const LabelledProject project = createLabelledProject(training, fixtureImages(5));
  ASSERT_EQ(admin("PUT", "/training", {{"mode", "manual"}}).status, 200);
  ASSERT_EQ(admin("POST", "/training/next", {{"outcome", "fail"}}).status, 200);
  const std::string iterationId = training.post(path(project.projectId, "/train")).json()["id"];
  waitUntilHeld(iterationId);
  ASSERT_EQ(training.patchJson(path(project.projectId, "/iterations/" + iterationId), {{"name", "renamed"}}).status,
            200);
  ASSERT_EQ(admin("POST", "/training/advance").status, 200);
  const nlohmann::json iteration = training.get(path(project.projectId, "/iterations/" + iterationId)).json();
  EXPECT_EQ(iteration["status"], "Failed");
  EXPECT_EQ(iteration["name"], "renamed");
}

// Issue 15, defect 2: the Negative/Regular rule counts distinct tags, so NEG given twice is one tag: the image is
// stored (200, OK) with NEG once. Reference: README "image batches" (ErrorNegativeAndRegularTagOnSameImage is for a
// Negative tag *and another tag*) and CONTRACT.md's per-image statuses.
TEST_F(ApiRegressions, NegativeTagGivenTwiceInTheQueryIsOneTag) {
  const std::string projectId = training.post("/projects?name=neg").json()["id"];
  const std::string negative = training.post(path(projectId, "/tags?name=nothing&type=Negative")).json()["id"];
  const std::vector<fixtures::FixtureImage> images = fixtureImages(1);
  const Reply reply = training.postImages(path(projectId, "/images?tagIds=" + negative + "," + negative),
                                          {images[0].bytes});
  ASSERT_EQ(reply.status, 200) << reply.body;
  EXPECT_EQ(reply.json()["images"][0]["status"], "OK");
  ASSERT_EQ(reply.json()["images"][0]["image"]["tags"].size(), 1u);
  EXPECT_EQ(training.get(path(projectId, "/tags/" + negative)).json()["imageCount"], 1);
}

// The same rule when an entry's tagIds [NEG] meet the batch's [NEG] (CreateImagesFromFiles).
TEST_F(ApiRegressions, NegativeTagInTheEntryAndTheBatchIsOneTag) {
  const std::string projectId = training.post("/projects?name=neg").json()["id"];
  const std::string negative = training.post(path(projectId, "/tags?name=nothing&type=Negative")).json()["id"];
  const std::vector<fixtures::FixtureImage> images = fixtureImages(1);
  const nlohmann::json batch = {
      {"images", {{{"name", "a.jpg"}, {"contents", toBase64(images[0].bytes)}, {"tagIds", {negative}}}}},
      {"tagIds", {negative}}};
  const Reply reply = training.postJson(path(projectId, "/images/files"), batch);
  ASSERT_EQ(reply.status, 200) << reply.body;
  EXPECT_EQ(reply.json()["images"][0]["status"], "OK");
  EXPECT_EQ(training.get(path(projectId, "/images/tagged/count")).body, "1");
}

// Issue 15, defect 3: one damaged JPEG left the decoder of the server thread that read it broken, so that valid
// JPEGs on that thread were refused as ErrorImageFormat. A keep-alive connection is served by one thread: after each
// damaged JPEG (cut short inside its header segments, refused), the next valid JPEG on it must still be stored.
TEST_F(ApiRegressions, DamagedJpegDoesNotBreakTheNextValidJpeg) {
  const std::string projectId = training.post("/projects?name=jpeg").json()["id"];
  std::vector<std::string> jpegs;
  for (const fixtures::FixtureImage& image : fixtureImages(5)) {
    if (image.bytes.starts_with("\xff\xd8")) jpegs.push_back(image.bytes);
  }
  ASSERT_GE(jpegs.size(), 4u);
  httplib::Client client(server.endpoint());
  client.set_keep_alive(true);
  const httplib::Headers headers{{"Training-Key", "cvmock-training-key"}};
  const std::string uri = "/customvision/v3.3/training/projects/" + projectId + "/images";
  auto upload = [&](const std::string& bytes) {
    httplib::Result result = client.Post(uri, headers, bytes, "application/octet-stream");
    if (!result) throw std::runtime_error("no answer");
    return nlohmann::json::parse(result->body)["images"][0]["status"].get<std::string>();
  };
  for (std::size_t i = 1; i < 4; ++i) {
    const std::string& damaged = jpegs[0];
    ASSERT_EQ(upload(damaged.substr(0, damaged.size() * (i + 1) / 10)), "ErrorImageFormat");
    EXPECT_EQ(upload(jpegs[i]), "OK") << "valid JPEG " << i << " after a damaged one";
  }
}

// Issue 15, defect 4: CONTRACT.md "aspect ratio up to 25:1". A 10,240 x 1 PNG is within the side limit but 10,240:1;
// it is refused as an image beyond the side limit is (api_bad_input_test's SideOverTenThousandPixels): ErrorImageSize
// in a batch, BadRequestImageDimensions from a quick test, BadRequestImageFormat from the Prediction API v3.0
// (its enum has no dimensions code). Nothing is stored.
TEST_F(ApiRegressions, AspectRatioOver25To1IsRefused) {
  const LabelledProject project = createLabelledProject(training, fixtureImages(5));
  trainAndPublish(training, project.projectId, "model");
  const std::string wide = greyPng(10240, 1);
  const Reply upload = training.postImages(path(project.projectId, "/images"), {wide});
  EXPECT_EQ(upload.status, 207) << upload.body;
  EXPECT_EQ(upload.json()["images"][0]["status"], "ErrorImageSize");
  EXPECT_EQ(training.get(path(project.projectId, "/images/count")).body, "10");
  const Reply quick = training.post(path(project.projectId, "/quicktest/image"), wide, "application/octet-stream");
  EXPECT_EQ(quick.status, 400);
  EXPECT_EQ(quick.code(), "BadRequestImageDimensions");
  const Reply predicted = prediction.post("/" + project.projectId + "/classify/iterations/model/image/nostore",
                                          greyPng(20, 600), "application/octet-stream");
  EXPECT_EQ(predicted.status, 400);
  EXPECT_EQ(predicted.code(), "BadRequestImageFormat");
}

// The limit is inclusive: 25:1 is stored.
TEST_F(ApiRegressions, AspectRatioOf25To1IsStored) {
  const std::string projectId = training.post("/projects?name=ratio").json()["id"];
  const Reply upload = training.postImages(path(projectId, "/images"), {greyPng(250, 10)});
  EXPECT_EQ(upload.status, 200) << upload.body;
}

// Issue 15, defect 4: a tag name may have 256 characters, counted as characters, not UTF-8 bytes: 200 x "ü" (400
// bytes) and 256 x "ü" are names; 257 characters are BadRequestTagName.
TEST_F(ApiRegressions, TagNameLengthIsCountedInCharacters) {
  const std::string projectId = training.post("/projects?name=names").json()["id"];
  const Reply two = training.post(path(projectId, "/tags?name=" + encodedQueryValue(repeated("ü", 200))));
  EXPECT_EQ(two.status, 200) << two.body;
  EXPECT_EQ(two.json()["name"], repeated("ü", 200));
  const Reply full = training.post(path(projectId, "/tags?name=" + encodedQueryValue(repeated("é", 256))));
  EXPECT_EQ(full.status, 200) << full.body;
  const Reply over = training.post(path(projectId, "/tags?name=" + encodedQueryValue(repeated("é", 257))));
  EXPECT_EQ(over.status, 400);
  EXPECT_EQ(over.code(), "BadRequestTagName");
}

// Issue 15, defect 4: tag names are unique regardless of case, in every alphabet, as "Cat" and "cat" already are
// (api_errors_test): "ÜNÏCÖDÉ" after "ünïcödé", and "жук" after "Жук", are BadRequestTagNameNotUnique, also on rename.
TEST_F(ApiRegressions, TagNamesDifferingOnlyInNonAsciiCaseConflict) {
  const std::string projectId = training.post("/projects?name=folding").json()["id"];
  ASSERT_EQ(training.post(path(projectId, "/tags?name=" + encodedQueryValue("ünïcödé"))).status, 200);
  const Reply upper = training.post(path(projectId, "/tags?name=" + encodedQueryValue("ÜNÏCÖDÉ")));
  EXPECT_EQ(upper.status, 400) << upper.body;
  EXPECT_EQ(upper.code(), "BadRequestTagNameNotUnique");
  const std::string beetle = training.post(path(projectId, "/tags?name=" + encodedQueryValue("Жук"))).json()["id"];
  const std::string other = training.post(path(projectId, "/tags?name=other")).json()["id"];
  const Reply renamed = training.patchJson(path(projectId, "/tags/" + other), {{"name", "жук"}});
  EXPECT_EQ(renamed.status, 400) << renamed.body;
  EXPECT_EQ(renamed.code(), "BadRequestTagNameNotUnique");
  EXPECT_EQ(training.get(path(projectId, "/tags")).json().size(), 3u) << beetle;
}

// Issue 15, defect 4: a publish name is one segment of the prediction URL
// (/{projectId}/classify/iterations/{publishedName}/image), so "ok/1" can never be reached: PublishIteration
// answers 400 BadRequestInvalidPublishName (the spec's code for a bad publish name) and publishes nothing.
TEST_F(ApiRegressions, PublishNameWithASlashIsRefused) {
  const LabelledProject project = createLabelledProject(training, fixtureImages(5));
  const std::string iterationId = training.post(path(project.projectId, "/train")).json()["id"];
  ASSERT_EQ(waitForIteration(training, project.projectId, iterationId)["status"], "Completed");
  const Reply published = training.post(path(project.projectId, "/iterations/" + iterationId +
                                                                 "/publish?publishName=ok%2F1&predictionId=" +
                                                                 encodedQueryValue(server::ServiceConfig{}
                                                                                       .predictionResourceId)));
  EXPECT_EQ(published.status, 400) << published.body;
  EXPECT_EQ(published.code(), "BadRequestInvalidPublishName");
  EXPECT_TRUE(training.get(path(project.projectId, "/iterations/" + iterationId)).json()["publishName"].is_null());
}

// Found by the stateful test: CONTRACT.md limits image metadata to keys of 256 and values of 512 *characters*;
// cvmock counted UTF-8 bytes, so a value of 300 x "ü" (600 bytes) was BadRequestImageMetadataValue. It is stored,
// by UpdateImageMetadata and with an upload batch; 513 characters stay refused.
TEST_F(ApiRegressions, MetadataLengthIsCountedInCharacters) {
  const std::string projectId = training.post("/projects?name=metadata").json()["id"];
  const std::vector<fixtures::FixtureImage> images = fixtureImages(1);
  const Reply stored = training.postImages(path(projectId, "/images"), {images[0].bytes});
  const std::string imageId = stored.json()["images"][0]["image"]["id"];
  const Reply updated = training.postJson(path(projectId, "/images/metadata?imageIds=" + imageId),
                                          {{repeated("é", 256), repeated("ü", 300)}});
  EXPECT_EQ(updated.status, 200) << updated.body;
  const nlohmann::json batch = {
      {"images", {{{"name", "b.png"}, {"contents", toBase64(images[1].bytes)}}}},
      {"metadata", {{"note", repeated("ü", 512)}}}};
  const Reply uploaded = training.postJson(path(projectId, "/images/files"), batch);
  EXPECT_EQ(uploaded.status, 200) << uploaded.body;
  const Reply over = training.postJson(path(projectId, "/images/metadata?imageIds=" + imageId),
                                       {{"note", repeated("ü", 513)}});
  EXPECT_EQ(over.status, 400);
  EXPECT_EQ(over.code(), "BadRequestImageMetadataValue");
}

}  // namespace
}  // namespace cvmock::testing
