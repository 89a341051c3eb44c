// load_generator detect: a detector trained and published through the API, then timed DetectImageWithNoStore
// and GetImageRegionProposals calls, read from cvmock's own request log.
#include "bench/load/detection_load.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <stdexcept>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "bench/load/api_calls.h"
#include "bench/load/server_process.h"
#include "bench/load/workload.h"
#include "fixtures/detection_scenes.h"

namespace cvmock::bench {
namespace {

using Clock = std::chrono::steady_clock;

constexpr std::size_t kUploadBatch = 32;  // 640 x 480 JPEGs, base64: about 2.3 MB a call

int number(const std::map<std::string, std::string>& options, const std::string& name, int fallback) {
  const auto it = options.find(name);
  return it == options.end() ? fallback : std::stoi(it->second);
}

fixtures::DetectionSceneSpec sceneSpec(const std::map<std::string, std::string>& options, int images,
                                       std::uint64_t seed) {
  fixtures::DetectionSceneSpec spec;
  spec.images = images;
  spec.seed = seed;
  spec.minObjects = number(options, "--min-objects", 1);
  spec.maxObjects = number(options, "--max-objects", 4);
  return spec;
}

// The server's own duration (ms) of every request of `operation` in its JSON request log. The log's last lines
// may still be on their way through the pipe: waits up to a second for `expected` of them.
std::vector<double> loggedMilliseconds(const ServerProcess& server, const std::string& operation,
                                       std::size_t expected) {
  std::vector<double> values;
  for (const Clock::time_point giveUp = Clock::now() + std::chrono::seconds(1);
       values.size() < expected && Clock::now() < giveUp; std::this_thread::sleep_for(std::chrono::milliseconds(10))) {
    values.clear();
    for (const std::string& line : server.outputLines()) {
      const nlohmann::json entry = nlohmann::json::parse(line, nullptr, false);
      if (!entry.is_object() || entry.value("operation", "") != operation) continue;
      if (entry.value("status", 0) != 200) throw std::runtime_error(operation + " answered " + line);
      values.push_back(entry.at("ms").get<double>());
    }
  }
  return values;
}

// `cpu`: cvmock's CPU seconds over the calls.
void printTimes(const char* label, std::vector<double> server, std::vector<double> client, double cpu) {
  const std::size_t count = client.size();
  std::printf("%-24s %5zu calls  server p50 %6.2f ms  p95 %6.2f ms  |  round trip p50 %6.2f ms  p95 %6.2f ms  "
              "min %6.2f ms  |  cvmock CPU %5.2f ms/call\n",
              label, count, percentile(server, 0.5), percentile(server, 0.95), percentile(client, 0.5),
              percentile(client, 0.95), percentile(client, 0.0), cpu * 1000 / static_cast<double>(count));
  if (server.size() != count) std::printf("  (the log holds %zu of them)\n", server.size());
}

}  // namespace

int detection(const std::string& binary, const std::map<std::string, std::string>& options) {
  const int trainCount = number(options, "--train", 200);
  const int requests = number(options, "--requests", 200);
  const fixtures::DetectionSceneSpec trainSpec = sceneSpec(options, trainCount, 1);
  std::vector<fixtures::DetectionScene> scenes = fixtures::generateDetectionScenes(trainSpec);

  ServerProcess server(binary, {"--log-format", "json"}, true);
  ApiCalls calls(server.endpoint());
  const std::string projectId = calls.createDetectionProject("detection-bench");
  std::map<std::string, std::string> tagIds;
  for (const std::string& name : trainSpec.classes) tagIds[name] = calls.createTag(projectId, name);

  // Uploads one batch at a time, the scenes' bytes dropped once sent, so the bench holds little beside cvmock.
  std::vector<std::string> imageIds;
  std::size_t regions = 0;
  const Clock::time_point uploadStart = Clock::now();
  for (std::size_t first = 0; first < scenes.size(); first += kUploadBatch) {
    nlohmann::json entries = nlohmann::json::array();
    for (std::size_t i = first; i < std::min(scenes.size(), first + kUploadBatch); ++i) {
      nlohmann::json boxes = nlohmann::json::array();
      for (const fixtures::SceneObject& o : scenes[i].objects) {
        boxes.push_back({{"tagId", tagIds.at(o.className)}, {"left", o.left}, {"top", o.top}, {"width", o.width},
                         {"height", o.height}});
      }
      regions += scenes[i].objects.size();
      entries.push_back({{"name", scenes[i].fileName}, {"contents", base64(scenes[i].bytes)}, {"regions", boxes}});
      std::string().swap(scenes[i].bytes);
    }
    for (std::string& id : calls.uploadEntries(projectId, entries)) imageIds.push_back(std::move(id));
  }
  const double uploadSeconds = std::chrono::duration<double>(Clock::now() - uploadStart).count();
  const double uploadedRss = server.peakResidentMiB();
  std::printf("uploaded %zu scenes (640x480 JPEG), %zu regions, with CreateImagesFromFiles in %.1f s; cvmock peak RSS %.0f MiB\n",
              imageIds.size(), regions, uploadSeconds, uploadedRss);

  const double cpuBefore = server.cpuSeconds();
  const std::map<int, double> threadsBefore = server.threadCpuSeconds();
  const Clock::time_point trainStart = Clock::now();
  const std::string iterationId = calls.trainAndWait(projectId);
  const double trainSeconds = std::chrono::duration<double>(Clock::now() - trainStart).count();
  // The training thread runs the serial steps and takes its share of the parallel ones: on idle cores its CPU
  // time is about the wall time, whatever else shares this machine now.
  double busiestThread = 0;
  for (const auto& [thread, seconds] : server.threadCpuSeconds()) {
    const auto before = threadsBefore.find(thread);
    busiestThread = std::max(busiestThread, seconds - (before == threadsBefore.end() ? 0 : before->second));
  }
  std::printf("TrainProject -> Completed: %.2f s wall, %.2f s cvmock CPU (%.2f s on its busiest thread); "
              "cvmock peak RSS %.0f MiB\n",
              trainSeconds, server.cpuSeconds() - cpuBefore, busiestThread, server.peakResidentMiB());
  calls.publish(projectId, iterationId, "bench");

  std::vector<fixtures::DetectionScene> fresh =
      fixtures::generateDetectionScenes(sceneSpec(options, requests, 1001));
  std::size_t bytes = 0;
  for (const fixtures::DetectionScene& scene : fresh) bytes += scene.bytes.size();
  std::printf("DetectImageWithNoStore on %d fresh scenes (mean %.1f KB), GetImageRegionProposals on %d stored ones, "
              "one call at a time\n",
              requests, static_cast<double>(bytes) / requests / 1024, requests);
  const auto timed = [](auto call) {
    const Clock::time_point start = Clock::now();
    if (const int status = call(); status != 200) throw std::runtime_error("HTTP " + std::to_string(status));
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
  };
  std::vector<double> detectTrip, proposalTrip;
  const double detectCpu = server.cpuSeconds();
  for (int i = 0; i < requests; ++i) {
    detectTrip.push_back(timed([&] { return calls.detectNoStore(projectId, "bench", fresh[i].bytes); }));
  }
  const double proposalCpu = server.cpuSeconds();
  for (int i = 0; i < requests; ++i) {
    const std::string& imageId = imageIds[static_cast<std::size_t>(i) % imageIds.size()];
    proposalTrip.push_back(timed([&] { return calls.regionProposals(projectId, imageId); }));
  }
  const double endCpu = server.cpuSeconds();
  const auto count = static_cast<std::size_t>(requests);
  printTimes("DetectImageWithNoStore", loggedMilliseconds(server, "DetectImageWithNoStore", count), detectTrip,
             proposalCpu - detectCpu);
  printTimes("GetImageRegionProposals", loggedMilliseconds(server, "GetImageRegionProposals", count), proposalTrip,
             endCpu - proposalCpu);
  std::printf("cvmock peak RSS over the run: %.0f MiB\n", server.peakResidentMiB());
  return 0;
}

}  // namespace cvmock::bench
