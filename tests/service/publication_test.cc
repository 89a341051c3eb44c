// Publishing and predicting, called on the service itself: publish targets, names, and who may predict.
#include "tests/service/service_fixture.h"

namespace cvmock::server::testing {
namespace {

class Publication : public ServiceTest {
 protected:
  void SetUp() override {
    ServiceTest::SetUp();
    projectId = labelledProject({"circle", "square"}, 5);
    iterationId = trained(projectId).id;
    image = fixtures::generateFixtureSet({{"circle"}, 1, 64, 64, 99}).front().bytes;
  }
  void publish(const std::string& caller, const std::string& target, const std::string& name = "model",
               bool overwrite = false) {
    service->predictions().publishIteration(as(caller), projectId, iterationId, name, resource(target).armId,
                                            overwrite);
  }
  PredictionRecord classify(const std::string& caller, const std::string& name = "model") {
    return service->predictions().classifyImage(as(caller), projectId, name, image, std::nullopt, false);
  }

  std::string projectId;
  std::string iterationId;
  std::string image;
};

TEST_F(Publication, OnlyToAPredictionResourceInTheCallersRegion) {
  EXPECT_EQ(errorCodeOf([&] { publish("train-we", "predict-us"); }), "BadRequestInvalidPublishTarget");
  EXPECT_EQ(errorCodeOf([&] { publish("train-we", "train-we"); }), "BadRequestInvalidPublishTarget");
  EXPECT_EQ(errorCodeOf([&] {
              service->predictions().publishIteration(as("train-we"), projectId, iterationId, "model",
                                                      "/subscriptions/x/accounts/nowhere", false);
            }),
            "BadRequestInvalidPublishTarget");
  publish("train-we", "predict-we");
  const IterationRecord published = service->iterations().getIteration(projectId, iterationId);
  EXPECT_EQ(published.publishName, "model");
  EXPECT_EQ(published.publishResourceId, resource("predict-we").armId);
}

TEST_F(Publication, ACallFromInsideCvmockIsNotHeldToARegion) {
  service->predictions().publishIteration({}, projectId, iterationId, "model", resource("predict-us").armId, false);
  EXPECT_EQ(service->iterations().getIteration(projectId, iterationId).publishResourceId, resource("predict-us").armId);
}

TEST_F(Publication, OnlyThePublishedToResourcePredicts) {
  publish("train-we", "predict-we");
  const PredictionRecord prediction = classify("predict-we");
  EXPECT_EQ(prediction.id, "request-predict-we");  // the request id becomes the prediction id
  EXPECT_EQ(prediction.iterationId, iterationId);
  EXPECT_EQ(prediction.created, kFixedTime);
  EXPECT_EQ(errorCodeOf([&] { classify("predict-we-2"); }), "NotFoundIteration");
  EXPECT_EQ(errorCodeOf([&] { classify("predict-we", "other-name"); }), "NotFoundIteration");
}

TEST_F(Publication, ANameTakenByAnotherIterationNeedsOverwrite) {
  publish("train-we", "predict-we");
  const std::string second = service->iterations().trainProject(projectId, {"Regular", 0, true, {}, {}}).id;
  ASSERT_EQ(service->iterations().getIteration(projectId, second).status, IterationStatus::Completed);
  const auto publishSecond = [&](bool overwrite) {
    service->predictions().publishIteration(as("train-we"), projectId, second, "model", resource("predict-we").armId,
                                            overwrite);
  };
  EXPECT_EQ(errorCodeOf([&] { publishSecond(false); }), "BadRequestInvalidPublishName");
  publishSecond(true);
  EXPECT_EQ(service->iterations().getIteration(projectId, iterationId).publishName, std::nullopt);
  EXPECT_EQ(classify("predict-we").iterationId, second);
}

TEST_F(Publication, APublishedIterationCannotBeDeletedUntilUnpublished) {
  publish("train-we", "predict-we");
  EXPECT_EQ(errorCodeOf([&] { service->iterations().deleteIteration(projectId, iterationId); }),
            "BadRequestIterationIsPublished");
  service->predictions().unpublishIteration(projectId, iterationId);
  EXPECT_EQ(errorCodeOf([&] { service->predictions().unpublishIteration(projectId, iterationId); }),
            "BadRequestIterationNotPublished");
  service->iterations().deleteIteration(projectId, iterationId);
  EXPECT_EQ(errorCodeOf([&] { classify("predict-we"); }), "NotFoundIteration");
}

}  // namespace
}  // namespace cvmock::server::testing
