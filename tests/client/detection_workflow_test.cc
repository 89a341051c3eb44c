// Object detection end to end against cvmock, through the C++ client and cvctl: scenes from cvmock-fixtures
// --detection uploaded with their regions, regions read back, added and deleted, proposals, training, performance
// at two overlap thresholds, publishing, DetectImage (stored and not, bytes and URL, v3.0 and v3.1), stored
// predictions, cvctl demo --detection drawing its boxes, and cvctl export-iteration of a compact detector. Needs
// a cvmock that detects: registered with the label needs-detection-server and disabled until
// CVMOCK_DETECTION_SERVER is on (tests/client/CMakeLists.txt).
#include <gtest/gtest.h>
#include <httplib.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <thread>

#include "client/batch_upload.h"
#include "client/cvctl/box_drawing.h"
#include "client/cvctl/labelled_images.h"
#include "client/errors.h"
#include "client/training_wait.h"
#include "tests/client/cvctl_runner.h"
#include "tests/client/cvmock_server.h"
#include "tests/support/temp_dir.h"

namespace cvmock::client {
namespace {

namespace fs = std::filesystem;
using cvctl::LabelledImage;
using testing::CvmockServer;

constexpr char kGeneralDetectionDomain[] = "da2e3a8a-40a5-4171-82f4-58522f70fbc1";  // CONTRACT.md
constexpr char kCompactDetectionDomain[] = "a27d5ca5-bb19-49d8-a70a-fec086c47f5b";  // General (compact)
constexpr size_t kHeldBack = 5;

void expectInsideTheImage(const BoundingBox& box) {
  EXPECT_GE(box.left, 0);
  EXPECT_GE(box.top, 0);
  EXPECT_GT(box.width, 0);
  EXPECT_GT(box.height, 0);
  EXPECT_LE(box.left + box.width, 1 + 1e-6);
  EXPECT_LE(box.top + box.height, 1 + 1e-6);
}

// The most probable detection has a labelled object's tag and overlaps it by at least half.
void expectTopDetectionIsRight(const ImagePrediction& result, const LabelledImage& scene) {
  ASSERT_FALSE(result.predictions.empty());
  const Prediction& top = *std::max_element(  // boxes come grouped by tag, not most probable first
      result.predictions.begin(), result.predictions.end(),
      [](const Prediction& a, const Prediction& b) { return a.probability < b.probability; });
  ASSERT_TRUE(top.boundingBox.has_value());
  expectInsideTheImage(*top.boundingBox);
  const bool right = std::any_of(scene.regions.begin(), scene.regions.end(), [&](const cvctl::LabelledRegion& r) {
    return r.tagName == top.tagName && client::intersectionOverUnion(r.box, *top.boundingBox) >= 0.5;
  });
  EXPECT_TRUE(right) << scene.path << ": " << top.tagName.value_or("?") << " " << top.probability;
}

// Scenes written by cvmock-fixtures, a cvmock that trains at once, and a project on the General detection domain
// with the scenes but the last kHeldBack uploaded with their regions.
class DetectionWorkflow : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string command = testing::shellQuoted(CVMOCK_FIXTURES_BINARY) + " --detection --images 40 --out " +
                                testing::shellQuoted(scenesDir.path().string()) + " > /dev/null";
    ASSERT_EQ(std::system(command.c_str()), 0) << command;
    scenes = cvctl::labelledImagesIn(scenesDir.path());
    ASSERT_GT(scenes.size(), kHeldBack);
    heldBack.assign(scenes.end() - kHeldBack, scenes.end());
    scenes.resize(scenes.size() - kHeldBack);

    project = projectWithScenes("detection", kGeneralDetectionDomain, tagIds, uploadedIds);
  }

  // A new project on `domainId` with a tag per class (`tags`: name -> id) and `scenes` uploaded with their
  // regions (`ids`: in upload order).
  Project projectWithScenes(const std::string& name, const std::string& domainId,
                            std::map<std::string, std::string>& tags, std::vector<std::string>& ids) {
    Project created = training.createProject(name, {.domainId = domainId});
    for (const std::string& tag : cvctl::tagNamesOf(scenes)) tags[tag] = training.createTag(created.id, tag).id;
    std::vector<ImageFileCreateEntry> images;
    for (const LabelledImage& scene : scenes) images.push_back(cvctl::uploadEntry(scene, tags));
    for (const ImageCreateResult& result : uploadImageFiles(training, created.id, images)) {
      EXPECT_EQ(result.status, ImageCreateStatus::OK);
      if (result.image) ids.push_back(result.image->id);
    }
    EXPECT_EQ(ids.size(), scenes.size());
    return created;
  }

  Iteration trainAndPublish() {
    const Iteration iteration = waitForTraining(training, project.id, training.trainProject(project.id).id,
                                                {.pollInterval = std::chrono::milliseconds(50)});
    EXPECT_EQ(iteration.status, "Completed");
    training.publishIteration(project.id, iteration.id, "detector", testing::kResourceId);
    return iteration;
  }

  cvmock::testing::TempDir scenesDir;
  std::vector<LabelledImage> scenes;
  std::vector<LabelledImage> heldBack;
  CvmockServer cvmock{{"--training-mode", "immediate"}};
  TrainingClient training = cvmock.training();
  Project project;
  std::map<std::string, std::string> tagIds;
  std::vector<std::string> uploadedIds;
};

TEST_F(DetectionWorkflow, RegionsComeBackAsUploadedAndCanBeAddedAndDeleted) {
  const std::vector<Image> images = training.getImagesByIds(project.id, {uploadedIds.front()});
  ASSERT_EQ(images.size(), 1u);
  const std::vector<ImageRegion> regions = images.front().regions.value_or(std::vector<ImageRegion>{});
  ASSERT_EQ(regions.size(), scenes.front().regions.size());
  for (size_t i = 0; i < regions.size(); ++i) {
    EXPECT_FALSE(regions[i].regionId.empty());
    EXPECT_FALSE(regions[i].created.empty());
    EXPECT_EQ(regions[i].tagName, scenes.front().regions[i].tagName);
    EXPECT_NEAR(regions[i].left, scenes.front().regions[i].box.left, 1e-6);
    EXPECT_NEAR(regions[i].height, scenes.front().regions[i].box.height, 1e-6);
  }

  const ImageRegionCreateSummary added = training.createImageRegions(
      project.id, {{{.imageId = uploadedIds.front(), .tagId = tagIds.begin()->second, .left = 0.01, .top = 0.01,
                     .width = 0.05, .height = 0.05}}});
  ASSERT_TRUE(added.created.has_value());
  ASSERT_EQ(added.created->size(), 1u);
  const std::string regionId = added.created->front().regionId;
  EXPECT_EQ(training.getImagesByIds(project.id, {uploadedIds.front()}).front().regions->size(), regions.size() + 1);
  training.deleteImageRegions(project.id, {regionId});
  EXPECT_EQ(training.getImagesByIds(project.id, {uploadedIds.front()}).front().regions->size(), regions.size());

  const ImageRegionProposal proposal = training.getImageRegionProposals(project.id, uploadedIds.front());
  EXPECT_EQ(proposal.imageId, uploadedIds.front());
  ASSERT_FALSE(proposal.proposals.empty());
  for (const RegionProposal& candidate : proposal.proposals) {
    expectInsideTheImage(candidate.boundingBox);
    EXPECT_GE(candidate.confidence, 0);
    EXPECT_LE(candidate.confidence, 1);
  }
}

TEST_F(DetectionWorkflow, TrainEvaluatePublishDetectAndQueryTheStoredDetections) {
  const Iteration iteration = trainAndPublish();
  const IterationPerformance strict = training.getIterationPerformance(project.id, iteration.id, 0.5, 0.5);
  const IterationPerformance loose = training.getIterationPerformance(project.id, iteration.id, 0.5, 0.3);
  EXPECT_EQ(strict.perTagPerformance.size(), tagIds.size());
  ASSERT_TRUE(strict.averagePrecision.has_value());
  ASSERT_TRUE(loose.averagePrecision.has_value());
  EXPECT_GE(*strict.averagePrecision, 0.5);  // mAP@0.5 on the holdout of generated scenes
  EXPECT_GE(*loose.averagePrecision, *strict.averagePrecision);  // a looser match never loses a found box

  PredictionClient prediction = cvmock.prediction();
  const std::string stored = testing::readWhole(heldBack[0].path);
  expectTopDetectionIsRight(prediction.detectImage(project.id, "detector", stored, std::string("e2e")), heldBack[0]);
  const std::string unstored = testing::readWhole(heldBack[1].path);
  expectTopDetectionIsRight(prediction.detectImageWithNoStore(project.id, "detector", unstored), heldBack[1]);
  PredictionClient v31(cvmock.endpoint(), testing::kPredictionKey, {}, PredictionApiVersion::V3_1);
  const ImagePrediction withTypes = v31.detectImageWithNoStore(project.id, "detector", stored);
  ASSERT_FALSE(withTypes.predictions.empty());
  EXPECT_EQ(withTypes.predictions.front().tagType, TagType::Regular);

  httplib::Server files;
  files.set_mount_point("/", scenesDir.path().string());
  const int port = files.bind_to_any_port("127.0.0.1");
  std::thread serving([&] { files.listen_after_bind(); });
  while (!files.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  const std::string url = "http://127.0.0.1:" + std::to_string(port) + "/" + heldBack[2].path.filename().string();
  expectTopDetectionIsRight(prediction.detectImageUrl(project.id, "detector", {url}), heldBack[2]);
  expectTopDetectionIsRight(prediction.detectImageUrlWithNoStore(project.id, "detector", {url}), heldBack[2]);
  files.stop();
  serving.join();

  const PredictionQueryResult query = training.queryPredictions(project.id, {.application = "e2e"});
  ASSERT_EQ(query.results.size(), 1u);
  ASSERT_FALSE(query.results.front().predictions.empty());
  EXPECT_TRUE(query.results.front().predictions.front().boundingBox.has_value());
  EXPECT_EQ(training.queryPredictions(project.id, {}).results.size(), 2u);  // the image and the URL, stored
}

TEST_F(DetectionWorkflow, CvctlDetectsAndDrawsAndItsDemoWalksTheWorkflow) {
  trainAndPublish();
  cvmock::testing::TempDir out;
  const fs::path drawing = out.path() / "boxes.png";
  const testing::CvctlResult detected =
      testing::runCvctl({"--endpoint", cvmock.endpoint(), "detect", project.id, "detector",
                         heldBack[0].path.string(), "--draw", drawing.string()});
  ASSERT_EQ(detected.exitCode, 0) << detected.err;
  EXPECT_EQ(detected.out.rfind("tag  ", 0), 0u) << detected.out;
  const cvctl::RgbImage drawn = cvctl::decodeImage(testing::readWhole(drawing));
  const cvctl::RgbImage scene = cvctl::decodeImage(testing::readWhole(heldBack[0].path));
  EXPECT_EQ(drawn.width, scene.width);
  EXPECT_EQ(drawn.height, scene.height);
  EXPECT_NE(drawn.pixels, scene.pixels);  // the boxes were drawn

  const testing::CvctlResult demo = testing::runCvctl(
      {"--endpoint", cvmock.endpoint(), "--prediction-resource-id", testing::kResourceId, "demo", "--detection",
       "--scenes", scenesDir.path().string(), "--draw", (out.path() / "demo").string()});
  ASSERT_EQ(demo.exitCode, 0) << demo.out << demo.err;
  EXPECT_NE(demo.out.find("[11/11] Clean up"), std::string::npos) << demo.out;
  EXPECT_TRUE(fs::is_regular_file(out.path() / "demo" / (heldBack.back().path.stem().string() + "_boxes.png")));
}

TEST_F(DetectionWorkflow, CvctlDownloadsACompactDetectorsExport) {
  std::map<std::string, std::string> compactTags;
  std::vector<std::string> compactIds;
  const Project compact = projectWithScenes("compact detection", kCompactDetectionDomain, compactTags, compactIds);
  const Iteration iteration = waitForTraining(training, compact.id, training.trainProject(compact.id).id,
                                              {.pollInterval = std::chrono::milliseconds(50)});
  ASSERT_EQ(iteration.status, "Completed");
  cvmock::testing::TempDir out;
  const fs::path zip = out.path() / "detector.zip";
  const testing::CvctlResult exported =
      testing::runCvctl({"--endpoint", cvmock.endpoint(), "export-iteration", compact.id, iteration.id,
                         "--platform", "ONNX", "--out", zip.string()});
  ASSERT_EQ(exported.exitCode, 0) << exported.err;
  // The archive's entries are stored, not compressed: the detector's magic and the manifest's words show.
  const std::string bytes = testing::readWhole(zip);
  EXPECT_EQ(bytes.substr(0, 4), "PK\x03\x04");
  EXPECT_NE(bytes.find("CVMOCKDT"), std::string::npos);
  EXPECT_NE(bytes.find("\"detectionPipeline\""), std::string::npos);
}

}  // namespace
}  // namespace cvmock::client
