// The recording subcommands of the cvmock executable; each returns the process's exit status and prints its
// own errors (to stderr) and results (to stdout).
#pragma once

#include <string>
#include <vector>

namespace cvmock::recording {

// cvmock record --upstream URL --out DIR [--name NAME] [--host H] [--port P] [--upstream-ca FILE]
// Serves until SIGINT or SIGTERM. 0 after a clean stop, 1 when it cannot start, 2 for a bad command line.
int runRecord(const std::vector<std::string>& args);

// cvmock verify PATH [--table FILE] [--junit FILE] [--json] [--seed N]
// 0 when every exchange matches, 1 when one does not (or PATH holds no recording), 2 for a bad command line
// or a recording that cannot be read.
int runVerify(const std::vector<std::string>& args);

// cvmock convert-recordings SRC DST: Microsoft.Rest HttpRecorder files under SRC to cassettes under DST.
// 0 on success, 1 when a file cannot be converted, 2 for a bad command line.
int runConvertRecordings(const std::vector<std::string>& args);

}  // namespace cvmock::recording
