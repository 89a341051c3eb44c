// TrainProject's validation and the training lifecycle modes, called on the service itself.
#include "tests/service/service_fixture.h"

namespace cvmock::server::testing {
namespace {

using TrainingRules = ServiceTest;

TEST_F(TrainingRules, EveryTrainedTagNeedsFiveImages) {
  const std::string projectId = labelledProject({"circle", "square"}, 4);
  EXPECT_EQ(errorCodeOf([&] { service->iterations().trainProject(projectId, {}); }),
            "BadRequestTrainingValidationFailed");
}

TEST_F(TrainingRules, TwoTagsAtLeast) {
  const std::string projectId = labelledProject({"circle"}, 5);
  EXPECT_EQ(errorCodeOf([&] { service->iterations().trainProject(projectId, {}); }),
            "BadRequestTrainingValidationFailed");
}

TEST_F(TrainingRules, MulticlassImagesCarryOneTagEach) {
  const std::string projectId = labelledProject({"circle", "square"}, 5);
  const std::vector<TagView> tags = service->tags().getTags(projectId, std::nullopt);
  const ImageView image = service->images().getImages(projectId, {}).front();
  const std::string otherTag = image.image.tags.front().tagId == tags.front().tag.id ? tags.back().tag.id
                                                                                      : tags.front().tag.id;
  ASSERT_EQ(service->images().createImageTags(projectId, {{image.image.id, otherTag}}).created.size(), 1u);
  EXPECT_EQ(errorCodeOf([&] { service->iterations().trainProject(projectId, {}); }),
            "BadRequestMultiClassClassificationTrainingValidationFailed");
}

TEST_F(TrainingRules, UnchangedImagesNeedForceTrain) {
  const std::string projectId = labelledProject({"circle", "square"}, 5);
  EXPECT_EQ(trained(projectId).status, IterationStatus::Completed);
  EXPECT_EQ(errorCodeOf([&] { service->iterations().trainProject(projectId, {}); }), "BadRequestTrainingNotNeeded");
  EXPECT_EQ(trained(projectId, {"Regular", 0, true, {}, {}}).status, IterationStatus::Completed);
}

TEST_F(TrainingRules, AdvancedTrainingNeedsABudgetAndAnEmailMustBePlausible) {
  const std::string projectId = labelledProject({"circle", "square"}, 5);
  EXPECT_EQ(errorCodeOf([&] { service->iterations().trainProject(projectId, {"Advanced", 0, false, {}, {}}); }),
            "BadRequestReservedBudgetInHoursNotEnoughForAdvancedTraining");
  EXPECT_EQ(errorCodeOf([&] {
              service->iterations().trainProject(projectId, {"Regular", 0, false, "not an address", {}});
            }),
            "BadRequestInvalidEmailAddress");
  const IterationRecord advanced = trained(projectId, {"Advanced", 2, false, "me@example.com", {}});
  EXPECT_EQ(advanced.trainingType, "Advanced");
  EXPECT_EQ(advanced.reservedBudgetInHours, 2);
}

TEST_F(TrainingRules, OneTrainingAtATime) {
  start({.trainingWorkers = 0});  // queued trainings never run: the first stays Training
  const std::string projectId = labelledProject({"circle", "square"}, 5);
  const IterationRecord first = service->iterations().trainProject(projectId, {});
  EXPECT_EQ(first.status, IterationStatus::Training);
  EXPECT_EQ(first.name, "Iteration 1");
  EXPECT_EQ(first.created, kFixedTime);
  EXPECT_EQ(errorCodeOf([&] { service->iterations().trainProject(projectId, {"Regular", 0, true, {}, {}}); }),
            "BadRequestTrainingAlreadyInProgress");
}

TEST_F(TrainingRules, ManualModeHoldsTheResultUntilAdvanced) {
  ServiceOptions options;
  options.simulation.training.mode = simulation::TrainingMode::Manual;
  start(options);
  const std::string projectId = labelledProject({"circle", "square"}, 5);
  const std::string iterationId = service->iterations().trainProject(projectId, {}).id;
  EXPECT_EQ(service->iterations().getIteration(projectId, iterationId).status, IterationStatus::Training);
  EXPECT_EQ(service->advanceTrainings(), 1);
  EXPECT_EQ(service->iterations().getIteration(projectId, iterationId).status, IterationStatus::Completed);
}

TEST_F(TrainingRules, AfterReadsModeCompletesOnTheNthRead) {
  ServiceOptions options;
  options.simulation.training = {simulation::TrainingMode::AfterReads, 0, 3};
  start(options);
  const std::string projectId = labelledProject({"circle", "square"}, 5);
  const std::string iterationId = service->iterations().trainProject(projectId, {}).id;
  EXPECT_EQ(service->iterations().getIteration(projectId, iterationId).status, IterationStatus::Training);
  EXPECT_EQ(service->iterations().getIteration(projectId, iterationId).status, IterationStatus::Training);
  EXPECT_EQ(service->iterations().getIteration(projectId, iterationId).status, IterationStatus::Completed);
}

TEST_F(TrainingRules, AForcedFailureLeavesAFailedIterationWithItsReason) {
  const std::string projectId = labelledProject({"circle", "square"}, 5);
  service->simulation().lifecycle.forceNext(simulation::TrainingOutcome::Fail);
  const IterationRecord failed = trained(projectId);
  EXPECT_EQ(failed.status, IterationStatus::Failed);
  EXPECT_TRUE(failed.failure.has_value());
  EXPECT_EQ(trained(projectId, {"Regular", 0, true, {}, {}}).status, IterationStatus::Completed);
}

}  // namespace
}  // namespace cvmock::server::testing
