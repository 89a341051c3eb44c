// The wire models read the service's JSON, telling absent and null fields from present ones.
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
  EXPECT_EQ(iteration.exportableTo, (std::vector<std::string>{"ONNX"}));
  EXPECT_EQ(iteration.publishName, "Training UnitTest Iteration");
  EXPECT_EQ(iteration.classificationType, "Multilabel");
}

TEST(ModelsTest, TagWithDescriptionRoundTripsWritableFields) {
  auto tag = json::parse(R"({"id": "t", "name": "circle", "description": "round",
                            "type": "Regular", "imageCount": 25})")
                 .get<Tag>();
  EXPECT_EQ(tag.description, "round");
  EXPECT_EQ(tag.imageCount, 25);
  EXPECT_EQ(json(tag),
            json::parse(R"({"name": "circle", "description": "round", "type": "Regular"})"));
}

TEST(ModelsTest, MissingRequiredFieldThrows) {
  EXPECT_THROW(json::parse(R"({"id": "t", "name": "circle"})").get<Tag>(), json::exception);
}

TEST(ModelsTest, WrongTypeThrows) {
  EXPECT_THROW(json::parse(R"({"probability": "high", "tagId": "t"})").get<Prediction>(),
               json::exception);
}

}  // namespace
}  // namespace cvmock::client
