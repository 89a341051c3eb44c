// cvmock's command line: flags, their environment variables and defaults.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "mock_server/gateway/server.h"

namespace cvmock::server {

struct ParsedOptions {
  ServerConfig config;
  bool help = false;
  bool version = false;
  std::string error;  // non-empty when the command line is wrong
};

// Each flag falls back to its environment variable, then to the built-in default,
// so `cvmock` starts with no arguments at all. `getenv` is injectable for tests.
ParsedOptions parseOptions(const std::vector<std::string>& args,
                           const std::function<std::optional<std::string>(const char*)>& getenv);

std::string usage();

}  // namespace cvmock::server
