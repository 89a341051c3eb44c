// `cvmock record`: flags, start-up, and a clean stop on SIGINT or SIGTERM.
#include <csignal>
#include <iostream>
#include <pthread.h>
#include <thread>
#include <unistd.h>

#include "mock_server/recording/command_line.h"
#include "mock_server/recording/commands.h"
#include "mock_server/recording/record_proxy.h"

namespace cvmock::recording {
namespace {

constexpr const char* kUsage =
    "usage: cvmock record --upstream URL --out DIR [--name NAME] [--host HOST] [--port PORT] [--upstream-ca FILE]\n"
    "  --upstream     the service to record, e.g. https://<resource>.cognitiveservices.azure.com\n"
    "  --out          the recording folder: NAME.jsonl and bodies/ (docs/RECORDING_FORMAT.md)\n"
    "  --name         the cassette's name (default recording); an existing cassette is never overwritten\n"
    "  --host/--port  where clients connect (default 127.0.0.1:8808; port 0 picks a free one)\n"
    "  --upstream-ca  PEM file of CAs to trust for the upstream instead of the system's store\n";

sigset_t blockStopSignals() {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  return signals;
}

// The proxy, bound; nullptr, the reason said on stderr, when it cannot start.
std::unique_ptr<RecordProxy> startProxy(const RecordConfig& config) {
  try {
    auto proxy = std::make_unique<RecordProxy>(config);
    if (proxy->bind()) return proxy;
    std::cerr << "cvmock record: cannot listen on " << config.host << ":" << config.port << "\n";
  } catch (const std::exception& failure) {
    std::cerr << "cvmock record: " << failure.what() << "\n";
  }
  return nullptr;
}

}  // namespace

int runRecord(const std::vector<std::string>& args) {
  const CommandLine line =
      parseCommandLine(args, {"--upstream", "--out", "--name", "--host", "--port", "--upstream-ca"}, {"--help"});
  if (line.has("--help")) {
    std::cout << kUsage;
    return 0;
  }
  std::string error = line.error;
  if (error.empty() && (!line.has("--upstream") || !line.has("--out"))) error = "--upstream and --out are required";
  if (error.empty() && !line.positional.empty()) error = "unexpected argument " + line.positional.front();
  RecordConfig config;
  config.upstream = line.value("--upstream");
  config.out = line.value("--out");
  config.name = line.value("--name", config.name);
  config.host = line.value("--host", config.host);
  config.upstreamCa = line.value("--upstream-ca");
  try {
    config.port = std::stoi(line.value("--port", std::to_string(config.port)));
  } catch (const std::exception&) {
    error = "invalid --port " + line.value("--port");
  }
  if (!error.empty()) {
    std::cerr << "cvmock record: " << error << "\n\n" << kUsage;
    return 2;
  }

  // SIGINT and SIGTERM are blocked in every thread and taken here, so the proxy stops cleanly (every exchange
  // is on disk by then); a proxy that stops by itself raises SIGTERM to end the wait.
  const sigset_t signals = blockStopSignals();
  const std::unique_ptr<RecordProxy> proxy = startProxy(config);
  if (!proxy) return 1;
  std::thread serving([&] {
    proxy->run();
    ::kill(::getpid(), SIGTERM);
  });
  std::cout << "cvmock record listening on http://" << config.host << ":" << proxy->port() << " for "
            << config.upstream << ", recording to " << proxy->cassette().string() << std::endl;
  int received = 0;
  sigwait(&signals, &received);
  proxy->stop();
  serving.join();
  std::cout << "cvmock record stopped" << std::endl;
  return 0;
}

}  // namespace cvmock::recording
