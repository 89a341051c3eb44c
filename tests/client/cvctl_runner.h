// Runs the cvctl executable ($CVCTL_BINARY, a compile definition) as a person would, capturing what it prints.
#pragma once

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <sys/wait.h>

#include "tests/support/temp_dir.h"

namespace cvmock::client::testing {

struct CvctlResult {
  int exitCode = -1;
  std::string out;
  std::string err;
};

// Single-quotes text for sh, so arguments with spaces and quotes reach cvctl unchanged.
inline std::string shellQuoted(const std::string& text) {
  std::string quoted = "'";
  for (char c : text) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

inline std::string readWhole(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Runs cvctl with args (and no CVMOCK_* variables of the caller's environment); returns its exit code and output.
inline CvctlResult runCvctl(const std::vector<std::string>& args) {
  cvmock::testing::TempDir dir;
  std::string command = "env -u CVMOCK_ENDPOINT -u CVMOCK_CA_FILE " + shellQuoted(CVCTL_BINARY);
  for (const std::string& arg : args) command += " " + shellQuoted(arg);
  command += " > " + shellQuoted((dir.path() / "out").string()) + " 2> " + shellQuoted((dir.path() / "err").string());
  const int status = std::system(command.c_str());
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, readWhole(dir.path() / "out"), readWhole(dir.path() / "err")};
}

}  // namespace cvmock::client::testing
