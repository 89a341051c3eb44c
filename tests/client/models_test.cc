// The wire models read the service's JSON, telling absent and null members from present ones, and round-trip.
#include "client/models.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace cvmock::client {
namespace {

using nlohmann::json;

TEST(ModelsTest, CompletedIterationHasTrainingResults) {
  auto iteration = json::parse(R"({"id": "it", "name": "Iteration 1", "status": "Completed",
      "created": "2020-11-06T16:37:27.563Z", "lastModified": "2020-11-06T16:42:33.972Z",
      "trainedAt": "2020-11-06T16:42:33.426Z", "projectId": "p", "exportable": false,
      "exportableTo": ["ONNX"], "domainId": "d", "classificationType": "Multilabel",
      "trainingType": "Regular", "reservedBudgetInHours": 0, "trainingTimeInMinutes": 1,
      "publishName": "Training UnitTest Iteration", "originalPublishResourceId": "/subscriptions/x",
      "customBaseModelInfo": null})")
                       .get<Iteration>();
  EXPECT_EQ(iteration.trainedAt, "2020-11-06T16:42:33.426Z");
  EXPECT_EQ(iteration.trainingTimeInMinutes, 1);
  EXPECT_EQ(iteration.exportableTo, (std::vector<ExportPlatform>{ExportPlatform::ONNX}));
  EXPECT_EQ(iteration.publishName, "Training UnitTest Iteration");
  EXPECT_EQ(iteration.classificationType, ClassificationType::Multilabel);
  EXPECT_EQ(iteration.trainingType, TrainingType::Regular);
}

TEST(ModelsTest, UpdateBodiesCarryOnlyWritableMembers) {
  auto tag = json::parse(R"({"id": "t", "name": "circle", "description": "round",
                            "type": "Regular", "imageCount": 25})")
                 .get<Tag>();
  EXPECT_EQ(tag.description, "round");
  EXPECT_EQ(tag.imageCount, 25);
  EXPECT_EQ(updateBody(tag), json::parse(R"({"name": "circle", "description": "round", "type": "Regular"})"));
  EXPECT_EQ(json(tag)["id"], "t");

  Project project;
  project.name = "p";
  project.settings.domainId = "d";
  project.settings.useNegativeSet = true;
  EXPECT_EQ(updateBody(project), json::parse(R"({"name": "p", "settings": {"domainId": "d"}})"));
}

TEST(ModelsTest, MissingRequiredFieldThrows) {
  EXPECT_THROW(json::parse(R"({"id": "t", "name": "circle"})").get<Tag>(), json::exception);
  EXPECT_THROW(json::parse(R"({"id": null, "name": "circle", "type": "Regular"})").get<Tag>(), json::exception);
}

TEST(ModelsTest, WrongTypeThrows) {
  EXPECT_THROW(json::parse(R"({"probability": "high", "tagId": "t"})").get<Prediction>(), json::exception);
  EXPECT_THROW(json::parse(R"({"probability": 1, "tagId": "t", "tagName": 5})").get<Prediction>(), json::exception);
}

TEST(ModelsTest, EnumsReadTheirWireTextAndUnknownTextAsUnknown) {
  EXPECT_EQ(json("ObjectDetection").get<DomainType>(), DomainType::ObjectDetection);
  EXPECT_EQ(json("ErrorNegativeAndRegularTagOnSameImage").get<ImageCreateStatus>(),
            ImageCreateStatus::ErrorNegativeAndRegularTagOnSameImage);
  EXPECT_EQ(json("SomethingNew").get<ExportStatus>(), ExportStatus::Unknown);
  EXPECT_EQ(json(ExportFlavor::TensorFlowLite), "TensorFlowLite");
  EXPECT_THROW(json(TagType::Unknown), std::invalid_argument);
  EXPECT_THROW(json(3).get<TagType>(), json::exception);
  EXPECT_EQ(parseEnum<ClassificationType>("multiclass"), ClassificationType::Multiclass);
  EXPECT_THROW(parseEnum<ClassificationType>("multi"), std::invalid_argument);
}

TEST(ModelsTest, ImageFileEntryCarriesContentsAsBase64AndLeavesEmptyListsOut) {
  const ImageFileCreateEntry entry{.name = "a.png", .contents = std::string("\x89PNG", 4)};
  EXPECT_EQ(json(entry), json::parse(R"({"name": "a.png", "contents": "iVBORw=="})"));
  EXPECT_EQ(json(entry).get<ImageFileCreateEntry>().contents, entry.contents);
}

// Every model: reading what writing gave yields the same JSON again, nested models, enums and optionals included.
template <class Model>
void expectRoundTrip(const char* text) {
  const json original = json::parse(text);
  const json again = original.get<Model>();
  EXPECT_EQ(again, original) << text;
}

TEST(ModelsTest, EveryModelRoundTrips) {
  expectRoundTrip<Domain>(R"({"id": "d", "name": "General", "type": "Classification", "exportable": true,
                              "enabled": true})");
  expectRoundTrip<Project>(R"({"id": "p", "name": "n", "description": "x", "created": "c", "lastModified": "l",
      "settings": {"domainId": "d", "classificationType": "Multiclass", "targetExportPlatforms": ["CoreML"],
                   "useNegativeSet": true, "detectionParameters": "dp",
                   "imageProcessingSettings": {"augmentationMethods": {"rotation": true}}},
      "thumbnailUri": "u", "drModeEnabled": false, "status": "Importing"})");
  expectRoundTrip<ProjectExport>(R"({"iterationCount": 1, "imageCount": 10, "tagCount": 4, "regionCount": 0,
                                     "estimatedImportTimeInMS": 5081, "token": "tok"})");
  expectRoundTrip<Tag>(R"({"id": "t", "name": "n", "description": "d", "type": "GeneralProduct", "imageCount": 2})");
  expectRoundTrip<Image>(R"({"id": "i", "created": "c", "width": 1, "height": 2, "resizedImageUri": "r",
      "thumbnailUri": "t", "originalImageUri": "o", "tags": [{"tagId": "t", "tagName": "n", "created": "c"}],
      "regions": [{"regionId": "r", "tagName": "n", "created": "c", "tagId": "t", "left": 0.1, "top": 0.2,
                   "width": 0.3, "height": 0.4}], "metadata": {"k": "v"}})");
  expectRoundTrip<ImageCreateSummary>(R"({"isBatchSuccessful": false, "images": [{"sourceUrl": "s",
                                          "status": "ErrorSource"}]})");
  expectRoundTrip<ImageMetadataUpdateSummary>(R"({"isBatchSuccessful": true, "images": [{"imageId": "i",
                                                  "status": "ErrorLimitExceed", "metadata": {"k": "v"}}]})");
  expectRoundTrip<ImageUrlCreateBatch>(R"({"images": [{"url": "u", "tagIds": ["t"], "regions": [{"tagId": "t",
      "left": 0, "top": 0, "width": 1, "height": 1}]}], "tagIds": ["a"], "metadata": {"k": "v"}})");
  expectRoundTrip<ImageIdCreateBatch>(R"({"images": [{"id": "p", "tagIds": ["t"]}], "tagIds": ["a"]})");
  expectRoundTrip<ImageFileCreateBatch>(R"({"images": [{"name": "n", "contents": "YWJj"}], "metadata": {}})");
  expectRoundTrip<ImageTagCreateBatch>(R"({"tags": [{"imageId": "i", "tagId": "t"}]})");
  expectRoundTrip<ImageTagCreateSummary>(R"({"created": [{"imageId": "i", "tagId": "t"}], "duplicated": [],
                                             "exceeded": []})");
  expectRoundTrip<ImageRegionCreateBatch>(R"({"regions": [{"imageId": "i", "tagId": "t", "left": 0.1, "top": 0.2,
                                              "width": 0.3, "height": 0.4}]})");
  expectRoundTrip<ImageRegionCreateSummary>(R"({"created": [{"imageId": "i", "regionId": "r", "tagName": "n",
      "created": "c", "tagId": "t", "left": 0, "top": 0, "width": 1, "height": 1}], "duplicated": [],
      "exceeded": []})");
  expectRoundTrip<ImageRegionProposal>(R"({"projectId": "p", "imageId": "i", "proposals": [{"confidence": 0.5,
      "boundingBox": {"left": 0, "top": 0, "width": 1, "height": 1}}]})");
  expectRoundTrip<ImageUrl>(R"({"url": "http://x"})");
  expectRoundTrip<Iteration>(R"({"id": "i", "name": "n", "status": "Training", "created": "c", "lastModified": "l",
      "projectId": "p", "exportable": false, "trainingType": "Advanced", "reservedBudgetInHours": 1})");
  expectRoundTrip<TrainingParameters>(R"({"selectedTags": ["a", "b"]})");
  expectRoundTrip<Export>(R"({"platform": "ONNX", "status": "Done", "downloadUri": "u", "flavor": "ONNX12",
                              "newerVersionAvailable": true})");
  expectRoundTrip<IterationPerformance>(R"({"perTagPerformance": [{"id": "t", "name": "n", "precision": 1.0,
      "precisionStdDeviation": 0.0, "recall": 0.5, "recallStdDeviation": 0.0, "averagePrecision": 0.7}],
      "precision": 1.0, "precisionStdDeviation": 0.0, "recall": 0.5, "recallStdDeviation": 0.0})");
  expectRoundTrip<ImagePerformance>(R"({"predictions": [{"probability": 0.5, "tagId": "t", "tagType": "Negative"}],
      "id": "i", "created": "c", "width": 1, "height": 1, "imageUri": "u", "thumbnailUri": "t"})");
  expectRoundTrip<ImagePrediction>(R"({"id": "i", "project": "p", "iteration": "it", "created": "c",
      "predictions": [{"probability": 0.5, "tagId": "t", "tagName": "n",
                       "boundingBox": {"left": 0, "top": 0, "width": 1, "height": 1}}]})");
  expectRoundTrip<PredictionQueryResult>(R"({"token": {"session": "s", "continuation": "c", "maxCount": 5,
      "orderBy": "Suggested", "tags": [{"id": "t", "minThreshold": 0.1, "maxThreshold": 0.9}], "iterationId": "i",
      "startTime": "a", "endTime": "b", "application": "app"},
      "results": [{"resizedImageUri": "r", "thumbnailUri": "t", "originalImageUri": "o", "domain": "d", "id": "i",
                   "project": "p", "iteration": "it", "created": "c", "predictions": []}]})");
  expectRoundTrip<TagFilter>(R"({"tagIds": ["t"], "threshold": 0.5})");
  expectRoundTrip<SuggestedTagAndRegion>(R"({"id": "i", "project": "p", "iteration": "it", "created": "c",
                                             "predictions": [], "predictionUncertainty": 0.3})");
  expectRoundTrip<SuggestedTagAndRegionQuery>(R"({"token": {"tagIds": ["t"], "threshold": 0.5, "session": "s",
      "continuation": "c", "maxCount": 64, "sortBy": "UncertaintyAscending"},
      "results": [{"width": 1, "height": 2, "resizedImageUri": "r", "thumbnailUri": "t", "originalImageUri": "o",
                   "domain": "d", "id": "i", "project": "p", "iteration": "it", "created": "c", "predictions": [],
                   "predictionUncertainty": 0.3}]})");
}

}  // namespace
}  // namespace cvmock::client
