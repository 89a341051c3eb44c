// Parses numeric option values and arguments.
#include "client/cvctl/option_values.h"

#include <charconv>

namespace cvmock::cvctl {

std::optional<int> wholeNumberOption(const CommandLine& line, const std::string& name) {
  const std::optional<std::string> text = line.option(name);
  if (!text) return std::nullopt;
  int value = 0;
  auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (error != std::errc() || end != text->data() + text->size()) {
    throw UsageError("--" + name + " needs a whole number, got '" + *text + "'");
  }
  return value;
}

namespace {

// text as a number; throws UsageError saying that what needs one.
double parseNumber(const std::string& text, const std::string& what) {
  try {
    size_t used = 0;
    const double value = std::stod(text, &used);
    if (used == text.size()) return value;
  } catch (const std::logic_error&) {
  }
  throw UsageError(what + " needs a number, got '" + text + "'");
}

}  // namespace

std::optional<double> numberOption(const CommandLine& line, const std::string& name) {
  const std::optional<std::string> text = line.option(name);
  if (!text) return std::nullopt;
  return parseNumber(*text, "--" + name);
}

double numberArgument(const CommandLine& line, size_t index, const std::string& what) {
  return parseNumber(line.argument(index, what), what);
}

}  // namespace cvmock::cvctl
