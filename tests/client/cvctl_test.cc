// cvctl as a person (or a script, with --json) uses it: option mistakes named, the help table, and the commands for
// images, metadata, training, stored predictions, suggestions, publishing, exports and imports against cvmock.
#include <gtest/gtest.h>
#include <httplib.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>

#include "client/version.h"
#include "fixtures/generator.h"
#include "tests/client/cvctl_runner.h"
#include "tests/client/cvmock_server.h"
#include "tests/support/temp_dir.h"

namespace cvmock::client {
namespace {

using nlohmann::json;
using testing::CvctlResult;
using testing::CvmockServer;
using testing::runCvctl;

constexpr char kCompactDomain[] = "0732100f-1a38-4e49-a514-c9b44c697ab5";  // exportable

TEST(CvctlUsage, VersionIsTheProjects) {
  const CvctlResult result = runCvctl({"--version"});
  EXPECT_EQ(result.exitCode, 0);
  EXPECT_EQ(result.out, std::string("cvctl ") + kVersion + "\n");
}

TEST(CvctlUsage, AMisspelledFlagIsNamedAsUnknownWithTheNearestName) {
  const CvctlResult result = runCvctl({"train", "shapes", "--wiat"});
  EXPECT_EQ(result.exitCode, 2);
  EXPECT_EQ(result.err, "cvctl: unknown option --wiat for train (did you mean --wait?)\n");
}

TEST(CvctlUsage, OptionMistakesNameTheOption) {
  EXPECT_EQ(runCvctl({"train", "p", "--wait=yes"}).err, "cvctl: --wait is a flag and takes no value\n");
  EXPECT_EQ(runCvctl({"performance", "p", "i", "--threshold"}).err, "cvctl: --threshold needs a value\n");
  EXPECT_EQ(runCvctl({"projects", "--colour", "red"}).err, "cvctl: unknown option --colour for projects\n");
  EXPECT_EQ(runCvctl({"trian"}).err,
            "cvctl: unknown command 'trian' (did you mean 'train'?); `cvctl --help` lists them\n");
  EXPECT_EQ(runCvctl({"create-project", "p", "--type", "multi"}).exitCode, 2);
}

TEST(CvctlUsage, EveryCommandsSummaryStandsInItsOwnColumn) {
  const CvctlResult result = runCvctl({"--help"});
  ASSERT_EQ(result.exitCode, 0);
  std::istringstream lines(result.out.substr(result.out.find("commands:\n")));
  const std::regex row(R"(^  ([a-z-]+)( +)(\S.*)$)");
  std::set<size_t> summaryColumns;
  int rows = 0;
  std::string line;
  std::getline(lines, line);
  while (std::getline(lines, line) && !line.empty()) {
    std::smatch match;
    ASSERT_TRUE(std::regex_match(line, match, row)) << line;
    EXPECT_GE(match[2].length(), 2) << line;
    summaryColumns.insert(static_cast<size_t>(match.position(3)));
    ++rows;
  }
  EXPECT_GT(rows, 30);
  EXPECT_EQ(summaryColumns.size(), 1u) << "summaries do not line up";
  EXPECT_EQ(result.out.find("advance-trainingcvmock:"), std::string::npos);
}

// A cvmock, cvctl pointed at it, and shape images written as cvmock-fixtures writes them (DIR/<class>/<file>).
class CvctlAgainstCvmock : public ::testing::Test {
 protected:
  CvctlAgainstCvmock() {
    fixtures::FixtureSpec spec;
    spec.imagesPerClass = 7;
    spec.width = spec.height = 96;
    for (const auto& image : fixtures::generateFixtureSet(spec)) {
      std::filesystem::create_directories(images.path() / image.className);
      std::ofstream(images.path() / image.className / image.fileName, std::ios::binary) << image.bytes;
    }
  }

  CvctlResult cvctl(std::vector<std::string> args) {
    args.insert(args.begin(), {"--endpoint", cvmock.endpoint()});
    CvctlResult result = runCvctl(args);
    EXPECT_EQ(result.exitCode, 0) << args.back() << ": " << result.err;
    return result;
  }
  json cvctlJson(std::vector<std::string> args) {
    args.push_back("--json");
    return json::parse(cvctl(std::move(args)).out);
  }
  // The file of a shape's index-th image, whichever encoding it got.
  std::string image(const std::string& shape, int index) const {
    const std::filesystem::path stem = images.path() / shape / (shape + "_00" + std::to_string(index));
    const std::filesystem::path jpeg = stem.string() + ".jpg";
    return std::filesystem::exists(jpeg) ? jpeg.string() : stem.string() + ".png";
  }
  // A project of three shapes with five images each uploaded (and tagged) by cvctl.
  void uploadShapes(const std::string& project) {
    for (const char* shape : {"circle", "square", "triangle"}) {
      cvmock::testing::TempDir five;
      for (int i = 0; i < 5; ++i) {
        std::filesystem::copy_file(image(shape, i), five.path() / std::filesystem::path(image(shape, i)).filename());
      }
      const CvctlResult uploaded = cvctl({"upload", project, five.path().string(), "--tag", shape});
      EXPECT_NE(uploaded.out.find("uploaded 5/5"), std::string::npos) << uploaded.out;
    }
  }

  CvmockServer cvmock{{"--training-mode", "immediate"}};
  cvmock::testing::TempDir images;
};

TEST_F(CvctlAgainstCvmock, ImagesMetadataFilterAndDelete) {
  const json project = cvctlJson({"create-project", "shapes", "--type", "multiclass"});
  EXPECT_EQ(project["settings"]["classificationType"], "Multiclass");
  uploadShapes("shapes");
  const json all = cvctlJson({"images", "shapes"});
  ASSERT_EQ(all.size(), 15u);
  std::vector<std::string> circles;
  for (const json& image : all) {
    if (image["tags"][0]["tagName"] == "circle") circles.push_back(image["id"]);
  }
  ASSERT_EQ(circles.size(), 5u);

  cvctl({"image-metadata", "shapes", circles[0] + "," + circles[1], "shape=circle", "source=cvctl"});
  const json filtered = cvctlJson({"images", "shapes", "--filter", "shape eq 'circle' and source eq 'cvctl'"});
  ASSERT_EQ(filtered.size(), 2u);
  EXPECT_EQ(filtered[0]["metadata"]["source"], "cvctl");
  EXPECT_EQ(cvctl({"images", "shapes", "--count", "--filter", "shape eq 'circle'"}).out, "2\n");
  EXPECT_EQ(cvctl({"images", "shapes", "--count", "--tag", "square"}).out, "5\n");
  EXPECT_EQ(cvctlJson({"images", "shapes", "--tagged", "--take", "3"}).size(), 3u);

  cvctl({"delete-images", "shapes", circles[0]});
  EXPECT_EQ(cvctl({"images", "shapes", "--count"}).out, "14\n");
  const json tags = cvctlJson({"tags", "shapes"});
  ASSERT_EQ(tags.size(), 3u);
}

// cvmock fetches from loopback hosts by default: the images folder served on 127.0.0.1 stands for a web server.
TEST_F(CvctlAgainstCvmock, UploadUrlsHasTheServiceFetchTheImages) {
  httplib::Server files;
  files.set_mount_point("/", images.path().string());
  const int port = files.bind_to_any_port("127.0.0.1");
  std::thread serving([&] { files.listen_after_bind(); });
  while (!files.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  const std::string base = "http://127.0.0.1:" + std::to_string(port) + "/circle/";
  cvctl({"create-project", "from urls"});
  const std::string first = std::filesystem::path(image("circle", 0)).filename().string();
  const std::string second = std::filesystem::path(image("circle", 1)).filename().string();
  const CvctlResult uploaded = cvctl({"upload-urls", "from urls", base + first, base + second, "--tag", "circle"});
  EXPECT_NE(uploaded.out.find("uploaded 2 image(s) from URLs"), std::string::npos) << uploaded.out;
  EXPECT_EQ(cvctl({"images", "from urls", "--count", "--tag", "circle"}).out, "2\n");
  const CvctlResult missing =
      runCvctl({"--endpoint", cvmock.endpoint(), "upload-urls", "from urls", base + "none.jpg"});
  EXPECT_EQ(missing.exitCode, 1);
  EXPECT_NE(missing.err.find("ErrorSource"), std::string::npos) << missing.err;
  files.stop();
  serving.join();
}

TEST_F(CvctlAgainstCvmock, TrainQuickTestPredictionsSuggestionsPublishAndUnpublish) {
  cvctl({"create-project", "shapes", "--type", "Multiclass"});
  uploadShapes("shapes");
  TrainingClient training = cvmock.training();
  const std::string projectId = training.getProjects().at(0).id;
  for (const char* shape : {"circle", "square"}) {
    training.createImagesFromData(projectId, {ImageFile{testing::readWhole(image(shape, 5)), std::nullopt}});
  }

  const json trained = cvctlJson({"train", "shapes", "--wait"});
  EXPECT_EQ(trained["status"], "Completed");
  const json iterations = cvctlJson({"iterations", "shapes"});
  ASSERT_EQ(iterations.size(), 1u);
  EXPECT_EQ(iterations[0]["name"], "Iteration 1");

  const json tested = cvctlJson({"quick-test", "shapes", image("triangle", 6), "--iteration", "Iteration 1"});
  EXPECT_EQ(tested["predictions"][0]["tagName"], "triangle");
  cvctlJson({"quick-test", "shapes", image("circle", 6), "--no-store"});
  const json stored = cvctlJson({"predictions", "shapes"});
  ASSERT_EQ(stored["results"].size(), 1u);
  EXPECT_EQ(stored["results"][0]["id"], tested["id"]);

  const json suggestions = cvctlJson({"suggestions", "shapes", "Iteration 1", "--threshold", "0"});
  EXPECT_EQ(suggestions["results"].size(), 2u);

  cvctl({"publish", "shapes", "Iteration 1", "shapes model"});
  const json predicted = cvctlJson({"predict", "shapes", "shapes model", image("square", 6)});
  EXPECT_EQ(predicted["predictions"][0]["tagName"], "square");
  EXPECT_NE(cvctl({"predict", "shapes", "shapes model", image("circle", 6)}).out.find("circle"), std::string::npos);
  cvctl({"unpublish", "shapes", "Iteration 1"});
  const CvctlResult gone = runCvctl({"--endpoint", cvmock.endpoint(), "predict", "shapes", "shapes model",
                                     image("square", 6)});
  EXPECT_EQ(gone.exitCode, 1);
  EXPECT_NE(gone.err.find("NotFoundIteration"), std::string::npos) << gone.err;
  EXPECT_NE(gone.err.find("request id"), std::string::npos) << gone.err;

  cvctl({"delete-predictions", "shapes", tested["id"]});
  EXPECT_EQ(cvctlJson({"predictions", "shapes"})["results"].size(), 2u);  // the two predict calls' results
}

TEST_F(CvctlAgainstCvmock, ExportAndImportAProjectAndDownloadAnIterationsModel) {
  cvctl({"create-project", "compact", "--domain", kCompactDomain, "--type", "Multiclass"});
  uploadShapes("compact");
  cvctl({"train", "compact", "--wait"});

  const std::string zip = (images.path() / "model.zip").string();
  const CvctlResult exported = cvctl({"export-iteration", "compact", "Iteration 1", "--platform", "TensorFlow",
                                      "--out", zip});
  EXPECT_NE(exported.out.find("downloaded"), std::string::npos);
  EXPECT_EQ(testing::readWhole(zip).substr(0, 4), "PK\x03\x04");
  const json exports = cvctlJson({"exports", "compact", "Iteration 1"});
  ASSERT_EQ(exports.size(), 1u);
  EXPECT_EQ(exports[0]["status"], "Done");

  std::string token = cvctl({"export-project", "compact"}).out;
  token.pop_back();  // the newline
  const json imported = cvctlJson({"import-project", token, "--name", "copy", "--wait"});
  EXPECT_EQ(imported["name"], "copy");
  EXPECT_EQ(imported["status"], "Succeeded");
  EXPECT_EQ(cvctl({"images", "copy", "--count"}).out, "15\n");
}

}  // namespace
}  // namespace cvmock::client
