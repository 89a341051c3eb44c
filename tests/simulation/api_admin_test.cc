// The admin API over HTTP: health, access, reset, journal, config, clock, and the healthcheck subcommand.
#include <sstream>

#include <gtest/gtest.h>

#include "mock_server/app/healthcheck.h"
#include "tests/simulation/simulation_session.h"

namespace cvmock::testing {
namespace {

std::optional<std::string> noEnvironment(const char*) { return std::nullopt; }

TEST(ApiAdmin, HealthAndReadinessNeedNoKeyAndControlsAreOffByDefault) {
  TestServer server;
  AdminSession anonymous(server.endpoint(), "");
  EXPECT_EQ(anonymous.get("/health").json()["status"], "healthy");
  EXPECT_EQ(anonymous.get("/ready").status, 200);
  EXPECT_EQ(anonymous.post("/reset").status, 404);
  EXPECT_EQ(anonymous.get("/config").status, 404);
}

TEST(ApiAdmin, ControlsNeedTheAdminKey) {
  TestServer server(simulationConfig());
  EXPECT_EQ(AdminSession(server.endpoint(), "wrong").get("/config").status, 401);
  EXPECT_EQ(AdminSession(server.endpoint()).get("/config").status, 200);
  EXPECT_EQ(AdminSession(server.endpoint()).get("/no-such-route").status, 404);
}

TEST(ApiAdmin, BlobsStayServedUnderTheSamePrefix) {
  TestServer server(simulationConfig());
  HttpSession blobs(server.endpoint(), "", "", "");
  EXPECT_EQ(blobs.get("/_cvmock/blobs/i-0/i-0").status, 404);
  EXPECT_EQ(blobs.get("/_cvmock/blobs/i-0/i-0").code(), "404");  // the service's gateway 404, not the admin's
}

TEST(ApiAdmin, ResetForgetsProjectsFaultsAndJournal) {
  TestServer server(simulationConfig());
  AdminSession admin(server.endpoint());
  HttpSession training = trainingSession(server.endpoint());
  training.post("/projects?name=a");
  admin.post("/faults", {{"operation", "GetDomains"}, {"status", 500}});
  ASSERT_EQ(admin.post("/reset").status, 200);
  EXPECT_EQ(training.get("/projects").json().size(), 0u);
  EXPECT_EQ(training.get("/domains").status, 200);
  EXPECT_EQ(admin.get("/journal").json()["entries"].size(), 2u);  // the two calls since the reset
}

TEST(ApiAdmin, JournalRecordsAndFilters) {
  TestServer server(simulationConfig("F0"));
  AdminSession admin(server.endpoint());
  HttpSession training = trainingSession(server.endpoint());
  training.post("/projects?name=a");
  for (int i = 0; i < 10; ++i) training.get("/projects");
  const nlohmann::json all = admin.get("/journal?limit=500").json()["entries"];
  ASSERT_EQ(all.size(), 11u);
  EXPECT_EQ(all[0]["method"], "POST");
  EXPECT_EQ(all[0]["operation"], "CreateProject");
  EXPECT_EQ(all[0]["status"], 200);
  EXPECT_EQ(all[0]["path"], "/customvision/v3.3/training/projects");
  EXPECT_EQ(all[0]["time"], "2024-01-31T12:00:00Z");
  EXPECT_TRUE(all[0]["durationMs"].is_number());
  const nlohmann::json throttled = admin.get("/journal?status=429").json()["entries"];
  ASSERT_EQ(throttled.size(), 1u);
  EXPECT_EQ(throttled[0]["operation"], "GetProjects");
  EXPECT_EQ(admin.get("/journal?operation=CreateProject").json()["entries"].size(), 1u);
  EXPECT_EQ(admin.get("/journal?limit=2").json()["entries"].size(), 2u);
  EXPECT_EQ(admin.get("/journal?after=" + all[9]["sequence"].dump()).json()["entries"].size(), 1u);
  EXPECT_EQ(admin.get("/journal?status=x").status, 400);
  EXPECT_EQ(admin.del("/journal").status, 204);
  EXPECT_EQ(admin.get("/journal").json()["entries"].size(), 0u);
}

TEST(ApiAdmin, ConfigShowsTierClockAndTraining) {
  server::ServerConfig config = simulationConfig("S0");
  config.service.seed = 42;
  TestServer server(config);
  const nlohmann::json shown = AdminSession(server.endpoint()).get("/config").json();
  EXPECT_EQ(shown["seed"], 42);
  EXPECT_EQ(shown["tier"]["tier"], "S0");
  EXPECT_EQ(shown["tier"]["projects"], 100);
  EXPECT_EQ(shown["clock"], "fixed:2024-01-31T12:00:00Z");
  EXPECT_EQ(shown["training"]["mode"], "background");
  EXPECT_EQ(AdminSession(server.endpoint()).put("/config/tier", {{"tier", "gold"}}).status, 400);
}

TEST(ApiAdmin, FixedClockDatesTheResponses) {
  TestServer server(simulationConfig());
  AdminSession admin(server.endpoint());
  HttpSession training = trainingSession(server.endpoint());
  EXPECT_EQ(training.post("/projects?name=a").json()["created"], "2024-01-31T12:00:00Z");
  ASSERT_EQ(admin.put("/clock", {{"clock", "fixed:2030-05-06T07:08:09.5Z"}}).status, 200);
  EXPECT_EQ(training.post("/projects?name=b").json()["created"], "2030-05-06T07:08:09.5Z");
  EXPECT_EQ(admin.put("/clock", {{"clock", "tomorrow"}}).status, 400);
  ASSERT_EQ(admin.put("/clock", {{"clock", "system"}}).status, 200);
  EXPECT_EQ(admin.post("/clock/advance", {{"seconds", 1}}).status, 400);
}

TEST(Healthcheck, ZeroWhenReadyOneWhenNothingAnswers) {
  std::ostringstream err;
  int port = 0;
  {
    TestServer server;
    port = server.port();
    EXPECT_EQ(server::runHealthcheck({"--endpoint", server.endpoint()}, noEnvironment, err), 0) << err.str();
  }
  EXPECT_EQ(server::runHealthcheck({"--endpoint", "http://127.0.0.1:" + std::to_string(port), "--timeout", "1"},
                                   noEnvironment, err),
            1);
  EXPECT_EQ(server::runHealthcheck({"--bogus"}, noEnvironment, err), 2);
}

}  // namespace
}  // namespace cvmock::testing
