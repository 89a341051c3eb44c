// The gateway in front of both APIs: keys, their headers, request ids, unknown versions and paths.
#include <gtest/gtest.h>

#include "tests/support/http_session.h"
#include "tests/support/test_server.h"

namespace cvmock::testing {
namespace {

class ApiAuth : public ::testing::Test {
 protected:
  TestServer server;
};

TEST_F(ApiAuth, MissingKeyIsTheGateways401) {
  HttpSession anonymous(server.endpoint(), "/customvision/v3.3/training", "", "");
  const Reply reply = anonymous.get("/projects");
  EXPECT_EQ(reply.status, 401);
  EXPECT_EQ(reply.code(), "401");
  EXPECT_NE(reply.json()["error"]["message"].get<std::string>().find("Access denied"), std::string::npos);
}

TEST_F(ApiAuth, WrongKeyIs401) {
  HttpSession training = trainingSession(server.endpoint(), "not-the-key");
  EXPECT_EQ(training.get("/projects").status, 401);
}

TEST_F(ApiAuth, KeysDoNotCrossApis) {
  HttpSession trainingWithPredictionKey(server.endpoint(), "/customvision/v3.3/training", "Training-Key",
                                        "cvmock-prediction-key");
  EXPECT_EQ(trainingWithPredictionKey.get("/projects").status, 401);
  HttpSession predictionWithTrainingKey(server.endpoint(), "/customvision/v3.0/prediction", "Prediction-Key",
                                        "cvmock-training-key");
  EXPECT_EQ(predictionWithTrainingKey.post("/00000000-0000-0000-0000-000000000000/classify/iterations/x/image", "x",
                                           "application/octet-stream")
                .status,
            401);
}

TEST_F(ApiAuth, HeaderNamesInAnyCaseAndTheSubscriptionHeader) {
  HttpSession lower(server.endpoint(), "/customvision/v3.3/training", "training-key", "cvmock-training-key");
  EXPECT_EQ(lower.get("/projects").status, 200);
  HttpSession python(server.endpoint(), "/customvision/v3.3/training", "Training-key", "cvmock-training-key");
  EXPECT_EQ(python.get("/projects").status, 200);
  HttpSession apim(server.endpoint(), "/customvision/v3.3/training", "Ocp-Apim-Subscription-Key", "cvmock-training-key");
  EXPECT_EQ(apim.get("/projects").status, 200);
}

TEST_F(ApiAuth, EveryResponseCarriesARequestId) {
  HttpSession training = trainingSession(server.endpoint());
  const Reply ok = training.get("/domains");
  const Reply denied = trainingSession(server.endpoint(), "x").get("/domains");
  for (const Reply& reply : {ok, denied}) {
    EXPECT_EQ(reply.header("apim-request-id").size(), 36u);
    EXPECT_EQ(reply.header("apim-request-id"), reply.header("Request-Id"));
    EXPECT_EQ(reply.header("Content-Type"), "application/json; charset=utf-8");
  }
  EXPECT_NE(ok.header("apim-request-id"), denied.header("apim-request-id"));
}

TEST_F(ApiAuth, AllSdkVersionsServedAndUnknownOnesExplained) {
  for (const char* version : {"v3.0", "v3.1", "v3.2", "v3.3", "v3.4-preview"}) {
    EXPECT_EQ(trainingSession(server.endpoint(), "cvmock-training-key", version).get("/domains").status, 200) << version;
  }
  const Reply unknown = trainingSession(server.endpoint(), "cvmock-training-key", "v9.9").get("/domains");
  EXPECT_EQ(unknown.status, 404);
  EXPECT_NE(unknown.json()["error"]["message"].get<std::string>().find("v3.4-preview"), std::string::npos);
}

TEST_F(ApiAuth, TolerantPathsAsRealClientsSendThem) {
  HttpSession doubled(server.endpoint(), "//customvision/v3.4-preview/training", "Training-Key", "cvmock-training-key");
  EXPECT_EQ(doubled.get("/domains").status, 200);
  HttpSession capital(server.endpoint(), "/customvision/v3.3/Training", "Training-Key", "cvmock-training-key");
  EXPECT_EQ(capital.get("/domains").status, 200);
  EXPECT_EQ(trainingSession(server.endpoint()).get("/nothing/here").status, 404);
}

}  // namespace
}  // namespace cvmock::testing
