// The parsed cvctl command line: a command word, its positional arguments and its --options, checked against the
// options the command and cvctl itself accept.
#pragma once

#include <functional>
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

// An option a command (or cvctl as a whole) accepts: a flag ("--wait") or one that takes a value
// ("--timeout 60" or "--timeout=60").
struct OptionSpec {
  std::string name;  // without "--"
  bool takesValue = true;
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

// The options a command word accepts besides the global ones; std::nullopt for an unknown command word.
using CommandOptions = std::function<std::optional<std::vector<OptionSpec>>(const std::string& command)>;

// Global options may come anywhere; a command's own options after its word. "-h" means "--help" and "--" ends the
// options. Throws UsageError naming the option for an option that neither cvctl nor the command knows (with the
// closest known name when one is near), a flag given a value, or an option missing its value. An unknown command
// word is returned as it is: dispatch names it.
CommandLine parseCommandLine(int argc, const char* const* argv, const std::vector<OptionSpec>& global,
                             const CommandOptions& commandOptions);

// The candidate nearest to word by edit distance, when near enough to be a likely typo; "" otherwise.
std::string closestMatch(const std::string& word, const std::vector<std::string>& candidates);

}  // namespace cvmock::cvctl
