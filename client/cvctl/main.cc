// cvctl: a command-line client of Custom Vision, built on cvmock_client.
#include <iostream>

#include "client/cvctl/commands.h"
#include "client/errors.h"

namespace {

using namespace cvmock;

int runCommand(const cvctl::Command& command, const cvctl::CommandLine& line) {
  try {
    cvctl::checkOptions(command, line);
    return command.run(cvctl::settingsFrom(line), line);
  } catch (const cvctl::UsageError& error) {
    std::cerr << "cvctl " << command.name << ": " << error.what() << "\n";
    cvctl::printUsage(std::cerr, command);
    return 2;
  }
}

int dispatch(int argc, const char* const* argv) {
  cvctl::CommandLine line = cvctl::parseCommandLine(argc, argv);
  if (line.command.empty() || line.command == "help") {
    cvctl::printOverview(line.command.empty() && !line.has("help") ? std::cerr : std::cout);
    return line.command.empty() && !line.has("help") ? 2 : 0;
  }
  const cvctl::Command* command = cvctl::findCommand(line.command);
  if (command == nullptr) {
    std::cerr << "cvctl: unknown command '" << line.command << "'\n\n";
    cvctl::printOverview(std::cerr);
    return 2;
  }
  if (line.has("help")) {
    cvctl::printUsage(std::cout, *command);
    return 0;
  }
  return runCommand(*command, line);
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return dispatch(argc, argv);
  } catch (const cvctl::UsageError& error) {
    std::cerr << "cvctl: " << error.what() << "\n";
    return 2;
  } catch (const client::CustomVisionError& error) {
    std::cerr << "error: " << error.code() << ": " << error.message() << " (HTTP " << error.status()
              << ")\n";
  } catch (const client::ConnectionError& error) {
    std::cerr << "error: " << error.what()
              << "\n(is cvmock running? set --endpoint or CVMOCK_ENDPOINT)\n";
  } catch (const std::exception& error) {
    std::cerr << "error: " << error.what() << "\n";
  }
  return 1;
}
