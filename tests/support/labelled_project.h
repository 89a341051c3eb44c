// Builds a trained project through plain HTTP: tags, fixture images, training, waiting for Completed.
#pragma once

#include <chrono>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "fixtures/generator.h"
#include "tests/support/http_session.h"

namespace cvmock::testing {

struct LabelledProject {
  std::string projectId;
  std::map<std::string, std::string> tagIds;  // class name -> tag id
};

// Creates a project with one tag per class and uploads `images` (class-major) tagged by class.
inline LabelledProject createLabelledProject(HttpSession& training, const std::vector<fixtures::FixtureImage>& images,
                                             const std::string& classificationType = "Multiclass") {
  LabelledProject project;
  Reply created = training.post("/projects?name=fixtures&classificationType=" + classificationType);
  EXPECT_EQ(created.status, 200) << created.body;
  project.projectId = created.json()["id"];
  std::map<std::string, std::vector<std::string>> byClass;
  for (const fixtures::FixtureImage& image : images) byClass[image.className].push_back(image.bytes);
  for (const auto& [className, bytes] : byClass) {
    Reply tag = training.post("/projects/" + project.projectId + "/tags?name=" + className);
    EXPECT_EQ(tag.status, 200) << tag.body;
    project.tagIds[className] = tag.json()["id"];
    for (std::size_t start = 0; start < bytes.size(); start += 64) {
      std::vector<std::string> batch(bytes.begin() + start, bytes.begin() + std::min(bytes.size(), start + 64));
      Reply upload = training.postImages("/projects/" + project.projectId + "/images?tagIds=" + tag.json()["id"].get<std::string>(), batch);
      EXPECT_EQ(upload.status, 200) << upload.body;
    }
  }
  return project;
}

// Polls GetIteration until the status leaves "Training"; returns the last body.
inline nlohmann::json waitForIteration(HttpSession& training, const std::string& projectId,
                                       const std::string& iterationId) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (true) {
    Reply reply = training.get("/projects/" + projectId + "/iterations/" + iterationId);
    nlohmann::json body = reply.json();
    if (body.value("status", "") != "Training" || std::chrono::steady_clock::now() > deadline) return body;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

// Trains the project, waits for Completed and publishes the iteration as `publishName` on cvmock's default
// prediction resource; returns the iteration id. Fails the calling test on the way when a step does not succeed.
inline std::string trainAndPublish(HttpSession& training, const std::string& projectId, const std::string& publishName) {
  const std::string iterationId = training.post("/projects/" + projectId + "/train").json()["id"];
  EXPECT_EQ(waitForIteration(training, projectId, iterationId)["status"], "Completed");
  const Reply published = training.post("/projects/" + projectId + "/iterations/" + iterationId +
                                        "/publish?publishName=" + publishName +
                                        "&predictionId=%2Fsubscriptions%2F00000000-0000-0000-0000-000000000000%2F"
                                        "resourceGroups%2Fcvmock%2Fproviders%2FMicrosoft.CognitiveServices%2F"
                                        "accounts%2Fcvmock-prediction");
  EXPECT_EQ(published.status, 200) << published.body;
  return iterationId;
}

}  // namespace cvmock::testing
