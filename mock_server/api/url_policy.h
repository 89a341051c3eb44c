// Which image URLs cvmock may fetch: parsing an http(s) URL and checking its host before any connection.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cvmock::server {

struct ImageUrl {
  bool https = false;
  std::string host;     // a name or an address, without IPv6 brackets, lower case
  int port = 0;         // the scheme's default when the URL has none
  std::string target;   // path and query, "/" at least
  std::string hostHeader() const;  // host[:port] as the Host header and URL comparisons spell it
};

// nullopt for anything but http://host[:port][/path] or https://...: no user info, a port of 1 to 65535.
std::optional<ImageUrl> parseImageUrl(std::string_view url);

// Resolves `host` and returns its addresses (numeric, the first one to connect to) when the policy lets cvmock
// fetch from it, nullopt otherwise. `allowedHosts` empty: only loopback, i.e. "localhost" or an address literal,
// and every address it resolves to in 127.0.0.0/8 or ::1 (names other than localhost are not even looked up).
// Otherwise the host must be on the list (any case), or the list must hold "*".
std::optional<std::vector<std::string>> allowedAddresses(const std::string& host,
                                                         const std::vector<std::string>& allowedHosts);

}  // namespace cvmock::server
