// The parsed cvctl command line: a command word, its positional arguments and its --options.
#pragma once

#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace cvmock::cvctl {

// A mistake in how cvctl was called; main prints it with the command's usage and exits 2.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct CommandLine {
  std::string command;                         // "" when none was given
  std::vector<std::string> positional;         // after the command word, in order
  std::map<std::string, std::string> options;  // name without "--"; flags map to "true"

  bool has(const std::string& name) const { return options.count(name) > 0; }
  std::optional<std::string> option(const std::string& name) const;
  // The positional argument at index; throws UsageError naming what when it is missing.
  const std::string& argument(size_t index, const std::string& what) const;
  // Throws UsageError when more than count positional arguments were given.
  void expectAtMost(size_t count) const;
};

// Options that never take a value; every other --name takes the next word or "=value".
bool isFlag(const std::string& name);

// Options and flags may come before or after the command word; "-h" means "--help".
// Throws UsageError for an option missing its value.
CommandLine parseCommandLine(int argc, const char* const* argv);

}  // namespace cvmock::cvctl
