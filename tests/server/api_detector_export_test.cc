// ExportIteration of a detector over HTTP: the archive, loaded with the trainer library, detects the boxes that
// DetectImage answers for the published iteration; platforms the compact detection domains lack are refused.
#include <algorithm>

#include <gtest/gtest.h>

#include "fixtures/detection_scenes.h"
#include "tests/support/detection_project.h"
#include "tests/support/http_session.h"
#include "tests/support/labelled_project.h"
#include "tests/support/stored_zip.h"
#include "tests/support/test_server.h"
#include "trainer/detection/detector.h"
#include "trainer/detection/detector_settings.h"

namespace cvmock::testing {
namespace {

constexpr char kCompactDetection[] = "a27d5ca5-bb19-49d8-a70a-fec086c47f5b";    // General (compact)
constexpr char kCompactDetectionS1[] = "7ec2ac80-887b-48a6-8df9-8b1357765430";  // General (compact) [S1]
constexpr char kGeneralDetection[] = "da2e3a8a-40a5-4171-82f4-58522f70fbc1";    // General: not exportable

const std::vector<std::string> kClasses = {"circle", "square"};

std::vector<fixtures::DetectionScene> scenes(int count, std::uint64_t seed) {
  return fixtures::generateDetectionScenes(
      {.classes = kClasses, .images = count, .width = 320, .height = 240, .seed = seed});
}

class ApiDetectorExport : public ::testing::Test {
 protected:
  // A trained iteration of a new project on `domainId`, published as "detector".
  std::pair<DetectionProject, std::string> trainedProject(const std::string& domainId) {
    DetectionProject project = createDetectionProject(training, domainId, kClasses, scenes(30, 5));
    const std::string iterationId = trainAndPublish(training, project.projectId, "detector");
    return {std::move(project), iterationId};
  }

  // Exports, polls GetExports until the export is Done, and downloads the archive's entries.
  std::map<std::string, std::string> exportAndDownload(const std::string& base, const std::string& query) {
    const Reply started = training.post(base + "/export?" + query);
    EXPECT_EQ(started.status, 200) << started.body;
    EXPECT_EQ(started.json()["status"], "Exporting");
    nlohmann::json done;
    for (int poll = 0; poll < 50 && done.is_null(); ++poll) {
      for (const nlohmann::json& e : training.get(base + "/export").json()) {
        if (e["status"] == "Done" && e["platform"] == started.json()["platform"] &&
            e["flavor"] == started.json()["flavor"]) {
          done = e;
        }
      }
    }
    EXPECT_FALSE(done.is_null()) << "the export never became Done";
    if (done.is_null()) return {};
    const Reply download = fetch(done["downloadUri"]);
    EXPECT_EQ(download.status, 200);
    return unzipStored(download.body);
  }

  TestServer server;
  HttpSession training = trainingSession(server.endpoint());
  HttpSession prediction = predictionSession(server.endpoint(), "cvmock-prediction-key", "v3.1");
};

// A JSON number the server wrote from a float, back as that float.
float asFloat(const nlohmann::json& number) { return static_cast<float>(number.get<double>()); }

TEST_F(ApiDetectorExport, TheExportedDetectorFindsTheBoxesDetectImageFinds) {
  const auto [project, iterationId] = trainedProject(kCompactDetection);
  const std::string base = "/projects/" + project.projectId + "/iterations/" + iterationId;
  std::map<std::string, std::string> entries = exportAndDownload(base, "platform=TensorFlow&flavor=TensorFlowLite");
  ASSERT_TRUE(entries.count("model.cvmock")) << "entries: " << entries.size();
  const nlohmann::json manifest = nlohmann::json::parse(entries["manifest.json"]);
  EXPECT_EQ(manifest["domain"]["type"], "ObjectDetection");
  EXPECT_TRUE(manifest["classificationType"].is_null());
  EXPECT_EQ(manifest["model"]["classes"], (std::vector<int>{0, 1}));
  const nlohmann::json& pipeline = manifest["detectionPipeline"];
  EXPECT_EQ(pipeline["proposals"]["maxProposals"], trainer::detection::kMaxProposals);
  EXPECT_FLOAT_EQ(asFloat(pipeline["detections"]["suppression"]["overlap"]), trainer::detection::kSuppressionOverlap);
  EXPECT_FLOAT_EQ(asFloat(pipeline["proposals"]["coarseSegmentation"]["k"]),
                  trainer::detection::kCoarseSegmentation.k);
  EXPECT_EQ(entries["labels.txt"], "circle\nsquare\n");

  const trainer::detection::Detector detector = trainer::detection::Detector::deserialize(entries["model.cvmock"]);
  int boxes = 0;
  for (const fixtures::DetectionScene& scene : scenes(4, 77)) {
    const Reply detected = prediction.post("/" + project.projectId + "/detect/iterations/detector/image/nostore",
                                           scene.bytes, "application/octet-stream");
    ASSERT_EQ(detected.status, 200) << detected.body;
    const nlohmann::json served = detected.json()["predictions"];
    std::vector<trainer::detection::Detection> local = detector.detect(scene.bytes);
    ASSERT_EQ(served.size(), local.size()) << scene.fileName;
    // The service lists boxes grouped by tag name, most probable first within a tag (detection_training.h).
    std::stable_sort(local.begin(), local.end(), [&](const auto& a, const auto& b) {
      const std::string nameA = manifest["tags"][static_cast<std::size_t>(a.tag)]["name"];
      const std::string nameB = manifest["tags"][static_cast<std::size_t>(b.tag)]["name"];
      return nameA != nameB ? nameA < nameB : a.probability > b.probability;
    });
    for (std::size_t i = 0; i < local.size(); ++i) {
      const nlohmann::json& tag = manifest["tags"][static_cast<std::size_t>(local[i].tag)];
      EXPECT_EQ(served[i]["tagId"], tag["id"]);
      EXPECT_EQ(served[i]["tagName"], tag["name"]);
      EXPECT_EQ(asFloat(served[i]["probability"]), local[i].probability);
      const nlohmann::json& box = served[i]["boundingBox"];
      EXPECT_EQ(asFloat(box["left"]), local[i].box.left);
      EXPECT_EQ(asFloat(box["top"]), local[i].box.top);
      EXPECT_EQ(asFloat(box["width"]), local[i].box.width);
      EXPECT_EQ(asFloat(box["height"]), local[i].box.height);
    }
    boxes += static_cast<int>(local.size());
  }
  EXPECT_GT(boxes, 0);
}

TEST_F(ApiDetectorExport, ExportsToThePlatformsOfTheDomainOnly) {
  const auto [compact, compactIteration] = trainedProject(kCompactDetection);
  const std::string base = "/projects/" + compact.projectId + "/iterations/" + compactIteration;
  // General (compact) for detection lists CoreML, DockerFile, ONNX and TensorFlow, not VAIDK or OpenVino.
  EXPECT_EQ(training.post(base + "/export?platform=VAIDK").code(), "BadRequestProjectUnsupportedExportPlatform");
  EXPECT_EQ(training.post(base + "/export?platform=OpenVino").code(), "BadRequestProjectUnsupportedExportPlatform");
  EXPECT_EQ(training.post(base + "/export?platform=ONNX&flavor=Linux").code(), "BadRequestExportValidationFailed");
  const std::map<std::string, std::string> docker = exportAndDownload(base, "platform=DockerFile&flavor=Linux");
  EXPECT_EQ(nlohmann::json::parse(docker.at("manifest.json"))["platform"], "DockerFile");

  const auto [s1, s1Iteration] = trainedProject(kCompactDetectionS1);
  const std::string s1Base = "/projects/" + s1.projectId + "/iterations/" + s1Iteration;
  const std::map<std::string, std::string> vaidk = exportAndDownload(s1Base, "platform=VAIDK");
  EXPECT_NO_THROW(trainer::detection::Detector::deserialize(vaidk.at("model.cvmock")));

  const auto [general, generalIteration] = trainedProject(kGeneralDetection);
  EXPECT_EQ(training.post("/projects/" + general.projectId + "/iterations/" + generalIteration +
                          "/export?platform=TensorFlow").code(),
            "BadRequestExportValidationFailed");
}

}  // namespace
}  // namespace cvmock::testing
