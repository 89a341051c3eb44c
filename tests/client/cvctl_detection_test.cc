// cvctl's detection commands against a scripted service (so they are proven before cvmock detects): detect prints
// the boxes above its threshold and draws them, upload-regions sends each image's regions with the tags it made,
// and the argument mistakes are named.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "client/cvctl/box_drawing.h"
#include "client/models.h"
#include "tests/client/cvctl_runner.h"
#include "tests/client/fake_service.h"
#include "tests/support/temp_dir.h"

namespace cvmock::client {
namespace {

using cvctl::Colour;
using cvctl::RgbImage;
using nlohmann::json;
using testing::CvctlResult;
using testing::FakeService;
using testing::runCvctl;

constexpr char kProjectId[] = "0c5f7f0e-3a4b-4c6d-8e9f-0a1b2c3d4e5f";
constexpr Colour kGrey{128, 128, 128};

std::string greyPng(int width, int height) {
  RgbImage image{width, height, {}};
  for (int i = 0; i < width * height; ++i) image.pixels.insert(image.pixels.end(), kGrey.begin(), kGrey.end());
  return cvctl::encodePng(image);
}

Colour pixel(const RgbImage& image, int x, int y) {
  const auto i = (static_cast<size_t>(y) * image.width + x) * 3;
  return {image.pixels[i], image.pixels[i + 1], image.pixels[i + 2]};
}

// A DetectImage answer as the service gives it: every box it considered, the improbable ones too.
std::string detectionAnswer() {
  ImagePrediction answer{.id = "p1", .project = kProjectId, .iteration = "it", .created = "2026-01-01T00:00:00Z"};
  answer.predictions = {
      {.probability = 0.91, .tagId = "t1", .tagName = "circle", .boundingBox = BoundingBox{0.25, 0.25, 0.5, 0.5}},
      {.probability = 0.62, .tagId = "t2", .tagName = "square", .boundingBox = BoundingBox{0, 0, 0.125, 0.125}},
      {.probability = 0.04, .tagId = "t2", .tagName = "square", .boundingBox = BoundingBox{0.5, 0.5, 0.5, 0.5}},
  };
  return json(answer).dump();
}

class CvctlDetection : public ::testing::Test {
 protected:
  CvctlResult cvctl(std::vector<std::string> args) {
    args.insert(args.begin(), {"--endpoint", service.endpoint(), "--training-key", "tk", "--prediction-key", "pk"});
    return runCvctl(args);
  }

  FakeService service;
  cvmock::testing::TempDir dir;
};

TEST_F(CvctlDetection, DetectPrintsTheLikelyBoxesAndDrawsThem) {
  service.respond(200, detectionAnswer());
  std::ofstream(dir.path() / "scene.png", std::ios::binary) << greyPng(80, 80);
  const std::string drawing = (dir.path() / "boxes.png").string();
  const CvctlResult result = cvctl({"detect", kProjectId, "shapes model", (dir.path() / "scene.png").string(),
                                    "--draw", drawing});
  ASSERT_EQ(result.exitCode, 0) << result.err;
  EXPECT_EQ(result.out,
            "tag     probability  left   top    width  height\n"
            "circle  0.910        0.250  0.250  0.500  0.500\n"
            "square  0.620        0.000  0.000  0.125  0.125\n"
            "drew the boxes on " + drawing + "\n");
  const testing::RecordedRequest request = service.lastRequest();
  EXPECT_EQ(request.target,
            std::string("/customvision/v3.0/prediction/") + kProjectId + "/detect/iterations/shapes%20model/image");
  EXPECT_EQ(request.files.count("imageData"), 1u);

  const RgbImage drawn = cvctl::decodeImage(testing::readWhole(drawing));
  ASSERT_EQ(drawn.width, 80);
  EXPECT_EQ(pixel(drawn, 20, 40), cvctl::tagColour(0));  // circle's left edge
  EXPECT_EQ(pixel(drawn, 59, 40), cvctl::tagColour(0));  // and its right edge
  EXPECT_EQ(pixel(drawn, 40, 40), kGrey);
  EXPECT_EQ(pixel(drawn, 9, 5), cvctl::tagColour(1));  // square, in the top-left corner
  EXPECT_EQ(pixel(drawn, 70, 70), kGrey);              // the improbable square is not drawn
}

TEST_F(CvctlDetection, DetectUrlWithoutStoreAndEveryBoxAtThresholdZero) {
  service.respond(200, detectionAnswer());
  const CvctlResult result =
      cvctl({"detect", kProjectId, "model", "http://example.com/a.jpg", "--no-store", "--threshold", "0"});
  ASSERT_EQ(result.exitCode, 0) << result.err;
  EXPECT_NE(result.out.find("0.040"), std::string::npos) << result.out;
  const testing::RecordedRequest request = service.lastRequest();
  EXPECT_EQ(request.target, std::string("/customvision/v3.0/prediction/") + kProjectId +
                                "/detect/iterations/model/url/nostore");
  EXPECT_EQ(json::parse(request.body), json({{"url", "http://example.com/a.jpg"}}));
}

// The first line of what cvctl printed on stderr: the mistake, above the command's usage.
std::string mistake(const CvctlResult& result) {
  EXPECT_EQ(result.exitCode, 2);
  return result.err.substr(0, result.err.find('\n'));
}

TEST_F(CvctlDetection, MistakesAreNamedBeforeAnyCall) {
  std::ofstream(dir.path() / "scene.png", std::ios::binary) << greyPng(8, 8);
  const std::string scene = (dir.path() / "scene.png").string();
  EXPECT_EQ(mistake(cvctl({"detect", kProjectId, "model", scene, "--threshold", "2"})),
            "cvctl detect: --threshold must be between 0 and 1");
  EXPECT_EQ(mistake(cvctl({"detect", kProjectId, "model", (dir.path() / "none.png").string()})),
            "cvctl detect: cannot read " + (dir.path() / "none.png").string());
  EXPECT_EQ(mistake(cvctl({"add-region", "p", "i", "circle", "0.1", "0.1", "wide", "0.2"})),
            "cvctl add-region: WIDTH needs a number, got 'wide'");
  EXPECT_EQ(mistake(cvctl({"demo", "--detection"})),
            "cvctl demo: --detection needs --scenes DIR, written by cvmock-fixtures --detection --out DIR");
  EXPECT_EQ(mistake(cvctl({"demo", "--scenes", "x"})), "cvctl demo: --scenes and --draw go with --detection");
  EXPECT_EQ(mistake(cvctl({"create-project", "p", "--detection", "--domain", "d"})),
            "cvctl create-project: --detection chooses the domain and the type");
  EXPECT_EQ(mistake(cvctl({"upload-regions", "p", dir.path().string()})),
            "cvctl upload-regions: no image in " + dir.path().string() +
                " has its regions beside it (<image stem>.json)");
  EXPECT_TRUE(service.requests().empty());
}

TEST_F(CvctlDetection, UploadRegionsCreatesTheTagsAndSendsEachImagesRegions) {
  std::ofstream(dir.path() / "scene_001.jpg", std::ios::binary) << "one";
  std::ofstream(dir.path() / "scene_001.json")
      << R"({"regions": [{"tagName": "square", "left": 0.5, "top": 0.25, "width": 0.125, "height": 0.25},
                         {"tagName": "circle", "left": 0, "top": 0, "width": 0.5, "height": 0.5}]})";
  std::ofstream(dir.path() / "scene_002.jpg", std::ios::binary) << "two";
  std::ofstream(dir.path() / "scene_002.json")
      << R"({"regions": [{"tagName": "circle", "left": 0.25, "top": 0.25, "width": 0.5, "height": 0.5}]})";
  const Project project{.id = kProjectId, .name = "scenes", .created = "c", .lastModified = "l"};
  const Tag circle{.id = "tc", .name = "circle"};
  const ImageCreateSummary uploaded{.isBatchSuccessful = true, .images = {{.status = ImageCreateStatus::OK},
                                                                         {.status = ImageCreateStatus::OK}}};
  service.respondInOrder({{.body = json(std::vector<Project>{project}).dump()},
                          {.body = json(std::vector<Tag>{circle}).dump()},
                          {.body = json(Tag{.id = "ts", .name = "square"}).dump()},
                          {.body = json(uploaded).dump()}});

  const CvctlResult result = cvctl({"upload-regions", "scenes", dir.path().string()});
  ASSERT_EQ(result.exitCode, 0) << result.err;
  EXPECT_EQ(result.out, "created tag ts 'square'\nuploaded 2/2\n");
  const std::vector<testing::RecordedRequest> requests = service.requests();
  ASSERT_EQ(requests.size(), 4u);
  const std::string projectPath = std::string("/customvision/v3.3/training/projects/") + kProjectId;
  EXPECT_EQ(requests[2].target, projectPath + "/tags?name=square");
  EXPECT_EQ(requests[3].target, projectPath + "/images/files");
  EXPECT_EQ(json::parse(requests[3].body), json::parse(R"({"images": [
      {"name": "scene_001.jpg", "contents": "b25l", "regions": [
          {"tagId": "ts", "left": 0.5, "top": 0.25, "width": 0.125, "height": 0.25},
          {"tagId": "tc", "left": 0, "top": 0, "width": 0.5, "height": 0.5}]},
      {"name": "scene_002.jpg", "contents": "dHdv", "regions": [
          {"tagId": "tc", "left": 0.25, "top": 0.25, "width": 0.5, "height": 0.5}]}]})"));
}

}  // namespace
}  // namespace cvmock::client
