// Service, gateway and transport failures reach the caller as typed errors.
#include "client/errors.h"

#include <gtest/gtest.h>

#include "client/training_client.h"
#include "tests/client/fake_service.h"

namespace cvmock::client {
namespace {

using testing::CannedResponse;
using testing::FakeService;

TEST(ErrorsTest, ServiceErrorKeepsStatusCodeAndMessage) {
  FakeService service;
  service.respond(404, R"({"code":"NotFoundIteration","message":"Invalid iteration"})");
  TrainingClient client(service.endpoint(), "key");
  try {
    client.getIteration("p", "i");
    FAIL() << "expected CustomVisionError";
  } catch (const CustomVisionError& error) {
    EXPECT_EQ(error.status(), 404);
    EXPECT_EQ(error.code(), "NotFoundIteration");
    EXPECT_EQ(error.message(), "Invalid iteration");
    EXPECT_STREQ(error.what(), "HTTP 404 NotFoundIteration: Invalid iteration");
  }
}

TEST(ErrorsTest, GatewayErrorReadsNestedErrorObject) {
  FakeService service;
  service.respond(
      401,
      R"({"error":{"code":"401","message":"Access denied due to invalid subscription key."}})");
  TrainingClient client(service.endpoint(), "wrong");
  try {
    client.getProjects();
    FAIL() << "expected CustomVisionError";
  } catch (const CustomVisionError& error) {
    EXPECT_EQ(error.status(), 401);
    EXPECT_EQ(error.code(), "401");
    EXPECT_EQ(error.message(), "Access denied due to invalid subscription key.");
  }
}

TEST(ErrorsTest, UnknownBodyKeepsStatusAsCodeAndBodyAsMessage) {
  auto error = errorFromResponse(502, "<html>Bad Gateway</html>");
  EXPECT_EQ(error.status(), 502);
  EXPECT_EQ(error.code(), "502");
  EXPECT_EQ(error.message(), "<html>Bad Gateway</html>");
}

TEST(ErrorsTest, NoListenerIsConnectionError) {
  std::string endpoint;
  {
    FakeService closed;
    endpoint = closed.endpoint();
  }
  TrainingClient client(endpoint, "key", {.retry = RetryPolicy::none()});
  try {
    client.getDomains();
    FAIL() << "expected ConnectionError";
  } catch (const ConnectionError& error) {
    EXPECT_EQ(error.kind(), ConnectionFailure::Connect);
  }
}

TEST(ErrorsTest, RequestIdOfTheAnswerIsKept) {
  FakeService service;
  service.respondInOrder({CannedResponse{.status = 400,
                                         .body = R"({"code":"BadRequest","message":"no"})",
                                         .headers = {{"apim-request-id", "5a1f0c6e-7b2d-4e0a-9c4b-3f1e2d7a8b90"}}}});
  TrainingClient client(service.endpoint(), "key");
  try {
    client.getProjects();
    FAIL() << "expected CustomVisionError";
  } catch (const CustomVisionError& error) {
    EXPECT_EQ(error.requestId(), "5a1f0c6e-7b2d-4e0a-9c4b-3f1e2d7a8b90");
    EXPECT_NE(std::string(error.what()).find("5a1f0c6e-7b2d-4e0a-9c4b-3f1e2d7a8b90"), std::string::npos);
  }
}

}  // namespace
}  // namespace cvmock::client
