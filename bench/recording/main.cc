// recording_bench: what `cvmock record` adds to a request, and how long `cvmock verify` takes.
//
//   recording_bench proxy [--requests 2000]
//       cvmock as the upstream (child process), the recording proxy in this process in front of it; the same two
//       calls, alternately direct and through the proxy, on keep-alive connections: GetProject (a small JSON
//       answer) and ClassifyImageWithNoStore (a 256 x 256 JPEG upload). p50 and p99 of each, and the difference.
//   recording_bench verify --recordings DIR [--table FILE] [--runs 5]
//       `cvmock verify DIR` run --runs times: wall time (median, min) and its CPU time (user + system).
// Options for both: --cvmock PATH (default: the cvmock built beside this tool).
#include <sys/resource.h>
#include <sys/wait.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <stdexcept>
#include <thread>
#include <unistd.h>

#include "bench/load/api_calls.h"
#include "bench/load/server_process.h"
#include "fixtures/generator.h"
#include "mock_server/recording/record_proxy.h"

namespace {

using Clock = std::chrono::steady_clock;
using Milliseconds = std::chrono::duration<double, std::milli>;

std::map<std::string, std::string> parseOptions(int argc, char** argv) {
  std::map<std::string, std::string> options;
  for (int i = 2; i + 1 < argc; i += 2) options[argv[i]] = argv[i + 1];
  return options;
}

double percentile(std::vector<double> values, double fraction) {
  std::sort(values.begin(), values.end());
  return values[static_cast<std::size_t>(fraction * static_cast<double>(values.size() - 1))];
}

struct Series {
  std::vector<double> direct;
  std::vector<double> proxied;

  void print(const char* name) const {
    const double directP50 = percentile(direct, 0.5);
    const double proxiedP50 = percentile(proxied, 0.5);
    std::printf("%-28s direct p50 %.3f ms p99 %.3f ms | proxied p50 %.3f ms p99 %.3f ms | added p50 %.3f ms\n", name,
                directP50, percentile(direct, 0.99), proxiedP50, percentile(proxied, 0.99), proxiedP50 - directP50);
  }
};

template <typename Call>
double timed(Call&& call) {
  const auto started = Clock::now();
  call();
  return Milliseconds(Clock::now() - started).count();
}

int runProxy(const std::string& cvmock, int requests) {
  cvmock::bench::ServerProcess upstream(cvmock, {"--training-mode", "immediate"});
  const std::filesystem::path out =
      std::filesystem::temp_directory_path() / ("recording-bench-" + std::to_string(getpid()));
  cvmock::recording::RecordConfig config;
  config.port = 0;
  config.upstream = upstream.endpoint();
  config.out = out;
  cvmock::recording::RecordProxy proxy(config);
  if (!proxy.bind()) throw std::runtime_error("the proxy cannot listen");
  std::thread serving([&] { proxy.run(); });
  const std::string proxyEndpoint = "http://127.0.0.1:" + std::to_string(proxy.port());

  cvmock::fixtures::FixtureSpec spec;
  spec.classes = {"circle", "square"};
  spec.imagesPerClass = 6;
  const std::vector<cvmock::fixtures::FixtureImage> images = cvmock::fixtures::generateFixtureSet(spec);
  cvmock::bench::ApiCalls setup(upstream.endpoint());
  const std::string projectId = setup.createProject("bench");
  for (const std::string& shape : spec.classes) {
    std::vector<std::string> bytes;
    for (const auto& image : images) {
      if (image.className == shape) bytes.push_back(image.bytes);
    }
    setup.uploadBatch(projectId, setup.createTag(projectId, shape), bytes);
  }
  setup.publish(projectId, setup.trainAndWait(projectId), "bench");
  std::string jpeg;
  for (const auto& image : images) {
    if (image.encoding == cvmock::fixtures::Encoding::Jpeg) jpeg = image.bytes;
  }

  cvmock::bench::ApiCalls directCalls(upstream.endpoint());
  cvmock::bench::ApiCalls proxiedCalls(proxyEndpoint);
  httplib::Client directClient(upstream.endpoint());
  httplib::Client proxiedClient(proxyEndpoint);
  for (httplib::Client* client : {&directClient, &proxiedClient}) {
    client->set_keep_alive(true);
    client->set_tcp_nodelay(true);
  }
  const httplib::Headers key = {{"Training-Key", "cvmock-training-key"}};
  const std::string getProject = "/customvision/v3.3/training/projects/" + projectId;
  Series small;
  Series upload;
  for (int i = 0; i < requests; ++i) {
    small.direct.push_back(timed([&] { directClient.Get(getProject, key); }));
    small.proxied.push_back(timed([&] { proxiedClient.Get(getProject, key); }));
    upload.direct.push_back(timed([&] { directCalls.classifyNoStore(projectId, "bench", jpeg); }));
    upload.proxied.push_back(timed([&] { proxiedCalls.classifyNoStore(projectId, "bench", jpeg); }));
  }
  proxy.stop();
  serving.join();
  std::uintmax_t recorded = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(out)) {
    if (entry.is_regular_file()) recorded += entry.file_size();
  }
  std::filesystem::remove_all(out);
  std::printf("%d requests of each call, alternately direct and through the proxy; recording: %.1f MiB\n", requests,
              static_cast<double>(recorded) / (1024 * 1024));
  small.print("GetProject (JSON answer)");
  upload.print("ClassifyImageWithNoStore");
  return 0;
}

int runVerify(const std::string& cvmock, const std::string& recordings, const std::string& table, int runs) {
  std::vector<double> wall;
  double cpu = 0;
  for (int run = 0; run < runs; ++run) {
    rusage before{};
    getrusage(RUSAGE_CHILDREN, &before);
    const auto started = Clock::now();
    const pid_t child = fork();
    if (child == 0) {
      std::freopen("/dev/null", "w", stdout);
      if (table.empty()) {
        execl(cvmock.c_str(), cvmock.c_str(), "verify", recordings.c_str(), static_cast<char*>(nullptr));
      } else {
        execl(cvmock.c_str(), cvmock.c_str(), "verify", recordings.c_str(), "--table", table.c_str(),
              static_cast<char*>(nullptr));
      }
      _exit(127);
    }
    int status = 0;
    waitpid(child, &status, 0);
    wall.push_back(std::chrono::duration<double>(Clock::now() - started).count());
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) throw std::runtime_error("cvmock verify did not pass");
    rusage after{};
    getrusage(RUSAGE_CHILDREN, &after);
    const auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + t.tv_usec / 1e6; };
    cpu += seconds(after.ru_utime) - seconds(before.ru_utime) + seconds(after.ru_stime) - seconds(before.ru_stime);
  }
  std::printf("cvmock verify %s: %d runs, wall median %.3f s (min %.3f s), CPU %.3f s per run\n", recordings.c_str(),
              runs, percentile(wall, 0.5), *std::min_element(wall.begin(), wall.end()), cpu / runs);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr,
                 "usage: recording_bench proxy [--requests N] | verify --recordings DIR [--table FILE] "
                 "[--runs N]  [--cvmock PATH]\n");
    return 2;
  }
  const std::string mode = argv[1];
  std::map<std::string, std::string> options = parseOptions(argc, argv);
  const std::string cvmock = options.count("--cvmock") ? options["--cvmock"] : CVMOCK_BINARY;
  try {
    if (mode == "proxy")
      return runProxy(cvmock, std::stoi(options.count("--requests") ? options["--requests"] : "2000"));
    if (mode == "verify") {
      return runVerify(cvmock, options.at("--recordings"), options.count("--table") ? options["--table"] : "",
                       std::stoi(options.count("--runs") ? options["--runs"] : "5"));
    }
  } catch (const std::exception& error) {
    std::fprintf(stderr, "recording_bench: %s\n", error.what());
    return 1;
  }
  std::fprintf(stderr, "recording_bench: unknown mode %s\n", mode.c_str());
  return 2;
}
