// load_generator: cvmock under load over loopback, with cvmock started as a child process.
//
//   load_generator predict [--connections 1,2,8] [--seconds 5] [--prism PATH]
//                                                                 ClassifyImageWithNoStore, 256 x 256 JPEG; with
//                                                                 --prism, the same request to Stoplight Prism
//   load_generator ingest [--images 1280]                         CreateImagesFromData, batches of 64
//   load_generator train --images N [--tags T]                    TrainProject -> Completed wall time
//   load_generator contention [--seconds 5] [--train-images 5000] [--data-dir DIR]
//                                                                 prediction p50/p99 alone, and while uploads
//                                                                 and trainings run (bench/load/contention.h)
//   load_generator detect [--train 200] [--requests 200] [--min-objects 1] [--max-objects 4]
//                                                                 a detector trained and published over HTTP, then
//                                                                 DetectImageWithNoStore and GetImageRegionProposals
//                                                                 p50/p95, server-logged and round trip
//                                                                 (bench/load/detection_load.h)
//   load_generator startup [--images N]                           fork to first answer, idle RSS; with N, on a
//                                                                 data directory holding N images
// Options for every mode: --cvmock PATH (default: the cvmock built beside this tool).
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <stdexcept>
#include <thread>
#include <time.h>
#include <unistd.h>

#include "bench/load/api_calls.h"
#include "bench/load/contention.h"
#include "bench/load/detection_load.h"
#include "bench/load/peer_process.h"
#include "bench/load/server_process.h"
#include "bench/load/workload.h"
#include "trainer/features.h"
#include "trainer/model.h"

namespace {

using Clock = std::chrono::steady_clock;
using cvmock::bench::ApiCalls;
using cvmock::bench::ServerProcess;
using cvmock::bench::imagesByTag;
using cvmock::bench::percentile;
using cvmock::bench::uploadAll;

std::map<std::string, std::string> parseOptions(int argc, char** argv) {
  std::map<std::string, std::string> options;
  for (int i = 2; i + 1 < argc; i += 2) options[argv[i]] = argv[i + 1];
  return options;
}

std::vector<int> parseList(const std::string& text) {
  std::vector<int> values;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t comma = std::min(text.find(',', start), text.size());
    values.push_back(std::stoi(text.substr(start, comma - start)));
    start = comma + 1;
  }
  return values;
}

// One row of the prediction table.
struct LoadResult {
  int connections = 0;
  double rate = 0;  // requests/s
  double p50 = 0;   // ms
  double p99 = 0;   // ms
  int errors = 0;
  double serverCpuPerRequest = 0;  // ms; 0 when the server is not our child
};

// ClassifyImageWithNoStore from `connections` keep-alive connections for `seconds`.
LoadResult classifyLoad(const std::string& endpoint, const std::string& predictionBase, const std::string& projectId,
                        const std::string& image, int connections, double seconds, const ServerProcess* server) {
  std::vector<std::vector<double>> latencies(connections);
  std::atomic<int> errors{0};
  const double cpuBefore = server ? server->cpuSeconds() : 0;
  const auto deadline = Clock::now() + std::chrono::duration<double>(seconds);
  std::vector<std::thread> workers;
  for (int c = 0; c < connections; ++c) {
    workers.emplace_back([&, c] {
      ApiCalls own(endpoint, predictionBase);
      while (Clock::now() < deadline) {
        const auto start = Clock::now();
        if (own.classifyNoStore(projectId, "bench", image) != 200) ++errors;
        latencies[c].push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
      }
    });
  }
  for (std::thread& worker : workers) worker.join();
  std::vector<double> all;
  for (const auto& own : latencies) all.insert(all.end(), own.begin(), own.end());
  LoadResult result{connections, static_cast<double>(all.size()) / seconds, percentile(all, 0.5),
                    percentile(all, 0.99), errors.load(), 0};
  if (server && !all.empty()) result.serverCpuPerRequest = (server->cpuSeconds() - cpuBefore) * 1000 / all.size();
  return result;
}

void printLoad(const std::vector<LoadResult>& rows) {
  std::printf("connections  requests/s  p50 ms  p99 ms  errors  server CPU ms/request\n");
  for (const LoadResult& row : rows) {
    std::printf("%11d  %10.0f  %6.2f  %6.2f  %6d  %21.3f\n", row.connections, row.rate, row.p50, row.p99, row.errors,
                row.serverCpuPerRequest);
  }
}

const std::string kPredictionBase = "/customvision/v3.0/prediction";

// A copy of the spec without its x-ms-examples: ../shared/spec lacks some of the example files they name,
// and Prism refuses a document with an unresolvable reference. Returns the copy's path.
std::string specWithoutExamples(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  nlohmann::json spec = nlohmann::json::parse(in);
  const auto strip = [](auto& self, nlohmann::json& node) -> void {
    if (node.is_object()) node.erase("x-ms-examples");
    if (node.is_structured()) {
      for (nlohmann::json& child : node) self(self, child);
    }
  };
  strip(strip, spec);
  const std::string copy = (std::filesystem::temp_directory_path() / "cvmock-bench-prediction-spec.json").string();
  std::ofstream(copy) << spec.dump();
  return copy;
}

// This thread's CPU time so far, ms: the same measure as the server's CPU time, unlike wall time, which on a
// shared machine also counts the time other processes run.
double threadCpuMilliseconds() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) / 1e6;
}

// Decode + features + a 3-tag model's forward pass in this process, CPU ms per image: the work itself,
// which the server's CPU time per request is compared with.
double inProcessMilliseconds(const std::string& image) {
  const Eigen::Index dimension = cvmock::trainer::featureDimension();
  const cvmock::trainer::Model model(cvmock::trainer::ClassificationType::Multiclass,
                                     Eigen::VectorXf::Zero(dimension), Eigen::VectorXf::Ones(dimension),
                                     Eigen::MatrixXf::Random(dimension, 3), Eigen::VectorXf::Zero(3));
  float sink = 0;
  for (int i = 0; i < 50; ++i) sink += model.predict(cvmock::trainer::featuresFromBytes(image))(0);
  int count = 0;
  const auto start = Clock::now();
  const double cpuStart = threadCpuMilliseconds();
  while (Clock::now() - start < std::chrono::seconds(2)) {
    sink += model.predict(cvmock::trainer::featuresFromBytes(image))(0);
    ++count;
  }
  const double cpu = threadCpuMilliseconds() - cpuStart;
  return sink == -1.0f ? 0 : cpu / count;  // the sink keeps the work from being optimised away
}

int predict(const std::string& binary, const std::map<std::string, std::string>& options) {
  const std::string image = imagesByTag(1, 1, 256)[0][0];
  const double seconds = std::stod(options.count("--seconds") ? options.at("--seconds") : "5");
  const std::vector<int> connections = parseList(options.count("--connections") ? options.at("--connections") : "1,2,8");
  std::printf("ClassifyImageWithNoStore, 256x256 JPEG (%zu bytes), %.0f s per run\n", image.size(), seconds);

  std::vector<LoadResult> ours;
  double peakMiB = 0;
  {
    ServerProcess server(binary, {});
    const auto [projectId, tagIds] = uploadAll(server.endpoint(), imagesByTag(3, 30, 256), 2);
    ApiCalls calls(server.endpoint());
    calls.publish(projectId, calls.trainAndWait(projectId), "bench");
    for (int count : connections) {
      ours.push_back(classifyLoad(server.endpoint(), kPredictionBase, projectId, image, count, seconds, &server));
    }
    peakMiB = server.peakResidentMiB();
  }
  std::printf("\ncvmock\n");
  printLoad(ours);
  std::printf("server peak RSS: %.1f MiB\n", peakMiB);
  const double work = inProcessMilliseconds(image);
  std::printf("in-process decode + features + predict: %.3f ms CPU; server CPU per request at 1 connection: %.2fx that\n",
              work, ours.front().serverCpuPerRequest / work);

  if (!options.count("--prism")) return 0;
  // The spec mock answers the same request with an answer made from the spec's schema; any key will do.
  const std::string spec = specWithoutExamples(options.count("--spec") ? options.at("--spec") : CVMOCK_PREDICTION_SPEC);
  cvmock::bench::PeerProcess prism({options.at("--prism"), "mock", "--host", "127.0.0.1", "--port", "{port}",
                                    "--errors", "false", "--verboseLevel", "silent", spec},
                                   60);
  std::vector<LoadResult> theirs;
  const std::string anyProject = "00000000-0000-0000-0000-000000000001";
  for (int count : connections) theirs.push_back(classifyLoad(prism.endpoint(), "", anyProject, image, count, seconds, nullptr));
  std::printf("\nStoplight Prism (%s), same request\n", options.at("--prism").c_str());
  printLoad(theirs);
  std::printf("\ncvmock / Prism throughput:");
  for (std::size_t i = 0; i < ours.size(); ++i) {
    std::printf(" %.1fx at %d", theirs[i].rate > 0 ? ours[i].rate / theirs[i].rate : 0.0, ours[i].connections);
  }
  std::printf("\n");
  return 0;
}

int ingest(const std::string& binary, const std::map<std::string, std::string>& options) {
  const int count = std::stoi(options.count("--images") ? options.at("--images") : "1280");
  const auto images = imagesByTag(5, count / 5, 256);
  ServerProcess server(binary, {});
  const auto start = Clock::now();
  uploadAll(server.endpoint(), images, 2);
  const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  std::printf("CreateImagesFromData: %d images of 256x256 JPEG in batches of 64 from 2 connections: %.2f s, %.0f images/s\n",
              count, seconds, count / seconds);
  std::printf("server peak RSS: %.1f MiB\n", server.peakResidentMiB());
  return 0;
}

int train(const std::string& binary, const std::map<std::string, std::string>& options) {
  const int count = std::stoi(options.count("--images") ? options.at("--images") : "1000");
  const int tags = std::stoi(options.count("--tags") ? options.at("--tags") : "5");
  const auto images = imagesByTag(tags, count / tags, 64);
  ServerProcess server(binary, {});
  const auto [projectId, tagIds] = uploadAll(server.endpoint(), images, 2);
  ApiCalls calls(server.endpoint());
  const auto start = Clock::now();
  calls.trainAndWait(projectId);
  const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  std::printf("TrainProject -> Completed, %d images x %d tags (64x64 JPEG): %.2f s; server peak RSS %.1f MiB\n",
              count / tags * tags, tags, seconds, server.peakResidentMiB());
  return 0;
}

// With --images N, a data directory is filled with N 64 x 64 images first and the restart on it is timed.
int startup(const std::string& binary, const std::map<std::string, std::string>& options) {
  const int count = std::stoi(options.count("--images") ? options.at("--images") : "0");
  if (count == 0) {
    ServerProcess server(binary, {});
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    std::printf("startup to first answer (empty, in-memory store): %.1f ms; idle RSS %.1f MiB\n",
                server.startupTime().count(), server.residentMiB());
    return 0;
  }
  const std::filesystem::path directory =
      std::filesystem::temp_directory_path() / ("cvmock-bench-startup-" + std::to_string(getpid()));
  std::filesystem::remove_all(directory);
  {
    ServerProcess server(binary, {"--data-dir", directory.string()});
    uploadAll(server.endpoint(), imagesByTag(5, count / 5, 64), 2);
  }
  {
    ServerProcess server(binary, {"--data-dir", directory.string()});
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    std::printf("startup to first answer with %d stored images (--data-dir): %.1f ms; idle RSS %.1f MiB\n", count,
                server.startupTime().count(), server.residentMiB());
  }
  std::filesystem::remove_all(directory);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: load_generator predict|ingest|train|startup|contention|detect [options]\n");
    return 2;
  }
  const std::string mode = argv[1];
  const std::map<std::string, std::string> options = parseOptions(argc, argv);
  const std::string binary = options.count("--cvmock") ? options.at("--cvmock") : CVMOCK_BINARY;
  try {
    if (mode == "predict") return predict(binary, options);
    if (mode == "ingest") return ingest(binary, options);
    if (mode == "train") return train(binary, options);
    if (mode == "startup") return startup(binary, options);
    if (mode == "contention") return cvmock::bench::contention(binary, options);
    if (mode == "detect") return cvmock::bench::detection(binary, options);
  } catch (const std::exception& error) {
    std::fprintf(stderr, "load_generator: %s\n", error.what());
    return 1;
  }
  std::fprintf(stderr, "load_generator: unknown mode %s\n", mode.c_str());
  return 2;
}
