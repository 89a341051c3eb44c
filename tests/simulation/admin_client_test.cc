// client::AdminClient against a real cvmock: every control round-trips.
#include <gtest/gtest.h>

#include "client/admin_client.h"
#include "client/errors.h"
#include "tests/simulation/simulation_session.h"

namespace cvmock::testing {
namespace {

TEST(AdminClient, DrivesEveryControl) {
  TestServer server(simulationConfig());
  client::AdminClient admin(server.endpoint(), kAdminKey);
  EXPECT_TRUE(admin.ready());
  EXPECT_EQ(admin.setTier({{"tier", "F0"}, {"projects", 1}})["projects"], 1);
  EXPECT_EQ(admin.config()["tier"]["tier"], "F0");
  EXPECT_EQ(admin.setClock("fixed:2024-03-01T00:00:00Z")["clock"], "fixed:2024-03-01T00:00:00Z");
  EXPECT_EQ(admin.advanceClock(1.5)["clock"], "fixed:2024-03-01T00:00:01.5Z");
  EXPECT_EQ(admin.setTrainingMode("manual")["mode"], "manual");
  EXPECT_EQ(admin.forceNextTraining("hang")["next"], "hang");
  EXPECT_EQ(admin.training()["next"], "hang");
  EXPECT_EQ(admin.advanceTrainings(), 0);
  const std::string id = admin.addFault({{"operation", "GetProjects"}, {"status", 500}})["id"];
  EXPECT_EQ(admin.faults()["faults"].size(), 1u);
  HttpSession training = trainingSession(server.endpoint());
  EXPECT_EQ(training.get("/projects").status, 500);
  admin.removeFault(id);
  EXPECT_EQ(training.get("/projects").status, 200);
  admin.addFault({{"operation", "GetDomains"}, {"status", 500}});
  admin.clearFaults();
  EXPECT_TRUE(admin.faults()["faults"].empty());
  EXPECT_EQ(admin.journal({.operation = "GetProjects"})["entries"].size(), 2u);
  EXPECT_EQ(admin.journal({.status = 500})["entries"].size(), 1u);
  admin.clearJournal();
  EXPECT_TRUE(admin.journal({})["entries"].empty());
  admin.reset();
}

TEST(AdminClient, WrongKeyIsACustomVisionError) {
  TestServer server(simulationConfig());
  client::AdminClient admin(server.endpoint(), "wrong");
  EXPECT_TRUE(admin.ready());
  try {
    admin.reset();
    FAIL() << "reset with a wrong key succeeded";
  } catch (const client::CustomVisionError& error) {
    EXPECT_EQ(error.status(), 401);
  }
  EXPECT_FALSE(client::AdminClient("http://127.0.0.1:1", kAdminKey).ready());
}

}  // namespace
}  // namespace cvmock::testing
