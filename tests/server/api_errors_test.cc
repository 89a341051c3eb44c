// The negative matrix: each refusal with the status and code the real service uses.
#include <gtest/gtest.h>

#include "tests/support/labelled_project.h"
#include "tests/support/test_server.h"

namespace cvmock::testing {
namespace {

const std::string kUnknownId = "0b7a1c3e-8f0d-4c1e-9a5b-1d2e3f405162";
const std::string kResourceId =
    "%2Fsubscriptions%2F00000000-0000-0000-0000-000000000000%2FresourceGroups%2Fcvmock%2Fproviders%2FMicrosoft."
    "CognitiveServices%2Faccounts%2Fcvmock-prediction";

void expectError(const Reply& reply, int status, const std::string& code) {
  EXPECT_EQ(reply.status, status) << reply.body;
  EXPECT_EQ(reply.code(), code) << reply.body;
}

class ApiErrors : public ::testing::Test {
 protected:
  static std::vector<fixtures::FixtureImage> images(int perClass, std::uint64_t seed = 1) {
    fixtures::FixtureSpec spec;
    spec.imagesPerClass = perClass;
    spec.width = spec.height = 96;
    spec.seed = seed;
    return fixtures::generateFixtureSet(spec);
  }
  std::string newProject(const std::string& query = "name=p") { return training.post("/projects?" + query).json()["id"]; }

  TestServer server;
  HttpSession training = trainingSession(server.endpoint());
  HttpSession prediction = predictionSession(server.endpoint());
};

TEST_F(ApiErrors, Projects) {
  expectError(training.post("/projects"), 400, "BadRequestProjectName");
  expectError(training.post("/projects?name=p&domainId=" + kUnknownId), 400, "BadRequestProjectUnknownDomain");
  expectError(training.post("/projects?name=p&classificationType=Sideways"), 400,
              "BadRequestProjectUnknownClassification");
  expectError(training.get("/projects/" + kUnknownId), 404, "NotFoundProject");
  expectError(training.get("/projects/not-a-guid"), 400, "BadRequestInvalidIds");
  expectError(training.del("/projects/" + kUnknownId), 404, "NotFoundProject");
  const std::string id = newProject();
  expectError(training.patchJson("/projects/" + id, {{"name", ""}}), 400, "BadRequestProjectName");
  expectError(training.patchJson("/projects/" + id, {{"name", 7}}), 400, "BadRequest");
  const Reply malformed = training.post("/projects/" + id + "/images/tags", "{not json");
  expectError(malformed, 400, "BadRequest");
  EXPECT_EQ(training.get("/projects/" + id).json()["name"], "p");  // nothing stored was lost
}

TEST_F(ApiErrors, Tags) {
  const std::string id = newProject();
  expectError(training.post("/projects/" + id + "/tags"), 400, "BadRequestTagName");
  ASSERT_EQ(training.post("/projects/" + id + "/tags?name=dog").status, 200);
  expectError(training.post("/projects/" + id + "/tags?name=Dog"), 400, "BadRequestTagNameNotUnique");
  expectError(training.post("/projects/" + id + "/tags?name=x&type=Weird"), 400, "BadRequestTagType");
  ASSERT_EQ(training.post("/projects/" + id + "/tags?name=none&type=Negative").status, 200);
  expectError(training.post("/projects/" + id + "/tags?name=none2&type=Negative"), 400, "BadRequestMultipleNegativeTag");
  expectError(training.get("/projects/" + id + "/tags/" + kUnknownId), 404, "NotFoundTag");
  expectError(training.post("/projects/" + kUnknownId + "/tags?name=x"), 404, "NotFoundProject");
}

TEST_F(ApiErrors, Images) {
  const std::string id = newProject();
  const std::vector<fixtures::FixtureImage> set = images(22);
  std::vector<std::string> tooMany;
  for (const auto& image : set) tooMany.push_back(image.bytes);
  ASSERT_GT(tooMany.size(), 64u);
  expectError(training.postImages("/projects/" + id + "/images", tooMany), 400, "BadRequestImageBatch");
  expectError(training.post("/projects/" + id + "/images", "", "application/octet-stream"), 400, "BadRequestImageStream");
  expectError(training.postImages("/projects/" + id + "/images?tagIds=" + kUnknownId, {set[0].bytes}), 404,
              "NotFoundTag");
  expectError(training.postImages("/projects/" + id + "/images?tagIds=nope", {set[0].bytes}), 400,
              "BadRequestInvalidIds");
  expectError(training.get("/projects/" + id + "/images?take=257"), 400, "BadRequest");
  expectError(training.get("/projects/" + id + "/images?skip=-1"), 400, "BadRequest");
  EXPECT_EQ(training.get("/projects/" + id + "/images/count").body, "0");  // refused batches stored nothing

  const std::string negative = training.post("/projects/" + id + "/tags?name=nothing&type=Negative").json()["id"];
  const std::string regular = training.post("/projects/" + id + "/tags?name=thing").json()["id"];
  const Reply both =
      training.postImages("/projects/" + id + "/images?tagIds=" + negative + "," + regular, {set[0].bytes});
  EXPECT_EQ(both.status, 207);
  EXPECT_EQ(both.json()["images"][0]["status"], "ErrorNegativeAndRegularTagOnSameImage");

  const std::string imageId =
      training.postImages("/projects/" + id + "/images?tagIds=" + regular, {set[1].bytes}).json()["images"][0]["image"]["id"];
  expectError(training.postJson("/projects/" + id + "/images/tags",
                                {{"tags", {{{"imageId", imageId}, {"tagId", negative}}}}}),
              400, "BadRequestNegativeAndRegularTagOnSameImage");
  expectError(training.postJson("/projects/" + id + "/images/tags",
                                {{"tags", {{{"imageId", kUnknownId}, {"tagId", regular}}}}}),
              404, "NotFoundImage");
}

TEST_F(ApiErrors, TrainingNeedsFiveImagesPerTagAndTwoTags) {
  const std::vector<fixtures::FixtureImage> four = images(4);
  const std::string id = newProject();
  const std::string base = "/projects/" + id;
  expectError(training.post(base + "/train"), 400, "BadRequestTrainingValidationFailed");
  const LabelledProject small = createLabelledProject(training, four);
  const Reply tooFew = training.post("/projects/" + small.projectId + "/train");
  expectError(tooFew, 400, "BadRequestTrainingValidationFailed");
  EXPECT_EQ(tooFew.json()["message"], "Not enough images for training");

  std::vector<fixtures::FixtureImage> oneClass = images(6);
  oneClass.resize(6);  // circles only
  const LabelledProject single = createLabelledProject(training, oneClass);
  expectError(training.post("/projects/" + single.projectId + "/train"), 400, "BadRequestTrainingValidationFailed");
  EXPECT_TRUE(training.get("/projects/" + single.projectId + "/iterations").json().empty());
}

TEST_F(ApiErrors, MulticlassImagesWithTwoTagsCannotTrain) {
  const LabelledProject project = createLabelledProject(training, images(5), "Multiclass");
  const std::string base = "/projects/" + project.projectId;
  const std::string imageId = training.get(base + "/images?take=1").json()[0]["id"];
  nlohmann::json extra = {{"tags", nlohmann::json::array()}};
  for (const auto& [name, tagId] : project.tagIds) extra["tags"].push_back({{"imageId", imageId}, {"tagId", tagId}});
  ASSERT_EQ(training.postJson(base + "/images/tags", extra).status, 200);
  expectError(training.post(base + "/train"), 400, "BadRequestMultiClassClassificationTrainingValidationFailed");
}

TEST_F(ApiErrors, IterationsPublishingAndPrediction) {
  const std::vector<fixtures::FixtureImage> set = images(6);
  const LabelledProject project = createLabelledProject(training, set);
  const std::string base = "/projects/" + project.projectId;
  expectError(training.get(base + "/iterations/" + kUnknownId), 404, "NotFoundIteration");
  const std::string iterationId = training.post(base + "/train").json()["id"];
  ASSERT_EQ(waitForIteration(training, project.projectId, iterationId)["status"], "Completed");
  const std::string iteration = base + "/iterations/" + iterationId;

  expectError(training.post(iteration + "/publish?predictionId=" + kResourceId), 400, "BadRequestInvalidPublishName");
  expectError(training.post(iteration + "/publish?publishName=m"), 400, "BadRequestInvalidPublishTarget");
  expectError(training.post(iteration + "/publish?publishName=m&predictionId=%2Fsubscriptions%2Fother"), 400,
              "BadRequestInvalidPublishTarget");
  expectError(training.del(iteration + "/publish"), 400, "BadRequestIterationNotPublished");
  expectError(training.get(iteration + "/performance?threshold=2"), 400, "BadRequest");
  ASSERT_EQ(training.post(iteration + "/publish?publishName=m&predictionId=" + kResourceId).status, 200);
  expectError(training.del(iteration), 400, "BadRequestIterationIsPublished");

  const std::string classify = "/" + project.projectId + "/classify/iterations/";
  const Reply unknownName = prediction.post(classify + "nope/image", set[0].bytes, "application/octet-stream");
  expectError(unknownName, 404, "NotFoundIteration");
  EXPECT_EQ(unknownName.json()["message"], "Invalid iteration");
  expectError(prediction.post("/" + kUnknownId + "/classify/iterations/m/image", set[0].bytes, "application/octet-stream"),
              404, "NotFoundProject");
  expectError(prediction.post(classify + "m/image", "garbage", "application/octet-stream"), 400, "BadRequestImageFormat");
  expectError(prediction.post(classify + "m/image/nostore", "", "application/octet-stream"), 400, "BadRequestImageStream");
  expectError(prediction.post(classify + "m/image", std::string(4 * 1024 * 1024 + 1, 'x'), "application/octet-stream"),
              400, "BadRequestImageSizeBytes");
  EXPECT_EQ(prediction.postImages(classify + "m/image/nostore", {set[0].bytes}).status, 200);

  EXPECT_EQ(training.del(iteration + "/publish").status, 204);
  expectError(prediction.post(classify + "m/image", set[0].bytes, "application/octet-stream"), 404, "NotFoundIteration");
  EXPECT_EQ(training.del(iteration).status, 204);
}

}  // namespace
}  // namespace cvmock::testing
