// The command lines of `cvmock record`, `verify` and `convert-recordings`: --flag VALUE, --flag=VALUE,
// switches, and positional arguments.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

namespace cvmock::recording {

struct CommandLine {
  std::map<std::string, std::string> values;  // flag -> value ("true" for a switch)
  std::vector<std::string> positional;
  std::string error;  // non-empty when the arguments do not parse

  std::string value(const std::string& flag, const std::string& fallback = "") const;
  bool has(const std::string& flag) const { return values.count(flag) > 0; }
};

// `withValue` flags take a value; `switches` take none. Anything else starting with "--" is an error.
CommandLine parseCommandLine(const std::vector<std::string>& args, const std::set<std::string>& withValue,
                             const std::set<std::string>& switches);

}  // namespace cvmock::recording
