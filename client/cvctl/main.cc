// cvctl: a command-line client of Custom Vision, built on cvmock_client.
#include <iostream>

#include "client/cvctl/commands.h"
#include "client/errors.h"
#include "client/version.h"

namespace {

using namespace cvmock;

std::optional<std::vector<cvctl::OptionSpec>> optionsOf(const std::string& name) {
  const cvctl::Command* command = cvctl::findCommand(name);
  if (command == nullptr) return std::nullopt;
  return command->options;
}

int unknownCommand(const std::string& name) {
  std::vector<std::string> names;
  for (const auto& command : cvctl::allCommands()) names.push_back(command.name);
  const std::string near = cvctl::closestMatch(name, names);
  std::cerr << "cvctl: unknown command '" << name << "'" << (near.empty() ? "" : " (did you mean '" + near + "'?)")
            << "; `cvctl --help` lists them\n";
  return 2;
}

int dispatch(int argc, const char* const* argv) {
  // A usage mistake found while parsing (an unknown option, a missing value) names the option and command itself.
  const cvctl::CommandLine line = cvctl::parseCommandLine(argc, argv, cvctl::globalOptions(), optionsOf);
  if (line.has("version")) {
    std::cout << "cvctl " << client::kVersion << "\n";
    return 0;
  }
  if (line.command.empty() || line.command == "help") {
    const bool asked = line.command == "help" || line.has("help");
    cvctl::printOverview(asked ? std::cout : std::cerr);
    return asked ? 0 : 2;
  }
  const cvctl::Command* command = cvctl::findCommand(line.command);
  if (command == nullptr) return unknownCommand(line.command);
  if (line.has("help")) {
    cvctl::printUsage(std::cout, *command);
    return 0;
  }
  try {
    return command->run(cvctl::settingsFrom(line), line);
  } catch (const cvctl::UsageError& error) {
    std::cerr << "cvctl " << command->name << ": " << error.what() << "\n";
    cvctl::printUsage(std::cerr, *command);
    return 2;
  }
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return dispatch(argc, argv);
  } catch (const cvctl::UsageError& error) {
    std::cerr << "cvctl: " << error.what() << "\n";
    return 2;
  } catch (const client::CustomVisionError& error) {
    std::cerr << "error: " << error.code() << ": " << error.message() << " (HTTP " << error.status();
    if (!error.requestId().empty()) std::cerr << ", request id " << error.requestId();
    std::cerr << ")\n";
  } catch (const client::ConnectionError& error) {
    std::cerr << "error: " << error.what();
    if (error.kind() == client::ConnectionFailure::Tls) {
      std::cerr << "\n(the server's certificate is not trusted: give its CA with --ca-file, or --insecure for a "
                   "local cvmock)\n";
    } else {
      std::cerr << "\n(is cvmock running? set --endpoint or CVMOCK_ENDPOINT)\n";
    }
  } catch (const std::exception& error) {
    std::cerr << "error: " << error.what() << "\n";
  }
  return 1;
}
