// Builds an object-detection project through plain HTTP: one tag per class, generated scenes uploaded with
// their regions (CreateImagesFromFiles), and more scenes uploaded untagged.
#pragma once

#include <map>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "fixtures/detection_scenes.h"
#include "tests/support/encoding.h"
#include "tests/support/http_session.h"

namespace cvmock::testing {

struct DetectionProject {
  std::string projectId;
  std::map<std::string, std::string> tagIds;  // class name -> tag id
};

// A project on `domainId` with a tag per class of `classes`; `labelled` are uploaded with their objects as
// regions. Fails the calling test when a step does not succeed.
inline DetectionProject createDetectionProject(HttpSession& training, const std::string& domainId,
                                               const std::vector<std::string>& classes,
                                               const std::vector<fixtures::DetectionScene>& labelled) {
  DetectionProject project;
  const Reply created = training.post("/projects?name=detector&domainId=" + domainId);
  EXPECT_EQ(created.status, 200) << created.body;
  project.projectId = created.json()["id"];
  for (const std::string& name : classes) {
    project.tagIds[name] = training.post("/projects/" + project.projectId + "/tags?name=" + name).json()["id"];
  }
  nlohmann::json entries = nlohmann::json::array();
  for (const fixtures::DetectionScene& scene : labelled) {
    nlohmann::json regions = nlohmann::json::array();
    for (const fixtures::SceneObject& o : scene.objects) {
      regions.push_back({{"tagId", project.tagIds[o.className]}, {"left", o.left}, {"top", o.top},
                         {"width", o.width}, {"height", o.height}});
    }
    entries.push_back({{"name", scene.fileName}, {"contents", toBase64(scene.bytes)}, {"regions", regions}});
  }
  const Reply uploaded = training.postJson("/projects/" + project.projectId + "/images/files", {{"images", entries}});
  EXPECT_EQ(uploaded.status, 200) << uploaded.body;
  return project;
}

// Uploads `scenes` without tags or regions; returns their image ids in upload order.
inline std::vector<std::string> uploadUntagged(HttpSession& training, const std::string& projectId,
                                               const std::vector<fixtures::DetectionScene>& scenes) {
  nlohmann::json entries = nlohmann::json::array();
  for (const fixtures::DetectionScene& scene : scenes) {
    entries.push_back({{"name", scene.fileName}, {"contents", toBase64(scene.bytes)}});
  }
  const Reply uploaded = training.postJson("/projects/" + projectId + "/images/files", {{"images", entries}});
  EXPECT_EQ(uploaded.status, 200) << uploaded.body;
  std::vector<std::string> ids;
  const nlohmann::json body = uploaded.json();
  for (const nlohmann::json& image : body["images"]) ids.push_back(image["image"]["id"]);
  EXPECT_EQ(ids.size(), scenes.size()) << uploaded.body;
  return ids;
}

}  // namespace cvmock::testing
