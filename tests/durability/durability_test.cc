// Durability of the real cvmock: SIGKILL in the middle of uploads and training loses nothing acknowledged,
// and a restarted cvmock predicts exactly as before.
#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <set>
#include <thread>

#include "fixtures/generator.h"
#include "tests/support/cvmock_process.h"
#include "tests/support/http_session.h"
#include "tests/support/labelled_project.h"
#include "tests/support/temp_dir.h"

namespace cvmock::testing {
namespace {

const std::string kResourceId =
    "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/cvmock/providers/"
    "Microsoft.CognitiveServices/accounts/cvmock-prediction";

std::vector<fixtures::FixtureImage> shapes(std::vector<std::string> classes, int perClass, int side,
                                           std::uint64_t seed) {
  fixtures::FixtureSpec spec;
  spec.classes = std::move(classes);
  spec.imagesPerClass = perClass;
  spec.width = spec.height = side;
  spec.seed = seed;
  return fixtures::generateFixtureSet(spec);
}

CvmockProcess startOn(const TempDir& dir) { return CvmockProcess(CVMOCK_BINARY, {"--data-dir", dir.path().string()}); }

// Every image id GetImages lists, page by page.
std::set<std::string> listImageIds(HttpSession& training, const std::string& projectId) {
  std::set<std::string> ids;
  for (int skip = 0;; skip += 256) {
    Reply page = training.get("/projects/" + projectId + "/images?take=256&skip=" + std::to_string(skip));
    EXPECT_EQ(page.status, 200) << page.body;
    for (const auto& image : page.json()) ids.insert(image["id"].get<std::string>());
    if (page.json().size() < 256) return ids;
  }
}

// Uploads untagged batches of `images` until they run out or cvmock stops answering; returns the ids
// of the images cvmock acknowledged (200, or 207 with OK / OKDuplicate for the image) and counts each
// acknowledged batch in `batches`.
std::vector<std::string> uploadUntilKilled(const std::string& endpoint, const std::string& projectId,
                                           const std::vector<fixtures::FixtureImage>& images,
                                           std::atomic<int>& batches) {
  HttpSession training = trainingSession(endpoint);
  std::vector<std::string> acknowledged;
  for (std::size_t start = 0; start < images.size(); start += 8) {
    std::vector<std::string> batch;
    for (std::size_t i = start; i < std::min(images.size(), start + 8); ++i) batch.push_back(images[i].bytes);
    Reply reply;
    try {
      reply = training.postImages("/projects/" + projectId + "/images", batch);
    } catch (const std::runtime_error&) {
      break;  // killed: this batch was never acknowledged
    }
    if (reply.status != 200 && reply.status != 207) continue;
    ++batches;
    const nlohmann::json body = reply.json();
    for (const auto& result : body["images"]) {
      const std::string status = result["status"];
      if (status == "OK" || status == "OKDuplicate") acknowledged.push_back(result["image"]["id"]);
    }
  }
  return acknowledged;
}

TEST(Durability, SigkillLosesNoAcknowledgedImageAndFailsTheInterruptedTraining) {
  TempDir dir;
  std::string projectId, iterationId;
  std::set<std::string> acknowledged;
  {
    CvmockProcess cvmock = startOn(dir);
    HttpSession training = trainingSession(cvmock.endpoint());
    const LabelledProject project = createLabelledProject(training, shapes({"circle", "square"}, 40, 128, 1));
    projectId = project.projectId;
    const std::set<std::string> labelled = listImageIds(training, projectId);
    acknowledged.insert(labelled.begin(), labelled.end());

    std::vector<std::vector<fixtures::FixtureImage>> pools;
    for (int t = 0; t < 4; ++t) pools.push_back(shapes({"circle", "square", "triangle"}, 100, 64, 100 + t));
    std::mutex mutex;
    std::atomic<int> batches{0};
    std::vector<std::thread> uploaders;
    for (int t = 0; t < 4; ++t) {
      uploaders.emplace_back([&, t] {
        const auto ids = uploadUntilKilled(cvmock.endpoint(), projectId, pools[t], batches);
        std::lock_guard lock(mutex);
        acknowledged.insert(ids.begin(), ids.end());
      });
    }
    // Train, and kill, while the uploads are in full flow.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (batches < 8 && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    Reply train = training.post("/projects/" + projectId + "/train");
    ASSERT_EQ(train.status, 200) << train.body;
    iterationId = train.json()["id"];
    ASSERT_EQ(train.json()["status"], "Training");
    const int status = cvmock.kill(SIGKILL);
    for (std::thread& uploader : uploaders) uploader.join();
    ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
  }

  CvmockProcess cvmock = startOn(dir);
  HttpSession training = trainingSession(cvmock.endpoint());
  const std::set<std::string> stored = listImageIds(training, projectId);
  std::cout << "[ durable ] " << acknowledged.size() << " images acknowledged, " << stored.size()
            << " stored after SIGKILL\n";
  for (const std::string& id : acknowledged) EXPECT_TRUE(stored.contains(id)) << "lost image " << id;
  EXPECT_EQ(training.get("/projects/" + projectId + "/images/count").body, std::to_string(stored.size()));

  // The reason is in trainingErrorDetails, which v3.4-preview has and v3.3 does not.
  const std::string iterationPath = "/projects/" + projectId + "/iterations/" + iterationId;
  EXPECT_EQ(training.get(iterationPath).json()["status"], "Failed");
  const nlohmann::json iteration =
      trainingSession(cvmock.endpoint(), "cvmock-training-key", "v3.4-preview").get(iterationPath).json();
  EXPECT_EQ(iteration["status"], "Failed");
  EXPECT_NE(iteration.value("trainingErrorDetails", "").find("interrupted"), std::string::npos);

  // Ids drawn after the restart never repeat one handed out before it.
  Reply created = training.post("/projects?name=after-restart");
  ASSERT_EQ(created.status, 200) << created.body;
  EXPECT_NE(created.json()["id"], projectId);
  EXPECT_FALSE(stored.contains(created.json()["id"]));
  Reply retrain = training.post("/projects/" + projectId + "/train?forceTrain=true");
  ASSERT_EQ(retrain.status, 200) << retrain.body;
  EXPECT_NE(retrain.json()["id"], iterationId);
  EXPECT_EQ(waitForIteration(training, projectId, retrain.json()["id"])["status"], "Completed");
}

// The `predictions` of ClassifyImage for each image, as the wire wrote them.
std::vector<std::string> classifyAll(const std::string& endpoint, const std::string& projectId,
                                     const std::vector<fixtures::FixtureImage>& images) {
  HttpSession prediction = predictionSession(endpoint);
  std::vector<std::string> out;
  for (const fixtures::FixtureImage& image : images) {
    Reply reply = prediction.post("/" + projectId + "/classify/iterations/model/image", image.bytes,
                                  "application/octet-stream");
    EXPECT_EQ(reply.status, 200) << reply.body;
    out.push_back(reply.json()["predictions"].dump());
  }
  return out;
}

TEST(Durability, APublishedIterationPredictsTheSameAfterARestart) {
  TempDir dir;
  const auto probes = shapes({"circle", "square", "triangle"}, 3, 128, 9);
  std::string projectId, iterationId, performance;
  std::vector<std::string> before;
  {
    CvmockProcess cvmock = startOn(dir);
    HttpSession training = trainingSession(cvmock.endpoint());
    projectId = createLabelledProject(training, shapes({"circle", "square", "triangle"}, 12, 128, 1)).projectId;
    Reply train = training.post("/projects/" + projectId + "/train");
    ASSERT_EQ(train.status, 200) << train.body;
    iterationId = train.json()["id"];
    ASSERT_EQ(waitForIteration(training, projectId, iterationId)["status"], "Completed");
    Reply publish = training.post("/projects/" + projectId + "/iterations/" + iterationId +
                                  "/publish?publishName=model&predictionId=" + kResourceId);
    ASSERT_EQ(publish.status, 200) << publish.body;
    performance = training.get("/projects/" + projectId + "/iterations/" + iterationId + "/performance").body;
    before = classifyAll(cvmock.endpoint(), projectId, probes);
    cvmock.kill(SIGKILL);
  }
  CvmockProcess cvmock = startOn(dir);
  HttpSession training = trainingSession(cvmock.endpoint());
  EXPECT_EQ(classifyAll(cvmock.endpoint(), projectId, probes), before);
  EXPECT_EQ(training.get("/projects/" + projectId + "/iterations/" + iterationId + "/performance").body, performance);
  EXPECT_EQ(training.get("/projects/" + projectId + "/iterations/" + iterationId).json()["publishName"], "model");
}

}  // namespace
}  // namespace cvmock::testing
