// The User-Agent a client sends.
#include "client/client_options.h"

#include "client/version.h"

namespace cvmock::client {

std::string userAgentFor(const ClientOptions& options) {
  std::string own = std::string("cvmock-customvision-cpp/") + kVersion;
  return options.userAgentPrefix.empty() ? own : options.userAgentPrefix + " " + own;
}

}  // namespace cvmock::client
