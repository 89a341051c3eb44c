// Wire models against the recorded bodies: key order, nulls, absent keys and number spelling.
#include <gtest/gtest.h>

#include "mock_server/api/wire.h"

namespace cvmock::server {
namespace {

TEST(Wire, SinglePrecisionPrintsAsDotNetDoes) {
  EXPECT_EQ(wire::Json(wire::singlePrecision(0.9999999f)).dump(), "0.9999999");
  EXPECT_EQ(wire::Json(wire::singlePrecision(1.1920929e-07f)).dump(), "1.1920929e-07");
  EXPECT_EQ(wire::Json(wire::singlePrecision(1.0f)).dump(), "1.0");
}

TEST(Wire, ProjectKeysInRecordedOrder) {
  ProjectRecord project;
  project.id = "8a32ea60-1c53-43c3-8113-d0b1f470fbdb";
  project.name = "Test Project";
  project.description = "This is a test project";
  project.domainId = "ee85a74c-405e-4adc-bb47-ffa8ca0c9f31";
  project.created = project.lastModified = TimePoint(std::chrono::milliseconds(1604680646266));
  // The recorded create-project body (CreateUpdateDeleteProject.json, entry 0), byte for byte.
  EXPECT_EQ(wire::project(project).dump(),
            R"({"id":"8a32ea60-1c53-43c3-8113-d0b1f470fbdb","name":"Test Project","description":"This is a test project",)"
            R"("settings":{"domainId":"ee85a74c-405e-4adc-bb47-ffa8ca0c9f31","classificationType":"Multilabel",)"
            R"("targetExportPlatforms":[],"useNegativeSet":true,"detectionParameters":null,"imageProcessingSettings":)"
            R"({"augmentationMethods":{"rotation":true,"scaling":true,"translation":true,"horizontal flip":true,)"
            R"("equalize":true,"solarize":true,"padtosquare":true}}},"created":"2020-11-06T16:37:26.266Z",)"
            R"("lastModified":"2020-11-06T16:37:26.266Z","thumbnailUri":null,"drModeEnabled":false,"status":"Succeeded"})");
}

TEST(Wire, TrainingIterationHasNoTrainedAtAndNullDomain) {
  IterationRecord iteration;
  iteration.id = "d9a52359-76d9-4fcd-9a62-18919c58a741";
  iteration.name = "Iteration 2";
  iteration.projectId = "391fc408-69ec-4ec3-ac42-6f14bf71ed33";
  iteration.domainId = "ee85a74c-405e-4adc-bb47-ffa8ca0c9f31";
  iteration.created = TimePoint(std::chrono::milliseconds(1604686012526));
  iteration.lastModified = TimePoint(std::chrono::milliseconds(1604686339834));
  // Verbatim from the recorded train response (recordings/README.md).
  EXPECT_EQ(wire::iteration(iteration).dump(),
            R"({"id":"d9a52359-76d9-4fcd-9a62-18919c58a741","name":"Iteration 2","status":"Training",)"
            R"("created":"2020-11-06T18:06:52.526Z","lastModified":"2020-11-06T18:12:19.834Z",)"
            R"("projectId":"391fc408-69ec-4ec3-ac42-6f14bf71ed33","exportable":false,"exportableTo":null,)"
            R"("domainId":null,"classificationType":null,"trainingType":"Regular","reservedBudgetInHours":0,)"
            R"("trainingTimeInMinutes":0,"publishName":null,"originalPublishResourceId":null,)"
            R"("customBaseModelInfo":null,"trainingErrorDetails":null})");
}

TEST(Wire, CompletedIterationShowsTrainedAtAfterLastModified) {
  IterationRecord iteration;
  iteration.status = IterationStatus::Completed;
  iteration.trainedAt = TimePoint(std::chrono::milliseconds(1604686635879));
  iteration.trainingTimeInMinutes = 1;
  const wire::Json body = wire::iteration(iteration);
  std::vector<std::string> keys;
  for (auto it = body.begin(); it != body.end(); ++it) keys.push_back(it.key());
  ASSERT_GE(keys.size(), 6u);
  EXPECT_EQ(keys[4], "lastModified");
  EXPECT_EQ(keys[5], "trainedAt");
  EXPECT_EQ(body["trainedAt"], "2020-11-06T18:17:15.879Z");
  EXPECT_EQ(body["classificationType"], "Multilabel");
  EXPECT_EQ(body["trainingTimeInMinutes"], 1);
}

TEST(Wire, UntaggedImageHasNoTagsKey) {
  ImageView view;
  view.image.id = "a28a81eb-ff45-487e-8874-e6480d0fa164";
  view.image.projectId = "23c562a1-71f7-45ad-827f-1c53e1bfc8dd";
  const wire::Json untagged = wire::image(view, {"http://h"});
  EXPECT_FALSE(untagged.contains("tags"));
  EXPECT_EQ(untagged["originalImageUri"],
            "http://h/_cvmock/blobs/i-23c562a171f745ad827f1c53e1bfc8dd/i-a28a81ebff45487e8874e6480d0fa164");
  view.image.tags.push_back({"190275b9-6328-4764-b848-34fb730312fc", TimePoint{}});
  view.tagNames.push_back("Tag 1");
  EXPECT_EQ(wire::image(view, {"http://h"})["tags"][0]["tagName"], "Tag 1");
}

TEST(Wire, TagWithoutDescriptionIsNull) {
  const wire::Json body = wire::tag({{"190275b9-6328-4764-b848-34fb730312fc", "p", "Test Tag 1", std::nullopt,
                                      TagType::Regular},
                                     0});
  EXPECT_EQ(body.dump(),
            R"({"id":"190275b9-6328-4764-b848-34fb730312fc","name":"Test Tag 1","description":null,)"
            R"("type":"Regular","imageCount":0})");
}

}  // namespace
}  // namespace cvmock::server
