// Parses numeric option values.
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

std::optional<double> numberOption(const CommandLine& line, const std::string& name) {
  const std::optional<std::string> text = line.option(name);
  if (!text) return std::nullopt;
  try {
    size_t used = 0;
    const double value = std::stod(*text, &used);
    if (used == text->size()) return value;
  } catch (const std::logic_error&) {
  }
  throw UsageError("--" + name + " needs a number, got '" + *text + "'");
}

}  // namespace cvmock::cvctl
