// Typed values of cvctl options: numbers and the spec's enums, each refused with a UsageError naming the option.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>

#include "client/cvctl/command_line.h"
#include "client/models/enums.h"

namespace cvmock::cvctl {

// The option's value as a whole number; std::nullopt when it was not given.
std::optional<int> wholeNumberOption(const CommandLine& line, const std::string& name);
// The option's value as a number; std::nullopt when it was not given.
std::optional<double> numberOption(const CommandLine& line, const std::string& name);

// The positional argument at index as a number; throws UsageError naming what when it is missing or not one.
double numberArgument(const CommandLine& line, size_t index, const std::string& what);

// The option's value as one of the enum's values, in any case ("multiclass" is Multiclass).
template <client::SpecEnum E>
std::optional<E> enumOption(const CommandLine& line, const std::string& name) {
  const std::optional<std::string> text = line.option(name);
  if (!text) return std::nullopt;
  try {
    return client::parseEnum<E>(*text);
  } catch (const std::invalid_argument& error) {
    throw UsageError("--" + name + ": " + error.what());
  }
}

}  // namespace cvmock::cvctl
