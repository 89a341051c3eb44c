// The contention mode: ClassifyImageWithNoStore from one connection, timed alone and while other connections
// upload (CreateImagesFromFiles) and train (TrainProject, forceTrain) on the same server. A prediction reads no
// state that an upload or a training writes, so what it waits for beyond the CPU they take is a shared lock.
#include "bench/load/contention.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <memory>
#include <thread>
#include <vector>

#include "bench/load/api_calls.h"
#include "bench/load/server_process.h"
#include "bench/load/workload.h"

namespace cvmock::bench {
namespace {

using Clock = std::chrono::steady_clock;
const std::string kPredictionBase = "/customvision/v3.0/prediction";

// Runs `body` on its own thread until stop(); stop() waits for the call in progress to end.
class Background {
 public:
  template <typename Body>
  explicit Background(Body body) : thread_([this, body]() mutable {
      while (!stopping_) body();
    }) {}
  ~Background() { stop(); }
  void stop() {
    stopping_ = true;
    if (thread_.joinable()) thread_.join();
  }

 private:
  std::atomic<bool> stopping_{false};
  std::thread thread_;
};

struct Phase {
  const char* name;
  bool uploads;
  bool training;
};

}  // namespace

int contention(const std::string& binary, const std::map<std::string, std::string>& options) {
  const double seconds = std::stod(options.count("--seconds") ? options.at("--seconds") : "5");
  const int trainImages = std::stoi(options.count("--train-images") ? options.at("--train-images") : "5000");
  std::vector<std::string> arguments;
  if (options.count("--data-dir")) arguments = {"--data-dir", options.at("--data-dir")};
  const std::string image = imagesByTag(1, 1, 256)[0][0];
  // Distinct 256 x 256 JPEGs for the uploads: each pass goes to a new project, so none is a duplicate.
  std::vector<std::string> uploads;
  for (auto& tag : imagesByTag(5, 256, 256)) uploads.insert(uploads.end(), tag.begin(), tag.end());

  ServerProcess server(binary, arguments);
  const std::string endpoint = server.endpoint();
  const auto [projectId, tagIds] = uploadAll(endpoint, imagesByTag(3, 30, 256), 2);
  ApiCalls setup(endpoint);
  setup.publish(projectId, setup.trainAndWait(projectId), "bench");
  const std::string trainedProject = uploadAll(endpoint, imagesByTag(5, trainImages / 5, 64), 2).first;

  std::printf("ClassifyImageWithNoStore, 256x256 JPEG, 1 connection, %.0f s per phase; %s store\n", seconds,
              options.count("--data-dir") ? "on-disk" : "in-memory");
  std::printf("uploads: CreateImagesFromFiles, 64 distinct 256x256 JPEGs a call, 1 connection; training: "
              "TrainProject forceTrain on %d 64x64 images x 5 tags, again as soon as one completes\n\n",
              trainImages);
  std::printf("%-22s  predictions/s  p50 ms  p99 ms  max ms  errors  images uploaded/s  trainings\n", "phase");
  const Phase phases[] = {{"alone", false, false},
                          {"with uploads", true, false},
                          {"with training", false, true},
                          {"with uploads+training", true, true},
                          {"alone again", false, false}};
  ApiCalls predictions(endpoint, kPredictionBase);
  for (const Phase& phase : phases) {
    std::atomic<int> uploaded{0};
    std::atomic<int> trainings{0};
    std::vector<std::unique_ptr<Background>> writers;
    if (phase.uploads) {
      writers.push_back(std::make_unique<Background>([&, calls = std::make_shared<ApiCalls>(endpoint),
                                                      project = std::string(), tag = std::string(),
                                                      next = uploads.size()]() mutable {
        if (next >= uploads.size()) {
          project = calls->createProject("writer");
          tag = calls->createTag(project, "w");
          next = 0;
        }
        const std::size_t end = std::min(uploads.size(), next + 64);
        uploaded += calls->uploadFiles(project, tag, std::vector<std::string>(uploads.begin() + next, uploads.begin() + end));
        next = end;
      }));
    }
    if (phase.training) {
      writers.push_back(std::make_unique<Background>([&, calls = std::make_shared<ApiCalls>(endpoint)] {
        calls->trainAndWait(trainedProject, true);
        ++trainings;
      }));
    }
    if (!writers.empty()) std::this_thread::sleep_for(std::chrono::milliseconds(200));  // writers under way
    std::vector<double> latencies;
    int errors = 0;
    const auto start = Clock::now();
    const auto deadline = start + std::chrono::duration<double>(seconds);
    while (Clock::now() < deadline) {
      const auto sent = Clock::now();
      if (predictions.classifyNoStore(projectId, "bench", image) != 200) ++errors;
      latencies.push_back(std::chrono::duration<double, std::milli>(Clock::now() - sent).count());
    }
    const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    const int uploadedDuring = uploaded.load();
    const int trainingsDuring = trainings.load();
    const std::size_t count = latencies.size();
    const double p50 = percentile(latencies, 0.5);
    const double p99 = percentile(latencies, 0.99);
    const double worst = percentile(latencies, 1.0);
    std::printf("%-22s  %13.0f  %6.2f  %6.2f  %6.1f  %6d  %17.0f  %9d\n", phase.name, count / elapsed, p50, p99,
                worst, errors, uploadedDuring / elapsed, trainingsDuring);
    std::fflush(stdout);
    writers.clear();  // stops them: each ends the call it is in
  }
  return 0;
}

}  // namespace cvmock::bench
