// Where the service lives: the endpoint string users pass, split into what an HTTP client needs.
#pragma once

#include <string>

namespace cvmock::client {

struct Endpoint {
  std::string scheme;  // "http" or "https"
  std::string host;    // an IPv6 literal keeps its brackets: "[::1]"
  int port = 80;
  std::string pathPrefix;  // "" or "/prefix", never ending in '/'

  // "scheme://host:port", what an HTTP client connects to.
  std::string origin() const;
};

// Parses "http[s]://host[:port][/prefix][/]"; the port defaults to 80 or 443. A trailing slash is dropped,
// because Azure portal endpoints end in one and the .NET SDK then sends "//customvision/..." (see
// recordings/README.md); we send one slash. Throws std::invalid_argument for another scheme, a missing host or a
// bad port.
Endpoint parseEndpoint(const std::string& text);

}  // namespace cvmock::client
