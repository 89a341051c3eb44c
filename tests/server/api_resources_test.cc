// Resources over HTTP: which key opens which API on which endpoint, where an iteration may be published, and
// whose key may predict with it.
#include <gtest/gtest.h>

#include <cctype>

#include "mock_server/service/resources.h"
#include "tests/support/labelled_project.h"
#include "tests/support/test_server.h"

namespace cvmock::testing {
namespace {

constexpr const char* kNoProject = "/00000000-0000-0000-0000-000000000000/classify/iterations/m/image";

// Two prediction resources and a Cognitive Services one beside the training resource, one in another region.
// The training and first prediction resource have their own listeners; the rest share the main one.
constexpr const char* kResources = R"({"resources": [
  {"name": "train-weu", "kind": "CustomVision.Training", "region": "westeurope", "key1": "tk1", "key2": "tk2",
   "port": 0},
  {"name": "pred-weu", "kind": "CustomVision.Prediction", "region": "westeurope", "key1": "pk1", "key2": "pk2",
   "port": 0},
  {"name": "pred-weu-2", "kind": "CustomVision.Prediction", "region": "westeurope", "key1": "qk1", "key2": "qk2"},
  {"name": "pred-use", "kind": "CustomVision.Prediction", "region": "eastus", "key1": "ek1", "key2": "ek2"},
  {"name": "cs-weu", "kind": "CognitiveServices", "region": "westeurope", "key1": "ck1", "key2": "ck2"}
]})";

server::ServerConfig withResources(const std::string& json) {
  server::ServerConfig config;
  config.service.resources = server::parseResources(json, "test resources");
  return config;
}

std::string url(TestServer& server, const std::string& resource) {
  return "http://127.0.0.1:" + std::to_string(server.server().resourcePort(resource));
}

std::string encoded(std::string armId) {
  std::string out;
  for (char c : armId) out += c == '/' ? std::string("%2F") : std::string(1, c);
  return out;
}

std::string upper(std::string text) {
  for (char& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return text;
}

class ApiResources : public ::testing::Test {
 protected:
  TestServer server{withResources(kResources)};
};

TEST_F(ApiResources, EachResourceAnswersOnItsOwnEndpointForItsOwnApi) {
  const std::string training = url(server, "train-weu");
  const std::string prediction = url(server, "pred-weu");
  ASSERT_NE(training, server.endpoint());
  ASSERT_NE(prediction, server.endpoint());
  ASSERT_NE(training, prediction);

  EXPECT_EQ(trainingSession(training, "tk1").get("/projects").status, 200);
  EXPECT_EQ(trainingSession(training, "tk2").get("/projects").status, 200);
  // The other API, or another resource's key, on a resource's endpoint: the gateway's 401.
  EXPECT_EQ(predictionSession(training, "tk1").post(kNoProject, "x", "image/png").status, 401);
  EXPECT_EQ(predictionSession(training, "pk1").post(kNoProject, "x", "image/png").status, 401);
  EXPECT_EQ(trainingSession(prediction, "pk1").get("/projects").status, 401);
  EXPECT_EQ(trainingSession(prediction, "tk1").get("/projects").status, 401);
  EXPECT_EQ(predictionSession(prediction, "pk2").post(kNoProject, "x", "image/png").code(), "NotFoundProject");
  // A resource with its own port is not on the main listener.
  EXPECT_EQ(trainingSession(server.endpoint(), "tk1").get("/projects").status, 401);
  EXPECT_EQ(predictionSession(server.endpoint(), "pk1").post(kNoProject, "x", "image/png").status, 401);
}

TEST_F(ApiResources, KeysOpenOnlyTheApisTheirResourceServes) {
  const std::string main = server.endpoint();
  EXPECT_EQ(trainingSession(main, "qk1").get("/projects").status, 401);  // a prediction resource
  EXPECT_EQ(predictionSession(main, "qk1").post(kNoProject, "x", "image/png").code(), "NotFoundProject");
  EXPECT_EQ(trainingSession(main, "ck1").get("/projects").status, 200);  // Cognitive Services: both
  EXPECT_EQ(predictionSession(main, "ck2").post(kNoProject, "x", "image/png").code(), "NotFoundProject");
  // The simple flags' default keys mean nothing once resources are configured.
  EXPECT_EQ(trainingSession(main).get("/projects").status, 401);
}

TEST_F(ApiResources, EndpointsListEveryListenerAndWhoAnswersThere) {
  const std::vector<server::Endpoint> endpoints = server.server().endpoints();
  ASSERT_EQ(endpoints.size(), 3u);
  EXPECT_EQ(endpoints[0].url, server.endpoint());
  EXPECT_EQ(endpoints[0].resources, (std::vector<std::string>{"pred-weu-2", "pred-use", "cs-weu"}));
  EXPECT_EQ(endpoints[1].resources, std::vector<std::string>{"train-weu"});
  EXPECT_EQ(endpoints[1].url, url(server, "train-weu"));
  EXPECT_EQ(endpoints[2].resources, std::vector<std::string>{"pred-weu"});
}

TEST_F(ApiResources, PublishTargetAndWhoMayPredict) {
  fixtures::FixtureSpec spec;
  spec.classes = {"circle", "square"};
  spec.imagesPerClass = 5;
  spec.width = spec.height = 64;
  HttpSession training = trainingSession(url(server, "train-weu"), "tk1");
  const LabelledProject project = createLabelledProject(training, fixtures::generateFixtureSet(spec));
  const std::string iterationId = training.post("/projects/" + project.projectId + "/train").json()["id"];
  ASSERT_EQ(waitForIteration(training, project.projectId, iterationId)["status"], "Completed");
  const std::string iteration = "/projects/" + project.projectId + "/iterations/" + iterationId;
  const auto publish = [&](const std::string& armId) {
    return training.post(iteration + "/publish?publishName=model&predictionId=" + encoded(armId));
  };

  EXPECT_EQ(publish(server::defaultArmId("nobody")).code(), "BadRequestInvalidPublishTarget");
  EXPECT_EQ(publish(server::defaultArmId("train-weu")).code(), "BadRequestInvalidPublishTarget");  // not prediction
  EXPECT_EQ(publish(server::defaultArmId("pred-use")).code(), "BadRequestInvalidPublishTarget");   // another region
  // ARM ids compare without regard to case; the iteration keeps the resource's own spelling.
  const Reply published = publish(upper(server::defaultArmId("pred-weu")));
  ASSERT_EQ(published.status, 200) << published.body;
  EXPECT_EQ(training.get(iteration).json()["originalPublishResourceId"], server::defaultArmId("pred-weu"));

  fixtures::FixtureSpec probe = spec;
  probe.imagesPerClass = 1;
  const std::string image = fixtures::generateFixtureSet(probe).front().bytes;
  const std::string classify = "/" + project.projectId + "/classify/iterations/model/image";
  const auto predict = [&](const std::string& endpoint, const std::string& key) {
    return predictionSession(endpoint, key).post(classify, image, "application/octet-stream");
  };
  EXPECT_EQ(predict(url(server, "pred-weu"), "pk1").status, 200);
  EXPECT_EQ(predict(url(server, "pred-weu"), "pk2").status, 200);
  // Another prediction resource's valid key finds nothing published under that name.
  const Reply elsewhere = predict(server.endpoint(), "qk1");
  EXPECT_EQ(elsewhere.status, 404);
  EXPECT_EQ(elsewhere.code(), "NotFoundIteration");
  EXPECT_EQ(predict(server.endpoint(), "ck1").code(), "NotFoundIteration");

  // Published to the Cognitive Services resource instead: its key predicts, the first resource's no longer does.
  ASSERT_EQ(training.del(iteration + "/publish").status, 204);
  ASSERT_EQ(publish(server::defaultArmId("cs-weu")).status, 200);
  EXPECT_EQ(predict(server.endpoint(), "ck2").status, 200);
  EXPECT_EQ(predict(url(server, "pred-weu"), "pk1").code(), "NotFoundIteration");
}

TEST(ApiResourcesDefault, TheSimpleFlagsDescribeTrainingPredictionAndCognitiveServices) {
  {
    TestServer plain;
    const std::vector<server::Endpoint> endpoints = plain.server().endpoints();
    ASSERT_EQ(endpoints.size(), 1u);
    EXPECT_EQ(endpoints[0].resources, (std::vector<std::string>{"cvmock-training", "cvmock-prediction"}));
  }
  server::ServerConfig config;
  config.cognitiveServicesKey = "multi";
  config.service.predictionResourceId = server::defaultArmId("elsewhere");
  TestServer withCognitiveServices(config);
  EXPECT_EQ(withCognitiveServices.server().endpoints()[0].resources,
            (std::vector<std::string>{"cvmock-training", "elsewhere", "cvmock-cognitive-services"}));
  EXPECT_EQ(trainingSession(withCognitiveServices.endpoint(), "multi").get("/projects").status, 200);
}

// The README's two-resource example, loaded as a user would: it must stay a valid, working configuration.
TEST(ApiResourcesExample, TwoResourcesEachOnItsOwnEndpoint) {
  server::ServerConfig config;
  config.service.resources = server::loadResources(CVMOCK_SOURCE_DIR "/examples/resources.two-resources.json");
  ASSERT_EQ(config.service.resources.size(), 2u);
  EXPECT_EQ(config.service.resources[0].port, 8809);
  EXPECT_EQ(config.service.resources[1].port, 8810);
  for (server::Resource& resource : config.service.resources) resource.port = 0;  // free ports for the test
  TestServer server(config);

  const std::string training = url(server, "contoso-cv-training");
  const std::string prediction = url(server, "contoso-cv-prediction");
  EXPECT_EQ(trainingSession(training, "contoso-training-key-2").get("/projects").status, 200);
  EXPECT_EQ(predictionSession(prediction, "contoso-prediction-key-1").post(kNoProject, "x", "image/png").code(),
            "NotFoundProject");
  EXPECT_EQ(predictionSession(training, "contoso-prediction-key-1").post(kNoProject, "x", "image/png").status, 401);
  // The file's explicit ARM id is kept; the training resource's is derived from its name.
  EXPECT_NE(config.service.resources[1].armId.find("/resourceGroups/contoso-vision/"), std::string::npos);
  EXPECT_EQ(config.service.resources[0].armId, server::defaultArmId("contoso-cv-training"));
}

// The simplest setup: one Cognitive Services resource, one endpoint, either key for both APIs, and it is
// its own publish target.
TEST(ApiResourcesExample, OneCognitiveServicesResourceServesBoth) {
  server::ServerConfig config;
  config.service.resources = server::loadResources(CVMOCK_SOURCE_DIR "/examples/resources.one-resource.json");
  ASSERT_EQ(config.service.resources.size(), 1u);
  TestServer server(config);
  EXPECT_EQ(trainingSession(server.endpoint(), "contoso-vision-key-1").get("/projects").status, 200);
  EXPECT_EQ(predictionSession(server.endpoint(), "contoso-vision-key-2").post(kNoProject, "x", "image/png").code(),
            "NotFoundProject");
  EXPECT_EQ(trainingSession(server.endpoint(), "cvmock-training-key").get("/projects").status, 401);
  EXPECT_EQ(config.service.resources[0].armId, server::defaultArmId("contoso-vision"));
}

}  // namespace
}  // namespace cvmock::testing
