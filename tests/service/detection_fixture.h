// The service tests' object-detection project: generated scenes uploaded with their regions as the tags'.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "fixtures/detection_scenes.h"
#include "tests/service/service_fixture.h"

namespace cvmock::server::testing {

inline constexpr char kGeneralDetection[] = "da2e3a8a-40a5-4171-82f4-58522f70fbc1";

// A detection project on the General domain, built on the service: tags circle and square, generated scenes.
class DetectionProjectTest : public ServiceTest {
 protected:
  // A detection project with `count` generated scenes uploaded (with their regions unless told otherwise);
  // `extra` more are kept back.
  void makeProject(int count, int extra = 0, bool withRegions = true) {
    projectId = service->projects().createProject({"d", std::nullopt, kGeneralDetection, std::nullopt, {}}).id;
    for (const char* name : {"circle", "square"}) {
      tagIds[name] = service->tags().createTag(projectId, {name, std::nullopt, std::nullopt}).tag.id;
    }
    scenes = fixtures::generateDetectionScenes(
        {.classes = {"circle", "square"}, .images = count + extra, .width = 320, .height = 240, .seed = 3});
    std::vector<ImageUpload> uploads;
    for (int i = 0; i < count; ++i) {
      ImageUpload upload{scenes[i].fileName, scenes[i].bytes, {}, {}, std::nullopt, {}};
      for (const fixtures::SceneObject& o : scenes[i].objects) {
        if (withRegions) upload.regions.push_back({tagIds.at(o.className), {o.left, o.top, o.width, o.height}});
      }
      uploads.push_back(std::move(upload));
    }
    ASSERT_TRUE(service->images().createImages(projectId, std::move(uploads)).isBatchSuccessful);
  }

  std::string projectId;
  std::map<std::string, std::string> tagIds;
  std::vector<fixtures::DetectionScene> scenes;
};

}  // namespace cvmock::server::testing
