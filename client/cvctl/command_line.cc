// Splits argv into command, positional arguments and options.
#include "client/cvctl/command_line.h"

#include <set>

namespace cvmock::cvctl {

std::optional<std::string> CommandLine::option(const std::string& name) const {
  auto it = options.find(name);
  if (it == options.end()) return std::nullopt;
  return it->second;
}

const std::string& CommandLine::argument(size_t index, const std::string& what) const {
  if (index >= positional.size()) throw UsageError("missing " + what);
  return positional[index];
}

void CommandLine::expectAtMost(size_t count) const {
  if (positional.size() > count) throw UsageError("unexpected argument: " + positional[count]);
}

bool isFlag(const std::string& name) {
  static const std::set<std::string> kFlags = {"help", "wait", "force", "keep", "drop", "clear"};
  return kFlags.count(name) > 0;
}

CommandLine parseCommandLine(int argc, const char* const* argv) {
  CommandLine line;
  for (int i = 1; i < argc; ++i) {
    std::string word = argv[i];
    if (word == "-h") word = "--help";
    if (word.rfind("--", 0) != 0 || word.size() == 2) {
      if (line.command.empty()) {
        line.command = word;
      } else {
        line.positional.push_back(word);
      }
      continue;
    }
    std::string name = word.substr(2);
    auto equals = name.find('=');
    if (equals != std::string::npos) {
      line.options[name.substr(0, equals)] = name.substr(equals + 1);
    } else if (isFlag(name)) {
      line.options[name] = "true";
    } else if (i + 1 < argc) {
      line.options[name] = argv[++i];
    } else {
      throw UsageError("--" + name + " needs a value");
    }
  }
  return line;
}

}  // namespace cvmock::cvctl
