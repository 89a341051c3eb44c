// 32 clients at once for a bounded time: uploads, listings, trainings, predictions and project churn.
// Batches are seen whole or not at all, nothing deadlocks, and the final counts match what was acknowledged.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <functional>
#include <mutex>
#include <thread>

#include "fixtures/generator.h"
#include "tests/support/http_session.h"
#include "tests/support/labelled_project.h"
#include "tests/support/test_server.h"

namespace cvmock::testing {
namespace {

constexpr int kBatch = 4;  // every upload carries exactly this many images
constexpr auto kDuration = std::chrono::seconds(3);
constexpr int kUploaders = 12, kListers = 8, kPredictors = 8, kTrainers = 2, kChurners = 2;
const std::string kResourceId =
    "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/cvmock/providers/"
    "Microsoft.CognitiveServices/accounts/cvmock-prediction";

std::vector<fixtures::FixtureImage> shapes(int perClass, std::uint64_t seed) {
  fixtures::FixtureSpec spec;
  spec.imagesPerClass = perClass;
  spec.width = spec.height = 64;
  spec.seed = seed;
  return fixtures::generateFixtureSet(spec);
}

// What the clients saw: the problems they found and the uploads cvmock acknowledged.
struct Tally {
  std::mutex mutex;
  std::vector<std::string> problems;
  std::atomic<int> acknowledgedImages{0};
  std::atomic<int> predictions{0};
  std::atomic<int> trainingsStarted{0};

  void problem(const std::string& what) {
    std::lock_guard lock(mutex);
    problems.push_back(what);
  }
};

class Concurrency : public ::testing::Test {
 protected:
  void SetUp() override {
    HttpSession training = trainingSession(server_.endpoint());
    trained_ = createLabelledProject(training, shapes(8, 1));
    Reply train = training.post("/projects/" + trained_.projectId + "/train");
    ASSERT_EQ(train.status, 200) << train.body;
    ASSERT_EQ(waitForIteration(training, trained_.projectId, train.json()["id"])["status"], "Completed");
    Reply publish = training.post("/projects/" + trained_.projectId + "/iterations/" +
                                  train.json()["id"].get<std::string>() +
                                  "/publish?publishName=model&predictionId=" + kResourceId);
    ASSERT_EQ(publish.status, 200) << publish.body;
    Reply project = training.post("/projects?name=uploads");
    uploadProject_ = project.json()["id"];
    uploadTag_ = training.post("/projects/" + uploadProject_ + "/tags?name=shape").json()["id"];
    probe_ = shapes(1, 77).front().bytes;
    expectedPredictions_ = classify(predictionSession(server_.endpoint())).json()["predictions"].dump();
  }

  Reply classify(HttpSession prediction) {
    return prediction.post("/" + trained_.projectId + "/classify/iterations/model/image", probe_,
                           "application/octet-stream");
  }

  // Runs `body` over and over on its own session until the time is up.
  std::thread client(const std::string& role, std::function<void(HttpSession&)> body) {
    return std::thread([this, role, body] {
      HttpSession training = trainingSession(server_.endpoint());
      try {
        while (std::chrono::steady_clock::now() < deadline_) body(training);
      } catch (const std::exception& error) {
        tally_.problem(role + " failed: " + error.what());
      }
    });
  }

  void upload(HttpSession& training, const std::vector<fixtures::FixtureImage>& pool, std::size_t& next) {
    if (next + kBatch > pool.size()) {  // this client's images are used up: idle rather than spin
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
      return;
    }
    std::vector<std::string> batch;
    for (int i = 0; i < kBatch; ++i) batch.push_back(pool[next++].bytes);
    Reply reply = training.postImages("/projects/" + uploadProject_ + "/images?tagIds=" + uploadTag_, batch);
    if (reply.status != 200) return tally_.problem("upload " + std::to_string(reply.status) + " " + reply.body);
    tally_.acknowledgedImages += kBatch;
  }

  void list(HttpSession& training) {
    Reply count = training.get("/projects/" + uploadProject_ + "/images/count");
    if (count.status != 200 || std::stoi(count.body) % kBatch != 0) tally_.problem("torn count " + count.body);
    Reply page = training.get("/projects/" + uploadProject_ + "/images?take=256");
    const std::size_t listed = page.json().size();
    if (page.status != 200 || (listed < 256 && listed % kBatch != 0)) {
      tally_.problem("torn listing of " + std::to_string(listed));
    }
  }

  void predict(HttpSession&) {
    Reply reply = classify(predictionSession(server_.endpoint()));
    if (reply.status != 200 || reply.json()["predictions"].dump() != expectedPredictions_) {
      return tally_.problem("prediction " + std::to_string(reply.status) + " " + reply.body);
    }
    ++tally_.predictions;
  }

  void train(HttpSession& training) {
    Reply reply = training.post("/projects/" + trained_.projectId + "/train?forceTrain=true");
    if (reply.status == 200) {
      ++tally_.trainingsStarted;
    } else if (reply.code() != "BadRequestTrainingAlreadyInProgress") {
      tally_.problem("train " + reply.body);
    }
    if (training.get("/projects/" + trained_.projectId + "/iterations").status != 200) tally_.problem("iterations");
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }

  void churn(HttpSession& training) {
    Reply project = training.post("/projects?name=churn");
    if (project.status != 200) return tally_.problem("create project " + project.body);
    const std::string id = project.json()["id"];
    if (training.post("/projects/" + id + "/tags?name=t").status != 200) tally_.problem("create tag");
    if (training.del("/projects/" + id).status != 204) tally_.problem("delete project");
  }

  TestServer server_;
  LabelledProject trained_;
  std::string uploadProject_, uploadTag_, probe_, expectedPredictions_;
  std::chrono::steady_clock::time_point deadline_;
  Tally tally_;
};

TEST_F(Concurrency, ThirtyTwoClientsAtOnce) {
  std::vector<std::vector<fixtures::FixtureImage>> pools;
  for (int i = 0; i < kUploaders; ++i) pools.push_back(shapes(40, 1000 + i));
  std::vector<std::size_t> next(kUploaders, 0);

  deadline_ = std::chrono::steady_clock::now() + kDuration;
  std::vector<std::thread> clients;
  for (int i = 0; i < kUploaders; ++i) {
    clients.push_back(client("uploader", [&, i](HttpSession& s) { upload(s, pools[i], next[i]); }));
  }
  for (int i = 0; i < kListers; ++i) clients.push_back(client("lister", [&](HttpSession& s) { list(s); }));
  for (int i = 0; i < kPredictors; ++i) clients.push_back(client("predictor", [&](HttpSession& s) { predict(s); }));
  for (int i = 0; i < kTrainers; ++i) clients.push_back(client("trainer", [&](HttpSession& s) { train(s); }));
  for (int i = 0; i < kChurners; ++i) clients.push_back(client("churner", [&](HttpSession& s) { churn(s); }));
  ASSERT_GE(clients.size(), 32u);
  for (std::thread& c : clients) c.join();

  for (const std::string& problem : tally_.problems) ADD_FAILURE() << problem;
  HttpSession training = trainingSession(server_.endpoint());
  EXPECT_EQ(training.get("/projects/" + uploadProject_ + "/images/count").body,
            std::to_string(tally_.acknowledgedImages.load()));
  EXPECT_EQ(training.get("/projects").json().size(), 2u);  // every churned project was deleted
  EXPECT_GT(tally_.acknowledgedImages.load(), 0);
  EXPECT_GT(tally_.predictions.load(), kPredictors);
  EXPECT_GT(tally_.trainingsStarted.load(), 0);
  std::cout << "[ clients ] " << tally_.acknowledgedImages << " images, " << tally_.predictions << " predictions, "
            << tally_.trainingsStarted << " trainings in " << kDuration.count() << " s\n";
}

}  // namespace
}  // namespace cvmock::testing
