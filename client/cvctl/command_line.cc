// Splits argv into command, positional arguments and options, checking each option against what is accepted.
#include "client/cvctl/command_line.h"

#include <algorithm>

namespace cvmock::cvctl {

namespace {

// Edits (insert, delete, replace, or swap two neighbours: "wiat" is one edit from "wait") turning a into b.
size_t editDistance(const std::string& a, const std::string& b) {
  std::vector<std::vector<size_t>> d(a.size() + 1, std::vector<size_t>(b.size() + 1));
  for (size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    for (size_t j = 1; j <= b.size(); ++j) {
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.size()][b.size()];
}

const OptionSpec* findSpec(const std::vector<OptionSpec>& specs, const std::string& name) {
  auto it = std::find_if(specs.begin(), specs.end(), [&](const OptionSpec& spec) { return spec.name == name; });
  return it == specs.end() ? nullptr : &*it;
}

// own is the command's options, or nullptr before the command word.
std::string unknownOption(const std::string& name, const std::string& command, const std::vector<OptionSpec>& global,
                          const std::vector<OptionSpec>* own) {
  std::vector<std::string> names;
  for (const auto& spec : global) names.push_back(spec.name);
  if (own) {
    for (const auto& spec : *own) names.push_back(spec.name);
  }
  std::string message = "unknown option --" + name + (command.empty() ? "" : " for " + command);
  const std::string near = closestMatch(name, names);
  if (!near.empty()) return message + " (did you mean --" + near + "?)";
  return command.empty() ? message + " (a command's own options go after its name)" : message;
}

}  // namespace

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

std::string closestMatch(const std::string& word, const std::vector<std::string>& candidates) {
  std::string best;
  size_t bestDistance = 0;
  for (const auto& candidate : candidates) {
    const size_t distance = editDistance(word, candidate);
    if (best.empty() || distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  // A third of the word's letters wrong (at least one, at most three) still reads as a typo of it.
  const size_t allowed = std::clamp<size_t>(word.size() / 3, 1, 3);
  return !best.empty() && bestDistance <= allowed ? best : "";
}

CommandLine parseCommandLine(int argc, const char* const* argv, const std::vector<OptionSpec>& global,
                             const CommandOptions& commandOptions) {
  CommandLine line;
  std::optional<std::vector<OptionSpec>> own;
  bool optionsEnded = false;
  for (int i = 1; i < argc; ++i) {
    std::string word = argv[i];
    if (word == "-h") word = "--help";
    if (word == "--" && !optionsEnded) {
      optionsEnded = true;
      continue;
    }
    if (optionsEnded || word.rfind("--", 0) != 0) {
      if (line.command.empty()) {
        line.command = word;
        own = commandOptions(word);
        // An unknown command: dispatch reports it, so its options are not checked.
        if (!own) return line;
      } else {
        line.positional.push_back(word);
      }
      continue;
    }
    std::string name = word.substr(2);
    std::optional<std::string> value;
    if (auto equals = name.find('='); equals != std::string::npos) {
      value = name.substr(equals + 1);
      name = name.substr(0, equals);
    }
    const OptionSpec* spec = findSpec(global, name);
    if (spec == nullptr && own) spec = findSpec(*own, name);
    if (spec == nullptr) {
      throw UsageError(unknownOption(name, line.command, global, own ? &*own : nullptr));
    }
    if (!spec->takesValue && value) throw UsageError("--" + name + " is a flag and takes no value");
    if (!spec->takesValue) {
      line.options[name] = "true";
    } else if (value) {
      line.options[name] = *value;
    } else if (i + 1 < argc) {
      line.options[name] = argv[++i];
    } else {
      throw UsageError("--" + name + " needs a value");
    }
  }
  return line;
}

}  // namespace cvmock::cvctl
