// Runs the cvmock executable (CVMOCK_BINARY) to its end as a person would, capturing its exit code and output.
#pragma once

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <sys/wait.h>
#include <unistd.h>

#include "tests/support/shell_command.h"
#include "tests/support/temp_dir.h"

namespace cvmock::testing {

struct RunResult {
  int exitCode = -1;  // 124 when it was still running after the time limit (GNU timeout's code)
  std::string out;
  std::string err;
};

// `cvmock args...` with none of the caller's CVMOCK_* variables but `environment` ("NAME=value" each), stopped
// after `seconds` (a cvmock that should have refused to start must not hang the suite). With `unprivileged`, and
// when the tests run as root, it runs as the user nobody, so that file permissions apply to it.
inline RunResult runCvmock(const std::vector<std::string>& args, const std::vector<std::string>& environment = {},
                           bool unprivileged = false, int seconds = 20) {
  TempDir dir;
  std::string command = "env -i PATH=/usr/bin:/bin";
  for (const std::string& variable : environment) command += " " + shellQuoted(variable);
  command += " timeout " + std::to_string(seconds);
  if (unprivileged && ::geteuid() == 0) {
    command += " " + shellQuoted(SETPRIV_BINARY) + " --reuid=65534 --regid=65534 --clear-groups";
  }
  command += " " + shellQuoted(CVMOCK_BINARY);
  for (const std::string& arg : args) command += " " + shellQuoted(arg);
  command += " > " + shellQuoted((dir.path() / "out").string()) + " 2> " + shellQuoted((dir.path() / "err").string());
  const int status = std::system(command.c_str());
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, readWhole(dir.path() / "out"), readWhole(dir.path() / "err")};
}

}  // namespace cvmock::testing
