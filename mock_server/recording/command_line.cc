// Flag parsing shared by the recording commands.
#include "mock_server/recording/command_line.h"

namespace cvmock::recording {

std::string CommandLine::value(const std::string& flag, const std::string& fallback) const {
  auto found = values.find(flag);
  return found == values.end() ? fallback : found->second;
}

CommandLine parseCommandLine(const std::vector<std::string>& args, const std::set<std::string>& withValue,
                             const std::set<std::string>& switches) {
  CommandLine line;
  for (std::size_t i = 0; i < args.size() && line.error.empty(); ++i) {
    const std::string& arg = args[i];
    if (arg.rfind("--", 0) != 0 || arg == "--") {
      line.positional.push_back(arg);
      continue;
    }
    const std::size_t equals = arg.find('=');
    const std::string flag = arg.substr(0, equals);
    if (switches.count(flag) && equals == std::string::npos) {
      line.values[flag] = "true";
    } else if (!withValue.count(flag)) {
      line.error = "unknown option " + flag;
    } else if (equals != std::string::npos) {
      line.values[flag] = arg.substr(equals + 1);
    } else if (i + 1 < args.size()) {
      line.values[flag] = args[++i];
    } else {
      line.error = flag + " needs a value";
    }
  }
  return line;
}

}  // namespace cvmock::recording
