// The cvmock executable: parse options, serve until SIGINT or SIGTERM.
#include <csignal>
#include <cstdlib>
#include <iostream>
#include <thread>

#include "mock_server/options.h"
#include "mock_server/server.h"

int main(int argc, char** argv) {
  using namespace cvmock::server;
  const ParsedOptions options = parseOptions(std::vector<std::string>(argv + 1, argv + argc), [](const char* name) {
    const char* value = std::getenv(name);
    return value ? std::optional<std::string>(value) : std::nullopt;
  });
  if (options.help) {
    std::cout << usage();
    return 0;
  }
  if (!options.error.empty()) {
    std::cerr << "cvmock: " << options.error << "\n\n" << usage();
    return 2;
  }

  // Signals are taken synchronously by a dedicated thread, which then stops the server cleanly.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  Server server(options.config);
  if (!server.bind()) {
    std::cerr << "cvmock: cannot listen on " << options.config.host << ":" << options.config.port << "\n";
    return 1;
  }
  std::thread waiter([&] {
    int received = 0;
    sigwait(&signals, &received);
    server.stop();
  });
  std::cout << "cvmock listening on http://" << options.config.host << ":" << server.port() << std::endl;
  server.run();
  if (waiter.joinable()) {
    pthread_kill(waiter.native_handle(), SIGTERM);
    waiter.join();
  }
  std::cout << "cvmock stopped" << std::endl;
  return 0;
}
