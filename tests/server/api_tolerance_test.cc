// What cvmock tolerates by default (as the real gateway does) and what --strict refuses instead.
#include <gtest/gtest.h>

#include <algorithm>

#include "tests/support/http_session.h"
#include "tests/support/test_server.h"

namespace cvmock::testing {
namespace {

constexpr const char* kKey = "cvmock-training-key";

server::ServerConfig strictConfig() {
  server::ServerConfig config;
  config.strict = true;
  return config;
}

// A session whose base path and key header are spelled exactly as given.
HttpSession session(const TestServer& server, const std::string& base, const std::string& header = "Training-Key") {
  return HttpSession(server.endpoint(), base, header, kKey);
}

// The 400 --strict answers, with the reason naming what was rejected.
void expectStrictRejection(const Reply& reply, const std::string& mentioned) {
  EXPECT_EQ(reply.status, 400) << reply.body;
  EXPECT_EQ(reply.code(), "BadRequest");
  const std::string message = reply.json().value("message", "");
  EXPECT_EQ(message.rfind("--strict: ", 0), 0u) << message;
  EXPECT_NE(message.find(mentioned), std::string::npos) << message;
}

class ApiTolerance : public ::testing::Test {
 protected:
  TestServer tolerant;
  TestServer strict{strictConfig()};
};

TEST_F(ApiTolerance, ApiNameInAnyCase) {
  EXPECT_EQ(session(tolerant, "/customvision/v3.3/Training").get("/projects").status, 200);
  EXPECT_EQ(session(tolerant, "/CustomVision/V3.3/TRAINING").get("/Projects").status, 200);
  HttpSession prediction(tolerant.endpoint(), "/customvision/v3.0/Prediction", "Prediction-Key",
                         "cvmock-prediction-key");
  // Past the gateway and the route: the project is unknown.
  EXPECT_EQ(prediction.post("/00000000-0000-0000-0000-000000000000/classify/iterations/m/image", "x", "image/png")
                .code(),
            "NotFoundProject");

  expectStrictRejection(session(strict, "/customvision/v3.3/Training").get("/projects"), "'Training'");
  expectStrictRejection(session(strict, "/customvision/V3.3/training").get("/projects"), "'V3.3'");
  expectStrictRejection(session(strict, "/customvision/v3.3/training").get("/Projects"), "'Projects'");
}

TEST_F(ApiTolerance, DoubledSlashes) {
  EXPECT_EQ(session(tolerant, "//customvision/v3.3/training").get("/projects").status, 200);
  EXPECT_EQ(session(tolerant, "/customvision/v3.3//training").get("//projects").status, 200);

  expectStrictRejection(session(strict, "//customvision/v3.3/training").get("/projects"), "doubled");
  expectStrictRejection(session(strict, "/customvision/v3.3/training").get("//projects"), "doubled");
}

TEST_F(ApiTolerance, KeyHeaderNameInAnyCase) {
  for (const char* header : {"Training-key", "training-key", "TRAINING-KEY"}) {
    EXPECT_EQ(session(tolerant, "/customvision/v3.3/training", header).get("/projects").status, 200) << header;
    // The strict answer quotes the name as sent: cpp-httplib keeps a header's spelling.
    expectStrictRejection(session(strict, "/customvision/v3.3/training", header).get("/projects"),
                          std::string("'") + header + "'");
  }
  EXPECT_EQ(session(strict, "/customvision/v3.3/training", "Training-Key").get("/projects").status, 200);
}

TEST_F(ApiTolerance, SubscriptionKeyHeaderOpensEitherApi) {
  for (TestServer* server : {&tolerant, &strict}) {
    EXPECT_EQ(session(*server, "/customvision/v3.3/training", "Ocp-Apim-Subscription-Key").get("/projects").status,
              200);
    HttpSession prediction(server->endpoint(), "/customvision/v3.0/prediction", "Ocp-Apim-Subscription-Key",
                           "cvmock-prediction-key");
    EXPECT_EQ(prediction.post("/00000000-0000-0000-0000-000000000000/classify/iterations/m/image", "x", "image/png")
                  .code(),
              "NotFoundProject");
  }
  EXPECT_EQ(session(tolerant, "/customvision/v3.3/training", "ocp-apim-subscription-key").get("/projects").status,
            200);
  expectStrictRejection(session(strict, "/customvision/v3.3/training", "ocp-apim-subscription-key").get("/projects"),
                        "'Ocp-Apim-Subscription-Key'");
}

TEST_F(ApiTolerance, UnknownQueryParameters) {
  EXPECT_EQ(session(tolerant, "/customvision/v3.3/training").get("/projects?api-version=3.3&x=1").status, 200);
  const Reply created = session(tolerant, "/customvision/v3.3/training").post("/projects?name=p&colour=red");
  EXPECT_EQ(created.status, 200) << created.body;

  expectStrictRejection(session(strict, "/customvision/v3.3/training").get("/projects?x=1"), "'x'");
  expectStrictRejection(session(strict, "/customvision/v3.3/training").post("/projects?name=p&colour=red"),
                        "'colour' is not a parameter of CreateProject");
  // Names are the spec's, exactly: "Name" is not "name".
  expectStrictRejection(session(strict, "/customvision/v3.3/training").post("/projects?Name=p"), "'Name'");
  // Every parameter the spec lists is accepted.
  const Reply listed = session(strict, "/customvision/v3.3/training")
                           .post("/projects?name=p&description=d&classificationType=Multiclass");
  EXPECT_EQ(listed.status, 200) << listed.body;
}

TEST_F(ApiTolerance, StrictCheckComesAfterTheKey) {
  // A wrong key is the gateway's 401 whatever else is wrong with the request.
  HttpSession wrong(strict.endpoint(), "/customvision/v3.3/Training", "training-key", "not-the-key");
  EXPECT_EQ(wrong.get("/projects?x=1").status, 401);
}

}  // namespace
}  // namespace cvmock::testing
