// Parses the endpoint URL given to the clients and to cvctl.
#include "client/endpoint.h"

#include <charconv>
#include <stdexcept>

namespace cvmock::client {

namespace {

int parsePort(const std::string& text, const std::string& endpoint) {
  int port = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), port);
  if (error != std::errc() || end != text.data() + text.size() || port <= 0 || port > 65535) {
    throw std::invalid_argument("bad port in endpoint: " + endpoint);
  }
  return port;
}

// Where the host ends and the optional ":port" starts; an IPv6 literal is bracketed and holds colons.
size_t portColon(const std::string& authority) {
  if (!authority.empty() && authority.front() == '[') {
    const size_t close = authority.find(']');
    if (close == std::string::npos) return std::string::npos;
    return authority.find(':', close);
  }
  return authority.find(':');
}

}  // namespace

std::string Endpoint::origin() const { return scheme + "://" + host + ":" + std::to_string(port); }

Endpoint parseEndpoint(const std::string& text) {
  Endpoint endpoint;
  const size_t schemeEnd = text.find("://");
  endpoint.scheme = schemeEnd == std::string::npos ? "" : text.substr(0, schemeEnd);
  if (endpoint.scheme != "http" && endpoint.scheme != "https") {
    throw std::invalid_argument("endpoint must start with http:// or https:// : " + text);
  }
  std::string rest = text.substr(schemeEnd + 3);
  auto slash = rest.find('/');
  std::string authority = rest.substr(0, slash);
  if (slash != std::string::npos) endpoint.pathPrefix = rest.substr(slash);
  while (!endpoint.pathPrefix.empty() && endpoint.pathPrefix.back() == '/') {
    endpoint.pathPrefix.pop_back();
  }
  auto colon = portColon(authority);
  endpoint.host = authority.substr(0, colon);
  if (endpoint.host.empty()) throw std::invalid_argument("endpoint has no host: " + text);
  endpoint.port = endpoint.scheme == "https" ? 443 : 80;
  if (colon != std::string::npos) endpoint.port = parsePort(authority.substr(colon + 1), text);
  return endpoint;
}

}  // namespace cvmock::client
