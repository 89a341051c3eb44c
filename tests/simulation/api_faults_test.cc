// Fault injection over HTTP: rules from the admin API and the per-request header; state never changes.
#include <gtest/gtest.h>

#include "tests/simulation/simulation_session.h"

namespace cvmock::testing {
namespace {

constexpr const char* kTrainingBase = "/customvision/v3.3/training";

httplib::Result getWithHeaders(const std::string& endpoint, const std::string& path, httplib::Headers headers,
                               int readTimeoutMs = 5000) {
  httplib::Client client(endpoint);
  client.set_read_timeout(readTimeoutMs / 1000, (readTimeoutMs % 1000) * 1000);
  headers.emplace("Training-Key", "cvmock-training-key");
  return client.Get(std::string(kTrainingBase) + path, headers);
}

TEST(ApiFaults, RuleWithoutCodeAnswersInTheGatewayShapeForItsTimes) {
  TestServer server(simulationConfig());
  AdminSession admin(server.endpoint());
  const Reply added = admin.post("/faults", {{"operation", "GetProjects"}, {"status", 503}, {"times", 1}});
  ASSERT_EQ(added.status, 201) << added.body;
  EXPECT_EQ(added.json()["id"], "fault-1");
  HttpSession training = trainingSession(server.endpoint());
  const Reply faulted = training.get("/projects");
  EXPECT_EQ(faulted.status, 503);
  EXPECT_EQ(faulted.code(), "503");
  EXPECT_EQ(training.get("/projects").status, 200);
  EXPECT_EQ(admin.get("/faults").json()["faults"].size(), 0u);
}

TEST(ApiFaults, ServiceCodedFaultLeavesNothingStored) {
  TestServer server(simulationConfig());
  AdminSession admin(server.endpoint());
  admin.post("/faults", {{"operation", "CreateProject"}, {"status", 500}, {"code", "ErrorUnknown"}});
  HttpSession training = trainingSession(server.endpoint());
  const Reply faulted = training.post("/projects?name=a");
  EXPECT_EQ(faulted.status, 500);
  EXPECT_EQ(faulted.code(), "ErrorUnknown");
  EXPECT_EQ(training.get("/projects").json().size(), 0u);
  ASSERT_EQ(admin.del("/faults").status, 204);
  EXPECT_EQ(training.post("/projects?name=a").status, 200);
}

TEST(ApiFaults, PathPatternAndRemovalById) {
  TestServer server(simulationConfig());
  AdminSession admin(server.endpoint());
  const std::string id = admin.post("/faults", {{"path", "/domains$"}, {"status", 502}}).json()["id"];
  HttpSession training = trainingSession(server.endpoint());
  EXPECT_EQ(training.get("/domains").status, 502);
  EXPECT_EQ(training.get("/projects").status, 200);
  EXPECT_EQ(admin.del("/faults/" + id).status, 204);
  EXPECT_EQ(admin.del("/faults/" + id).status, 404);
  EXPECT_EQ(training.get("/domains").status, 200);
}

TEST(ApiFaults, LatencyTripsAClientTimeout) {
  TestServer server(simulationConfig());
  AdminSession admin(server.endpoint());
  admin.post("/faults", {{"operation", "GetDomains"}, {"latencyMs", 600}});
  const httplib::Result slow = getWithHeaders(server.endpoint(), "/domains", {}, 200);
  EXPECT_FALSE(slow);
  const httplib::Result patient = getWithHeaders(server.endpoint(), "/domains", {}, 5000);
  ASSERT_TRUE(patient);
  EXPECT_EQ(patient->status, 200);
}

TEST(ApiFaults, DroppedConnectionGivesNoCompleteAnswer) {
  TestServer server(simulationConfig());
  AdminSession admin(server.endpoint());
  admin.post("/faults", {{"operation", "GetProjects"}, {"drop", true}, {"times", 1}});
  EXPECT_FALSE(getWithHeaders(server.endpoint(), "/projects", {}));
  const httplib::Result next = getWithHeaders(server.endpoint(), "/projects", {});
  ASSERT_TRUE(next);
  EXPECT_EQ(next->status, 200);
}

TEST(ApiFaults, HeaderInjectsAFaultForThatRequestOnly) {
  TestServer server(simulationConfig());
  const httplib::Result faulted =
      getWithHeaders(server.endpoint(), "/projects", {{"x-cvmock-fault", "status=429;code="}});
  ASSERT_TRUE(faulted);
  EXPECT_EQ(faulted->status, 429);
  EXPECT_EQ(faulted->get_header_value("Retry-After"), "1");
  const httplib::Result coded =
      getWithHeaders(server.endpoint(), "/projects", {{"x-cvmock-fault", "status=500;code=ErrorUnknown"}});
  ASSERT_TRUE(coded);
  EXPECT_EQ(nlohmann::json::parse(coded->body)["code"], "ErrorUnknown");
  const httplib::Result bad = getWithHeaders(server.endpoint(), "/projects", {{"x-cvmock-fault", "status=abc"}});
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
  EXPECT_EQ(getWithHeaders(server.endpoint(), "/projects", {})->status, 200);
}

TEST(ApiFaults, HeaderIsIgnoredWhileTheAdminApiIsOff) {
  TestServer server;
  const httplib::Result result = getWithHeaders(server.endpoint(), "/projects", {{"x-cvmock-fault", "status=500"}});
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 200);
}

std::string statusesWithSeed(std::uint64_t seed) {
  server::ServerConfig config = simulationConfig();
  config.service.seed = seed;
  TestServer server(config);
  AdminSession(server.endpoint()).post("/faults", {{"operation", "GetProjects"}, {"status", 500}, {"probability", 0.5}});
  HttpSession training = trainingSession(server.endpoint());
  std::string statuses;
  for (int i = 0; i < 32; ++i) statuses += training.get("/projects").status == 500 ? 'F' : '.';
  return statuses;
}

TEST(ApiFaults, ProbabilityIsReproducibleForASeed) {
  const std::string first = statusesWithSeed(11);
  EXPECT_EQ(first, statusesWithSeed(11));
  EXPECT_NE(first.find('F'), std::string::npos);
  EXPECT_NE(first.find('.'), std::string::npos);
}

}  // namespace
}  // namespace cvmock::testing
