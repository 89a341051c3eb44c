// The cvmock executable: its subcommands (record, verify, convert-recordings, healthcheck), or, without one,
// parse the options and serve until SIGINT or SIGTERM. It sits above recording/ and app/ (which recording/ uses),
// so that no dependency runs back up from app/ to recording/.
#include <csignal>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <thread>

#include "mock_server/app/banner.h"
#include "mock_server/app/healthcheck.h"
#include "mock_server/app/options.h"
#include "mock_server/app/startup_errors.h"
#include "mock_server/app/version.h"
#include "mock_server/gateway/server.h"
#include "mock_server/recording/commands.h"
#include "mock_server/store/sqlite_db.h"

int main(int argc, char** argv) {
  using namespace cvmock::server;
  const auto environment = [](const char* name) {
    const char* value = std::getenv(name);
    return value ? std::optional<std::string>(value) : std::nullopt;
  };
  if (argc >= 2 && std::string(argv[1]) == "healthcheck") {
    return runHealthcheck(std::vector<std::string>(argv + 2, argv + argc), environment, std::cerr);
  }
  if (argc >= 2 && std::string(argv[1]) == "record") return cvmock::recording::runRecord({argv + 2, argv + argc});
  if (argc >= 2 && std::string(argv[1]) == "verify") return cvmock::recording::runVerify({argv + 2, argv + argc});
  if (argc >= 2 && std::string(argv[1]) == "convert-recordings") {
    return cvmock::recording::runConvertRecordings({argv + 2, argv + argc});
  }
  const ParsedOptions options = parseOptions(std::vector<std::string>(argv + 1, argv + argc), environment);
  if (options.help) {
    std::cout << usage();
    return 0;
  }
  if (options.version) {
    std::cout << versionText() << "\n";
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

  std::unique_ptr<Server> server;
  try {
    server = std::make_unique<Server>(options.config);
  } catch (const DataDirError& error) {
    std::cerr << "cvmock: " << dataDirFailureMessage(error) << "\n";
    return 1;
  } catch (const sqlite::Error& error) {
    const std::string& dataDir = options.config.dataDir;
    std::cerr << "cvmock: " << (dataDir.empty() ? error.what() : databaseFailureMessage(dataDir, error.what()))
              << "\n";
    return 1;
  } catch (const std::exception& error) {
    std::cerr << "cvmock: " << error.what() << "\n";
    return 1;
  }
  if (!server->bind()) {
    std::cerr << "cvmock: " << bindFailureMessage(server->bindFailure()) << "\n";
    return 1;
  }
  std::thread waiter([&] {
    int received = 0;
    sigwait(&signals, &received);
    server->stop();
  });
  printBanner(std::cout, *server, options.config);
  server->run();
  if (waiter.joinable()) {
    pthread_kill(waiter.native_handle(), SIGTERM);
    waiter.join();
  }
  std::cout << "cvmock stopped" << std::endl;
  return 0;
}
