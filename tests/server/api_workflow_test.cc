// The seed workflow over plain HTTP: upload, train, evaluate, publish, classify held-out images.
#include <gtest/gtest.h>

#include "tests/support/labelled_project.h"
#include "tests/support/test_server.h"

namespace cvmock::testing {
namespace {

constexpr int kPerClass = 30;   // the generated training set: 3 classes x 30 images
constexpr int kHeldOutPerClass = 10;  // a fresh set, from another seed, only ever predicted

class ApiWorkflow : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    fixtures::FixtureSpec spec;  // circle, square, triangle at 256 x 256
    spec.imagesPerClass = kPerClass;
    uploaded = new std::vector<fixtures::FixtureImage>(fixtures::generateFixtureSet(spec));
    spec.imagesPerClass = kHeldOutPerClass;
    spec.seed = 2;
    heldOut = new std::vector<fixtures::FixtureImage>(fixtures::generateFixtureSet(spec));
  }
  static void TearDownTestSuite() {
    delete uploaded;
    delete heldOut;
  }

  static const std::vector<fixtures::FixtureImage>& part(bool upload) { return upload ? *uploaded : *heldOut; }

  static std::vector<fixtures::FixtureImage>* uploaded;
  static std::vector<fixtures::FixtureImage>* heldOut;
  TestServer server;
  HttpSession training = trainingSession(server.endpoint());
  HttpSession prediction = predictionSession(server.endpoint());
};

std::vector<fixtures::FixtureImage>* ApiWorkflow::uploaded = nullptr;
std::vector<fixtures::FixtureImage>* ApiWorkflow::heldOut = nullptr;

TEST_F(ApiWorkflow, TrainEvaluatePublishAndClassify) {
  const LabelledProject project = createLabelledProject(training, part(true));
  const std::string base = "/projects/" + project.projectId;

  const Reply train = training.post(base + "/train");
  ASSERT_EQ(train.status, 200) << train.body;
  const nlohmann::json started = train.json();
  EXPECT_EQ(started["status"], "Training");
  EXPECT_EQ(started["name"], "Iteration 1");
  EXPECT_FALSE(started.contains("trainedAt"));
  EXPECT_TRUE(started["domainId"].is_null());
  const std::string iterationId = started["id"];

  const nlohmann::json done = waitForIteration(training, project.projectId, iterationId);
  ASSERT_EQ(done["status"], "Completed") << done.dump();
  EXPECT_TRUE(done.contains("trainedAt"));
  EXPECT_EQ(done["classificationType"], "Multiclass");
  EXPECT_EQ(done["domainId"], "ee85a74c-405e-4adc-bb47-ffa8ca0c9f31");
  EXPECT_EQ(done["trainingTimeInMinutes"], 1);

  const nlohmann::json performance = training.get(base + "/iterations/" + iterationId + "/performance").json();
  ASSERT_EQ(performance["perTagPerformance"].size(), 3u);
  for (const nlohmann::json& tag : performance["perTagPerformance"]) {
    EXPECT_GE(tag["precision"].get<double>(), 0.75) << tag.dump();
    EXPECT_GE(tag["recall"].get<double>(), 0.75) << tag.dump();
    EXPECT_GE(tag["averagePrecision"].get<double>(), 0.75) << tag.dump();
    EXPECT_TRUE(tag.contains("precisionStdDeviation"));
    EXPECT_TRUE(tag.contains("recallStdDeviation"));
  }
  // At threshold 1 almost nothing is predicted, so recall collapses; at 0 everything is, so it is 1.
  const nlohmann::json strict = training.get(base + "/iterations/" + iterationId + "/performance?threshold=1").json();
  const nlohmann::json loose = training.get(base + "/iterations/" + iterationId + "/performance?threshold=0").json();
  EXPECT_LT(strict["recall"].get<double>(), performance["recall"].get<double>());
  EXPECT_DOUBLE_EQ(loose["recall"].get<double>(), 1.0);

  const std::string heldOut = training.get(base + "/iterations/" + iterationId + "/performance/images/count").body;
  EXPECT_GE(std::stoi(heldOut), 3);  // at least one per tag
  const nlohmann::json imagePerformances =
      training.get(base + "/iterations/" + iterationId + "/performance/images?take=2").json();
  ASSERT_EQ(imagePerformances.size(), 2u);
  EXPECT_EQ(imagePerformances[0]["predictions"].size(), 3u);
  EXPECT_EQ(imagePerformances[0]["tags"].size(), 1u);

  const Reply published = training.post(base + "/iterations/" + iterationId +
                                        "/publish?publishName=Seed%20Model&predictionId=%2Fsubscriptions%2F00000000-"
                                        "0000-0000-0000-000000000000%2FresourceGroups%2Fcvmock%2Fproviders%2FMicrosoft."
                                        "CognitiveServices%2Faccounts%2Fcvmock-prediction");
  ASSERT_EQ(published.status, 200) << published.body;
  EXPECT_EQ(published.body, "true");
  const nlohmann::json iteration = training.get(base + "/iterations/" + iterationId).json();
  EXPECT_EQ(iteration["publishName"], "Seed Model");
  EXPECT_NE(iteration["originalPublishResourceId"].get<std::string>().find("cvmock-prediction"), std::string::npos);

  int correct = 0, total = 0;
  for (const fixtures::FixtureImage& image : part(false)) {
    const Reply reply = prediction.post("/" + project.projectId + "/classify/iterations/Seed%20Model/image",
                                        image.bytes, "application/octet-stream");
    ASSERT_EQ(reply.status, 200) << reply.body;
    const nlohmann::json result = reply.json();
    EXPECT_EQ(result["id"], reply.header("apim-request-id"));
    EXPECT_EQ(result["iteration"], iterationId);
    const nlohmann::json& predictions = result["predictions"];
    ASSERT_EQ(predictions.size(), 3u);
    EXPECT_GE(predictions[0]["probability"].get<double>(), predictions[1]["probability"].get<double>());
    EXPECT_GE(predictions[1]["probability"].get<double>(), predictions[2]["probability"].get<double>());
    correct += predictions[0]["tagName"] == image.className;
    ++total;
  }
  EXPECT_EQ(total, 30);
  EXPECT_GE(correct, 29) << "held-out accuracy " << correct << "/" << total;
}

TEST_F(ApiWorkflow, QuickTestNoStoreAndRetrainRules) {
  const LabelledProject project = createLabelledProject(training, part(true), "Multilabel");
  const std::string base = "/projects/" + project.projectId;
  EXPECT_EQ(training.post(base + "/quicktest/image", part(false)[0].bytes, "application/octet-stream").code(),
            "NotFoundProjectDefaultIteration");

  const std::string first = training.post(base + "/train").json()["id"];
  ASSERT_EQ(waitForIteration(training, project.projectId, first)["status"], "Completed");
  EXPECT_EQ(training.post(base + "/train").code(), "BadRequestTrainingNotNeeded");

  const Reply quick = training.postImages(base + "/quicktest/image", {part(false)[0].bytes});
  ASSERT_EQ(quick.status, 200) << quick.body;
  EXPECT_EQ(quick.json()["iteration"], first);
  EXPECT_EQ(quick.json()["predictions"][0]["tagName"], part(false)[0].className);

  const Reply forced = training.post(base + "/train?forceTrain=true");
  ASSERT_EQ(forced.status, 200) << forced.body;
  EXPECT_EQ(forced.json()["name"], "Iteration 2");
  const std::string second = forced.json()["id"];
  ASSERT_EQ(waitForIteration(training, project.projectId, second)["status"], "Completed");
  EXPECT_EQ(training.get(base + "/iterations").json().size(), 2u);
  EXPECT_EQ(training.get(base + "/tags?iterationId=" + first).json().size(), 3u);

  const Reply renamed = training.patchJson(base + "/iterations/" + second, {{"name", "Best"}});
  EXPECT_EQ(renamed.json()["name"], "Best");
  EXPECT_EQ(training.del(base + "/iterations/" + first).status, 204);
  EXPECT_EQ(training.get(base + "/iterations").json().size(), 1u);
}

TEST_F(ApiWorkflow, TrainingOptionsAreCheckedAsTheServiceChecksThem) {
  const LabelledProject project = createLabelledProject(training, part(true));
  const std::string train = "/projects/" + project.projectId + "/train";
  EXPECT_EQ(training.post(train + "?notificationEmailAddress=not-an-address").code(), "BadRequestInvalidEmailAddress");
  EXPECT_EQ(training.post(train + "?trainingType=Advanced").code(),
            "BadRequestReservedBudgetInHoursNotEnoughForAdvancedTraining");
  EXPECT_EQ(training.post(train + "?trainingType=Advanced&reservedBudgetInHours=0").code(),
            "BadRequestReservedBudgetInHoursNotEnoughForAdvancedTraining");
  EXPECT_EQ(training.get("/projects/" + project.projectId + "/iterations").json().size(), 0u);  // none was made

  const Reply advanced = training.post(train + "?trainingType=Advanced&reservedBudgetInHours=2"
                                       "&notificationEmailAddress=ops%40example.com");
  ASSERT_EQ(advanced.status, 200) << advanced.body;
  EXPECT_EQ(advanced.json()["trainingType"], "Advanced");
  EXPECT_EQ(advanced.json()["reservedBudgetInHours"], 2);
  const std::string first = advanced.json()["id"];
  ASSERT_EQ(waitForIteration(training, project.projectId, first)["status"], "Completed");

  // Regular training has no budget, whatever is asked; selectedTags trains on those tags only.
  const std::string circle = project.tagIds.at("circle"), square = project.tagIds.at("square");
  const Reply regular = training.postJson(train + "?forceTrain=true&reservedBudgetInHours=3",
                                          {{"selectedTags", {circle, square}}});
  ASSERT_EQ(regular.status, 200) << regular.body;
  EXPECT_EQ(regular.json()["reservedBudgetInHours"], 0);
  const std::string second = regular.json()["id"];
  ASSERT_EQ(waitForIteration(training, project.projectId, second)["status"], "Completed");
  EXPECT_EQ(training.get("/projects/" + project.projectId + "/iterations/" + second + "/performance")
                .json()["perTagPerformance"]
                .size(),
            2u);
}

TEST_F(ApiWorkflow, OneTrainingAtATime) {
  server::ServerConfig config;
  config.service.trainingWorkers = 0;  // trainings stay queued, so the iteration stays in Training
  TestServer paused(config);
  HttpSession session = trainingSession(paused.endpoint());
  const LabelledProject project = createLabelledProject(session, part(true));
  const std::string base = "/projects/" + project.projectId;
  const Reply first = session.post(base + "/train");
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_EQ(session.post(base + "/train?forceTrain=true").code(), "BadRequestTrainingAlreadyInProgress");
  const nlohmann::json iteration = session.get(base + "/iterations/" + first.json()["id"].get<std::string>()).json();
  EXPECT_EQ(iteration["status"], "Training");
  EXPECT_FALSE(iteration.contains("trainedAt"));
  EXPECT_EQ(session.get(base + "/iterations/" + first.json()["id"].get<std::string>() + "/performance").code(),
            "BadRequestIterationIsNotTrained");
}

TEST_F(ApiWorkflow, SameSeedSameEvaluation) {
  auto evaluate = [&](TestServer& target) {
    HttpSession session = trainingSession(target.endpoint());
    const LabelledProject project = createLabelledProject(session, part(true));
    const std::string iterationId = session.post("/projects/" + project.projectId + "/train").json()["id"];
    waitForIteration(session, project.projectId, iterationId);
    nlohmann::json performance =
        session.get("/projects/" + project.projectId + "/iterations/" + iterationId + "/performance").json();
    for (nlohmann::json& tag : performance["perTagPerformance"]) tag.erase("id");
    return performance.dump();
  };
  TestServer other;
  EXPECT_EQ(evaluate(server), evaluate(other));
}

}  // namespace
}  // namespace cvmock::testing
