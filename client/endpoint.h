// Where the service lives: the endpoint string users pass, split into what an HTTP client needs.
#pragma once

#include <string>

namespace cvmock::client {

struct Endpoint {
  std::string host;
  int port = 80;
  std::string pathPrefix;  // "" or "/prefix", never ending in '/'
};

// Parses "http://host[:port][/prefix][/]". A trailing slash is dropped, because Azure portal
// endpoints end in one and the .NET SDK then sends "//customvision/..." (see recordings/README.md);
// we send one slash. Throws std::invalid_argument for another scheme (only plain HTTP is spoken to
// the emulator), a missing host or a bad port.
Endpoint parseEndpoint(const std::string& text);

}  // namespace cvmock::client
