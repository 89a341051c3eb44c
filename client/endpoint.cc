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

}  // namespace

Endpoint parseEndpoint(const std::string& text) {
  const std::string scheme = "http://";
  if (text.rfind(scheme, 0) != 0) {
    throw std::invalid_argument("endpoint must start with http:// : " + text);
  }
  std::string rest = text.substr(scheme.size());
  Endpoint endpoint;
  auto slash = rest.find('/');
  std::string authority = rest.substr(0, slash);
  if (slash != std::string::npos) endpoint.pathPrefix = rest.substr(slash);
  while (!endpoint.pathPrefix.empty() && endpoint.pathPrefix.back() == '/') {
    endpoint.pathPrefix.pop_back();
  }
  auto colon = authority.find(':');
  endpoint.host = authority.substr(0, colon);
  if (endpoint.host.empty()) throw std::invalid_argument("endpoint has no host: " + text);
  if (colon != std::string::npos) endpoint.port = parsePort(authority.substr(colon + 1), text);
  return endpoint;
}

}  // namespace cvmock::client
