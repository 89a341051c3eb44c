// `cvmock healthcheck`: asks a running cvmock whether it is ready, for container health checks without shell tools.
#pragma once

#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace cvmock::server {

// `args` after "healthcheck": [--endpoint URL] [--timeout SECONDS]. The endpoint defaults to
// http://127.0.0.1:$CVMOCK_PORT (8808). Returns 0 when GET /_cvmock/ready answers 200, 1 when it does
// not, 2 for a bad command line; says why on `err`.
int runHealthcheck(const std::vector<std::string>& args,
                   const std::function<std::optional<std::string>(const char*)>& getenv, std::ostream& err);

}  // namespace cvmock::server
