// URL parsing and the host policy; addresses come from getaddrinfo so a name is checked as it will be reached.
#include "mock_server/api/url_policy.h"

#include <algorithm>
#include <charconv>

#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include "mock_server/base/text.h"

namespace cvmock::server {
namespace {

bool isLoopback(const sockaddr* address) {
  if (address->sa_family == AF_INET) {
    const auto* v4 = reinterpret_cast<const sockaddr_in*>(address);
    return (ntohl(v4->sin_addr.s_addr) >> 24) == 127;
  }
  if (address->sa_family == AF_INET6) {
    const in6_addr& v6 = reinterpret_cast<const sockaddr_in6*>(address)->sin6_addr;
    if (IN6_IS_ADDR_LOOPBACK(&v6)) return true;
    return IN6_IS_ADDR_V4MAPPED(&v6) && v6.s6_addr[12] == 127;
  }
  return false;
}

struct Resolved {
  std::vector<std::string> addresses;
  bool allLoopback = true;
};

// numericOnly: accept only an address literal, so that no name lookup leaves the machine.
std::optional<Resolved> resolve(const std::string& host, bool numericOnly) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = numericOnly ? AI_NUMERICHOST : 0;
  addrinfo* found = nullptr;
  if (getaddrinfo(host.c_str(), nullptr, &hints, &found) != 0) return std::nullopt;
  Resolved resolved;
  for (const addrinfo* a = found; a; a = a->ai_next) {
    char text[NI_MAXHOST];
    if (getnameinfo(a->ai_addr, a->ai_addrlen, text, sizeof text, nullptr, 0, NI_NUMERICHOST) != 0) continue;
    resolved.addresses.emplace_back(text);
    resolved.allLoopback = resolved.allLoopback && isLoopback(a->ai_addr);
  }
  freeaddrinfo(found);
  if (resolved.addresses.empty()) return std::nullopt;
  return resolved;
}

}  // namespace

std::string ImageUrl::hostHeader() const {
  const std::string name = host.find(':') == std::string::npos ? host : "[" + host + "]";
  return (port == (https ? 443 : 80)) ? name : name + ":" + std::to_string(port);
}

std::optional<ImageUrl> parseImageUrl(std::string_view url) {
  ImageUrl parsed;
  const std::size_t schemeEnd = url.find("://");
  if (schemeEnd == std::string_view::npos) return std::nullopt;
  const std::string_view scheme = url.substr(0, schemeEnd);
  if (!equalsIgnoreCase(scheme, "http") && !equalsIgnoreCase(scheme, "https")) return std::nullopt;
  parsed.https = equalsIgnoreCase(scheme, "https");
  url.remove_prefix(schemeEnd + 3);
  const std::size_t authorityEnd = std::min(url.find_first_of("/?#"), url.size());
  std::string_view authority = url.substr(0, authorityEnd);
  const std::string_view rest = url.substr(authorityEnd);
  if (authority.find('@') != std::string_view::npos) return std::nullopt;
  std::string_view port;
  if (authority.starts_with("[")) {
    const std::size_t close = authority.find(']');
    if (close == std::string_view::npos) return std::nullopt;
    parsed.host = authority.substr(1, close - 1);
    const std::string_view after = authority.substr(close + 1);
    if (!after.empty() && !after.starts_with(":")) return std::nullopt;
    port = after.empty() ? after : after.substr(1);
  } else {
    const std::size_t colon = authority.find(':');
    parsed.host = authority.substr(0, colon);
    port = colon == std::string_view::npos ? std::string_view() : authority.substr(colon + 1);
  }
  if (parsed.host.empty()) return std::nullopt;
  parsed.host = toLower(parsed.host);
  parsed.port = parsed.https ? 443 : 80;
  if (!port.empty()) {
    auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), parsed.port);
    if (ec != std::errc() || end != port.data() + port.size() || parsed.port < 1 || parsed.port > 65535) {
      return std::nullopt;
    }
  }
  parsed.target = std::string(rest.substr(0, rest.find('#')));
  if (!parsed.target.starts_with("/")) parsed.target = "/" + parsed.target;
  return parsed;
}

std::optional<std::vector<std::string>> allowedAddresses(const std::string& host,
                                                         const std::vector<std::string>& allowedHosts) {
  if (allowedHosts.empty()) {
    std::optional<Resolved> resolved = resolve(host, !equalsIgnoreCase(host, "localhost"));
    if (!resolved || !resolved->allLoopback) return std::nullopt;
    return resolved->addresses;
  }
  const bool listed = std::any_of(allowedHosts.begin(), allowedHosts.end(), [&](const std::string& allowed) {
    return allowed == "*" || equalsIgnoreCase(allowed, host);
  });
  if (!listed) return std::nullopt;
  std::optional<Resolved> resolved = resolve(host, false);
  if (!resolved) return std::nullopt;
  return resolved->addresses;
}

}  // namespace cvmock::server
