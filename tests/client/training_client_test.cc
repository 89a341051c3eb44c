// TrainingClient builds the spec's requests and reads the service's answers into models.
#include "client/training_client.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/client/fake_service.h"

namespace cvmock::client {
namespace {

using nlohmann::json;
using testing::FakeService;

constexpr char kKey[] = "test-training-key";
constexpr char kProjectId[] = "0659c4c6-9d68-4de2-8b7d-5a84f2784947";
constexpr char kIterationId[] = "9663e2a3-24e9-46f8-acf2-c5ec6e8968a6";
constexpr char kBase[] = "/customvision/v3.3/training";

std::string projectsPath() { return std::string(kBase) + "/projects/" + kProjectId; }

const char* kProjectJson = R"({
  "id": "0659c4c6-9d68-4de2-8b7d-5a84f2784947", "name": "My Project", "description": null,
  "settings": {"domainId": "ee85a74c-405e-4adc-bb47-ffa8ca0c9f31", "classificationType": "Multilabel",
               "targetExportPlatforms": [], "useNegativeSet": true, "detectionParameters": null,
               "imageProcessingSettings": {"augmentationMethods": {"rotation": true, "scaling": false}}},
  "created": "2020-11-06T16:37:26.593Z", "lastModified": "2020-11-06T16:37:26.593Z",
  "thumbnailUri": null, "drModeEnabled": false})";

const char* kTrainingIterationJson = R"({
  "id": "9663e2a3-24e9-46f8-acf2-c5ec6e8968a6", "name": "Iteration 1", "status": "Training",
  "created": "2020-11-06T16:37:27.563Z", "lastModified": "2020-11-06T16:37:27.563Z",
  "projectId": "0659c4c6-9d68-4de2-8b7d-5a84f2784947", "exportable": false, "exportableTo": null,
  "domainId": null, "classificationType": null, "trainingType": "Regular", "reservedBudgetInHours": 0})";

std::string imageJson(const std::string& id, const std::string& tagsField) {
  return R"({"id": ")" + id + R"(", "created": "2020-11-06T16:32:08.8527147", "width": 900,
    "height": 1600, "resizedImageUri": "http://r", "thumbnailUri": "http://t",
    "originalImageUri": "http://o")" +
         tagsField + "}";
}

class TrainingClientTest : public ::testing::Test {
 protected:
  FakeService service;
  TrainingClient client{service.endpoint(), kKey};
};

TEST_F(TrainingClientTest, GetDomainsSendsKeyAndParsesDomains) {
  service.respond(200, R"([{"id": "ee85a74c-405e-4adc-bb47-ffa8ca0c9f31", "name": "General",
                           "type": "Classification", "exportable": false, "enabled": true}])");
  auto domains = client.getDomains();

  auto request = service.lastRequest();
  EXPECT_EQ(request.method, "GET");
  EXPECT_EQ(request.target, std::string(kBase) + "/domains");
  auto key = request.headers.find("Training-Key");
  ASSERT_NE(key, request.headers.end());
  EXPECT_EQ(key->second, kKey);
  ASSERT_EQ(domains.size(), 1u);
  EXPECT_EQ(domains[0].name, "General");
  EXPECT_EQ(domains[0].type, DomainType::Classification);
  EXPECT_TRUE(domains[0].enabled);
}

TEST_F(TrainingClientTest, CreateProjectSendsOptionsAsQueryAndReadsNullAsAbsent) {
  service.respond(200, kProjectJson);
  auto project = client.createProject(
      "My Project",
      {.domainId = "ee85a74c-405e-4adc-bb47-ffa8ca0c9f31", .classificationType = ClassificationType::Multilabel});

  auto request = service.lastRequest();
  EXPECT_EQ(request.method, "POST");
  EXPECT_EQ(request.target, std::string(kBase) +
                                "/projects?name=My%20Project&domainId=ee85a74c-405e-4adc-bb47-"
                                "ffa8ca0c9f31&classificationType=Multilabel");
  EXPECT_TRUE(request.body.empty());
  EXPECT_EQ(project.name, "My Project");
  EXPECT_FALSE(project.description.has_value());
  EXPECT_FALSE(project.thumbnailUri.has_value());
  EXPECT_FALSE(project.status.has_value());
  EXPECT_EQ(project.drModeEnabled, false);
  EXPECT_EQ(project.settings.classificationType, ClassificationType::Multilabel);
  EXPECT_FALSE(project.settings.detectionParameters.has_value());
  ASSERT_TRUE(project.settings.imageProcessingSettings.has_value());
  EXPECT_EQ(project.settings.imageProcessingSettings->augmentationMethods->at("scaling"), false);
}

TEST_F(TrainingClientTest, UpdateProjectPatchesOnlyWritableFields) {
  service.respond(200, kProjectJson);
  Project project = json::parse(kProjectJson).get<Project>();
  project.description = "Updated";
  client.updateProject(kProjectId, project);

  auto request = service.lastRequest();
  EXPECT_EQ(request.method, "PATCH");
  EXPECT_EQ(request.target, projectsPath());
  auto body = json::parse(request.body);
  EXPECT_EQ(body["name"], "My Project");
  EXPECT_EQ(body["description"], "Updated");
  EXPECT_EQ(body["settings"]["classificationType"], "Multilabel");
  EXPECT_FALSE(body.contains("id"));
  EXPECT_FALSE(body.contains("created"));
  EXPECT_FALSE(body["settings"].contains("useNegativeSet"));
}

TEST_F(TrainingClientTest, DeleteProjectAcceptsEmpty204) {
  service.respond(204, "");
  client.deleteProject(kProjectId);
  EXPECT_EQ(service.lastRequest().method, "DELETE");
  EXPECT_EQ(service.lastRequest().target, projectsPath());
}

TEST_F(TrainingClientTest, CreateTagEncodesNameAndType) {
  service.respond(200, R"({"id": "c90ec502-5409-4228-8f3c-c2a17f7e7d0c", "name": "Tag #0",
                           "description": null, "type": "Negative", "imageCount": 0})");
  auto tag = client.createTag(kProjectId, "Tag #0", {.type = TagType::Negative});

  EXPECT_EQ(service.lastRequest().target, projectsPath() + "/tags?name=Tag%20%230&type=Negative");
  EXPECT_EQ(tag.name, "Tag #0");
  EXPECT_EQ(tag.type, TagType::Negative);
  EXPECT_FALSE(tag.description.has_value());
}

TEST_F(TrainingClientTest, CreateImagesFromDataSendsOneMultipartPartPerImage) {
  service.respond(200, R"({"isBatchSuccessful": true, "images": [
      {"sourceUrl": "a.jpg", "status": "OK", "image": )" +
                           imageJson("i1", "") + R"(},
      {"sourceUrl": null, "status": "ErrorImageFormat", "image": null}]})");
  std::string binary("\xff\xd8\0\r\n--x\xff\xd9", 10);
  auto summary = client.createImagesFromData(
      kProjectId, {ImageFile{binary, "a.jpg"}, ImageFile{"second", std::nullopt}}, {"t1", "t2"});

  auto request = service.lastRequest();
  EXPECT_EQ(request.method, "POST");
  EXPECT_EQ(request.target, projectsPath() + "/images?tagIds=t1%2Ct2");
  auto contentType = request.headers.find("Content-Type");
  ASSERT_NE(contentType, request.headers.end());
  EXPECT_EQ(contentType->second.rfind("multipart/form-data; boundary=", 0), 0u);
  ASSERT_EQ(request.files.count("imageData"), 2u);
  auto part = request.files.find("imageData");
  EXPECT_EQ(part->second.content, binary);
  EXPECT_EQ(part->second.filename, "a.jpg");
  EXPECT_EQ(part->second.content_type, "application/octet-stream");
  EXPECT_EQ(std::next(part)->second.content, "second");

  EXPECT_TRUE(summary.isBatchSuccessful);
  ASSERT_EQ(summary.images.size(), 2u);
  EXPECT_EQ(summary.images[0].image->id, "i1");
  EXPECT_EQ(summary.images[1].status, ImageCreateStatus::ErrorImageFormat);
  EXPECT_FALSE(summary.images[1].image.has_value());
  EXPECT_FALSE(summary.images[1].sourceUrl.has_value());
}

TEST_F(TrainingClientTest, CreateImagesFromDataRejectsMoreThan64BeforeSending) {
  std::vector<ImageSource> images(65, ImageSource("x"));
  EXPECT_THROW(client.createImagesFromData(kProjectId, images), std::invalid_argument);
  EXPECT_TRUE(service.requests().empty());
}

TEST_F(TrainingClientTest, CreateImagesFromFilesSendsBase64Json) {
  service.respond(207, R"({"isBatchSuccessful": false, "images": []})");
  auto summary = client.createImagesFromFiles(
      kProjectId, {.images = {{.name = "a.png", .contents = "abc", .tagIds = {"t1"}}}, .tagIds = {"t2"}});

  auto request = service.lastRequest();
  EXPECT_EQ(request.target, projectsPath() + "/images/files");
  auto body = json::parse(request.body);
  EXPECT_EQ(body,
            json::parse(R"({"images": [{"name": "a.png", "contents": "YWJj", "tagIds": ["t1"]}],
                                  "tagIds": ["t2"]})"));
  EXPECT_FALSE(summary.isBatchSuccessful);
}

TEST_F(TrainingClientTest, CreateImageTagsSendsBatchAndReadsSummary) {
  service.respond(200, R"({"created": [{"imageId": "i1", "tagId": "t1"}], "duplicated": null})");
  auto summary = client.createImageTags(kProjectId, {{{"i1", "t1"}}});

  EXPECT_EQ(json::parse(service.lastRequest().body),
            json::parse(R"({"tags": [{"imageId": "i1", "tagId": "t1"}]})"));
  ASSERT_TRUE(summary.created.has_value());
  EXPECT_EQ(summary.created->at(0).tagId, "t1");
  EXPECT_FALSE(summary.duplicated.has_value());
  EXPECT_FALSE(summary.exceeded.has_value());
}

TEST_F(TrainingClientTest, DeleteImageTagsJoinsIds) {
  service.respond(204, "");
  client.deleteImageTags(kProjectId, {"i1", "i2"}, {"t1"});
  EXPECT_EQ(service.lastRequest().method, "DELETE");
  EXPECT_EQ(service.lastRequest().target,
            projectsPath() + "/images/tags?imageIds=i1%2Ci2&tagIds=t1");
}

TEST_F(TrainingClientTest, GetTaggedImagesSendsPagingAndReadsTags) {
  service.respond(200, "[" + imageJson("i1", R"(, "tags": [{"tagId": "t1", "tagName": "Tag1",
                                                 "created": "2020-11-06T16:32:08.87"}])") +
                           "]");
  auto images = client.getTaggedImages(kProjectId, {.tagIds = {"t1"}, .take = 10, .skip = 20});

  EXPECT_EQ(service.lastRequest().target,
            projectsPath() + "/images/tagged?tagIds=t1&take=10&skip=20");
  ASSERT_EQ(images.size(), 1u);
  ASSERT_TRUE(images[0].tags.has_value());
  EXPECT_EQ(images[0].tags->at(0).tagName, "Tag1");
  EXPECT_EQ(images[0].width, 900);
}

TEST_F(TrainingClientTest, UntaggedImagesHaveNoTagsAndIgnoreTagFilter) {
  service.respond(200, "[" + imageJson("i1", "") + "]");
  auto images = client.getUntaggedImages(kProjectId, {.tagIds = {"ignored"}, .orderBy = ImageOrder::Oldest});

  EXPECT_EQ(service.lastRequest().target, projectsPath() + "/images/untagged?orderBy=Oldest");
  ASSERT_EQ(images.size(), 1u);
  EXPECT_FALSE(images[0].tags.has_value());
  EXPECT_FALSE(images[0].metadata.has_value());
}

TEST_F(TrainingClientTest, GetImagesSendsStatusAndFilter) {
  service.respond(200, "[]");
  client.getImages(kProjectId, {.taggingStatus = TaggingStatus::Tagged, .filter = "a eq 'b'"});
  EXPECT_EQ(service.lastRequest().target,
            projectsPath() + "/images?taggingStatus=Tagged&$filter=a%20eq%20%27b%27");
}

TEST_F(TrainingClientTest, CountsAreBareNumbers) {
  service.respond(200, "10");
  EXPECT_EQ(client.getImageCount(kProjectId), 10);
  EXPECT_EQ(service.lastRequest().target, projectsPath() + "/images/count");
  EXPECT_EQ(client.getTaggedImageCount(kProjectId, {.iterationId = kIterationId}), 10);
  EXPECT_EQ(service.lastRequest().target,
            projectsPath() + "/images/tagged/count?iterationId=" + kIterationId);
  EXPECT_EQ(client.getUntaggedImageCount(kProjectId), 10);
  EXPECT_EQ(service.lastRequest().target, projectsPath() + "/images/untagged/count");
  EXPECT_EQ(client.getImagePerformanceCount(kProjectId, kIterationId, {.tagIds = {"t1"}}), 10);
  EXPECT_EQ(service.lastRequest().target,
            projectsPath() + "/iterations/" + kIterationId + "/performance/images/count?tagIds=t1");
}

TEST_F(TrainingClientTest, DeleteImagesSendsIdsAndFlags) {
  service.respond(202, "");
  client.deleteImages(kProjectId, {}, {.allImages = true});
  EXPECT_EQ(service.lastRequest().method, "DELETE");
  EXPECT_EQ(service.lastRequest().target, projectsPath() + "/images?allImages=true");
}

TEST_F(TrainingClientTest, TrainProjectSendsOptionsAndReadsTrainingIteration) {
  service.respond(200, kTrainingIterationJson);
  auto iteration =
      client.trainProject(kProjectId, {.reservedBudgetInHours = 0, .forceTrain = true});

  auto request = service.lastRequest();
  EXPECT_EQ(request.method, "POST");
  EXPECT_EQ(request.target, projectsPath() + "/train?reservedBudgetInHours=0&forceTrain=true");
  EXPECT_EQ(iteration.status, "Training");
  EXPECT_FALSE(iteration.trainedAt.has_value());
  EXPECT_FALSE(iteration.domainId.has_value());
  EXPECT_FALSE(iteration.exportableTo.has_value());
  EXPECT_FALSE(iteration.trainingTimeInMinutes.has_value());
  EXPECT_FALSE(iteration.publishName.has_value());
}

TEST_F(TrainingClientTest, UpdateIterationSendsOnlyName) {
  service.respond(200, kTrainingIterationJson);
  Iteration iteration = json::parse(kTrainingIterationJson).get<Iteration>();
  iteration.name = "Renamed";
  client.updateIteration(kProjectId, kIterationId, iteration);

  EXPECT_EQ(service.lastRequest().method, "PATCH");
  EXPECT_EQ(json::parse(service.lastRequest().body), json::parse(R"({"name": "Renamed"})"));
}

TEST_F(TrainingClientTest, GetIterationPerformanceSendsThreshold) {
  service.respond(200, R"({"perTagPerformance": [{"id": "t1", "name": "Tag1", "precision": 1.0,
      "precisionStdDeviation": 0.0, "recall": 0.5, "recallStdDeviation": 0.0, "averagePrecision": null}],
      "precision": 1.0, "precisionStdDeviation": 0.0, "recall": 0.5, "recallStdDeviation": 0.0,
      "averagePrecision": 0.75})");
  auto performance = client.getIterationPerformance(kProjectId, kIterationId, 0.9);

  EXPECT_EQ(service.lastRequest().target,
            projectsPath() + "/iterations/" + kIterationId + "/performance?threshold=0.9");
  EXPECT_DOUBLE_EQ(performance.recall, 0.5);
  EXPECT_EQ(performance.averagePrecision, 0.75);
  ASSERT_EQ(performance.perTagPerformance.size(), 1u);
  EXPECT_FALSE(performance.perTagPerformance[0].averagePrecision.has_value());
}

TEST_F(TrainingClientTest, GetImagePerformancesReadsPredictions) {
  service.respond(200, R"([{"predictions": [{"probability": 0.9, "tagId": "t1", "tagName": "Tag1"}],
      "id": "i1", "created": "2020-11-06T16:32:08.8527147", "width": 10, "height": 10,
      "imageUri": "http://i", "thumbnailUri": "http://t", "tags": null}])");
  auto performances = client.getImagePerformances(kProjectId, kIterationId, {.take = 5});

  EXPECT_EQ(service.lastRequest().target,
            projectsPath() + "/iterations/" + kIterationId + "/performance/images?take=5");
  ASSERT_EQ(performances.size(), 1u);
  EXPECT_EQ(performances[0].predictions->at(0).tagName, "Tag1");
  EXPECT_FALSE(performances[0].predictions->at(0).tagType.has_value());
  EXPECT_FALSE(performances[0].tags.has_value());
}

TEST_F(TrainingClientTest, PublishIterationEncodesNameAndResourceId) {
  service.respond(200, "true");
  bool published = client.publishIteration(
      kProjectId, kIterationId, "My Model",
      "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/cvmock");

  auto request = service.lastRequest();
  EXPECT_EQ(request.method, "POST");
  EXPECT_EQ(request.target, projectsPath() + "/iterations/" + kIterationId +
                                "/publish?publishName=My%20Model&predictionId=%2Fsubscriptions%"
                                "2F00000000-0000-0000-0000-000000000000%2FresourceGroups%2Fcvmock");
  EXPECT_EQ(request.params.find("publishName")->second, "My Model");
  EXPECT_TRUE(published);
}

TEST_F(TrainingClientTest, UnpublishIterationDeletesPublish) {
  service.respond(204, "");
  client.unpublishIteration(kProjectId, kIterationId);
  EXPECT_EQ(service.lastRequest().method, "DELETE");
  EXPECT_EQ(service.lastRequest().target,
            projectsPath() + "/iterations/" + kIterationId + "/publish");
}

TEST_F(TrainingClientTest, QuickTestImageUploadsOneImage) {
  service.respond(
      200, R"({"id": "p1", "project": "p", "iteration": "it", "created": "2020-11-06T16:37:26.593Z",
                           "predictions": [{"probability": 1.0, "tagId": "t1", "tagName": "Tag1",
                                            "tagType": "Regular"}]})");
  auto prediction = client.quickTestImage(kProjectId, std::string("bytes"), {.iterationId = kIterationId});

  auto request = service.lastRequest();
  EXPECT_EQ(request.target, projectsPath() + "/quicktest/image?iterationId=" + kIterationId);
  ASSERT_EQ(request.files.count("imageData"), 1u);
  EXPECT_EQ(request.files.find("imageData")->second.content, "bytes");
  EXPECT_EQ(prediction.predictions.at(0).tagType, TagType::Regular);
}

TEST_F(TrainingClientTest, ModelMismatchIsACatchableJsonError) {
  service.respond(200, R"([{"id": "x"}])");
  EXPECT_THROW(client.getDomains(), nlohmann::json::exception);
}

}  // namespace
}  // namespace cvmock::client
