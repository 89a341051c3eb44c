// Helpers for tests that run an executable through sh: quoting an argument, and reading what it wrote to a file.
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace cvmock::testing {

// Single-quotes text for sh, so arguments with spaces and quotes reach the program unchanged.
inline std::string shellQuoted(const std::string& text) {
  std::string quoted = "'";
  for (char c : text) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

// The whole file, or "" when it cannot be read.
inline std::string readWhole(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace cvmock::testing
