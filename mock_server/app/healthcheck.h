// `cvmock healthcheck`: asks a running cvmock whether it is ready, for container health checks without shell tools.
#pragma once

#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace cvmock::server {

// `args` after "healthcheck": [--endpoint URL] [--timeout SECONDS] [--ca-file FILE] [--insecure]. The endpoint
// defaults to http://127.0.0.1:$CVMOCK_PORT (8808); an https:// endpoint's certificate is checked against
// --ca-file ($CVMOCK_CA_FILE), else the system's trusted certificates, and not at all with --insecure (for a
// self-signed certificate). Returns 0 when GET /_cvmock/ready answers 200, 1 when it does not (or the
// certificate is not trusted), 2 for a bad command line; says why on `err`.
int runHealthcheck(const std::vector<std::string>& args,
                   const std::function<std::optional<std::string>(const char*)>& getenv, std::ostream& err);

}  // namespace cvmock::server
