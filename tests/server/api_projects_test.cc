// Domains, projects and tags over HTTP.
#include <gtest/gtest.h>

#include "tests/support/http_session.h"
#include "tests/support/test_server.h"

namespace cvmock::testing {
namespace {

class ApiProjects : public ::testing::Test {
 protected:
  TestServer server;
  HttpSession training = trainingSession(server.endpoint());

  std::string createProject(const std::string& query = "name=p") {
    const Reply reply = training.post("/projects?" + query);
    EXPECT_EQ(reply.status, 200) << reply.body;
    return reply.json()["id"];
  }
};

TEST_F(ApiProjects, DomainsAreTheRealOnes) {
  const nlohmann::json domains = training.get("/domains").json();
  EXPECT_GE(domains.size(), 10u);
  EXPECT_EQ(domains[0]["id"], "ee85a74c-405e-4adc-bb47-ffa8ca0c9f31");
  EXPECT_EQ(domains[0]["name"], "General");
  const Reply compact = training.get("/domains/0732100f-1a38-4e49-a514-c9b44c697ab5");
  EXPECT_EQ(compact.json()["name"], "General (compact)");
  EXPECT_EQ(compact.json()["exportable"], true);
  EXPECT_EQ(training.get("/domains/00000000-0000-0000-0000-000000000000").code(), "NotFoundDomain");
}

TEST_F(ApiProjects, CreateGetUpdateDelete) {
  const std::string id = createProject("name=Test%20Project&description=This%20is%20a%20test%20project");
  nlohmann::json project = training.get("/projects/" + id).json();
  EXPECT_EQ(project["name"], "Test Project");
  EXPECT_EQ(project["settings"]["classificationType"], "Multilabel");
  EXPECT_EQ(project["settings"]["domainId"], "ee85a74c-405e-4adc-bb47-ffa8ca0c9f31");

  const Reply updated = training.patchJson("/projects/" + id, {{"name", "Another Name"},
                                                               {"description", "Updated Project Description"},
                                                               {"settings", {{"classificationType", "Multiclass"}}}});
  EXPECT_EQ(updated.status, 200) << updated.body;
  EXPECT_EQ(updated.json()["name"], "Another Name");
  EXPECT_EQ(updated.json()["settings"]["classificationType"], "Multiclass");
  EXPECT_EQ(training.get("/projects").json().size(), 1u);

  const Reply deleted = training.del("/projects/" + id);
  EXPECT_EQ(deleted.status, 204);
  EXPECT_TRUE(deleted.body.empty());
  EXPECT_EQ(deleted.header("Content-Type"), "");
  EXPECT_EQ(training.get("/projects/" + id).code(), "NotFoundProject");
}

TEST_F(ApiProjects, DescriptionDefaultsToEmptyAndDomainChangesAcrossTypesAreRefused) {
  const std::string id = createProject("name=p&domainId=c151d5b5-dd07-472a-acc8-15d29dea8518");
  EXPECT_EQ(training.get("/projects/" + id).json()["description"], "");
  const Reply detection =
      training.patchJson("/projects/" + id, {{"settings", {{"domainId", "da2e3a8a-40a5-4171-82f4-58522f70fbc1"}}}});
  EXPECT_EQ(detection.status, 400);
  EXPECT_EQ(detection.code(), "BadRequestProjectUnsupportedDomainTypeChange");
}

TEST_F(ApiProjects, TagsCreateListUpdateDelete) {
  const std::string id = createProject();
  const Reply created = training.post("/projects/" + id + "/tags?name=Test%20Tag%201&description=This%20is%20a%20test%20tag");
  EXPECT_EQ(created.status, 200);
  EXPECT_EQ(created.json()["type"], "Regular");
  EXPECT_EQ(created.json()["imageCount"], 0);
  const std::string tagId = created.json()["id"];
  EXPECT_TRUE(training.post("/projects/" + id + "/tags?name=plain").json()["description"].is_null());

  const Reply renamed = training.patchJson("/projects/" + id + "/tags/" + tagId, {{"name", "Renamed"}});
  EXPECT_EQ(renamed.json()["name"], "Renamed");
  EXPECT_EQ(renamed.json()["description"], "This is a test tag");
  EXPECT_EQ(training.get("/projects/" + id + "/tags/" + tagId).json()["name"], "Renamed");
  EXPECT_EQ(training.get("/projects/" + id + "/tags").json().size(), 2u);

  EXPECT_EQ(training.del("/projects/" + id + "/tags/" + tagId).status, 204);
  EXPECT_EQ(training.get("/projects/" + id + "/tags/" + tagId).code(), "NotFoundTag");
}

}  // namespace
}  // namespace cvmock::testing
