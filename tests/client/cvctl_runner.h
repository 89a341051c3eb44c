// Runs the cvctl executable ($CVCTL_BINARY, a compile definition) as a person would, capturing what it prints.
#pragma once

#include <cstdlib>
#include <string>
#include <vector>

#include <sys/wait.h>

#include "tests/support/shell_command.h"
#include "tests/support/temp_dir.h"

namespace cvmock::client::testing {

struct CvctlResult {
  int exitCode = -1;
  std::string out;
  std::string err;
};

using cvmock::testing::readWhole;
using cvmock::testing::shellQuoted;

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
