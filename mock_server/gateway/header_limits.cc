// Header sizes, counted from the parsed fields as they were sent.
#include "mock_server/gateway/header_limits.h"

#include <array>
#include <string_view>

namespace cvmock::server {
namespace {

// The fields cpp-httplib puts among the request's headers though no client sent them.
constexpr std::array<std::string_view, 4> kAddedByHttplib = {"REMOTE_ADDR", "REMOTE_PORT", "LOCAL_ADDR",
                                                             "LOCAL_PORT"};

bool addedByHttplib(const std::string& name) {
  for (std::string_view added : kAddedByHttplib) {
    if (name == added) return true;
  }
  return false;
}

}  // namespace

std::size_t headerBytes(const httplib::Request& request) {
  std::size_t total = 0;
  for (const auto& [name, value] : request.headers) {
    if (!addedByHttplib(name)) total += name.size() + 2 + value.size() + 2;
  }
  return total;
}

bool headersTooLarge(const httplib::Request& request) { return headerBytes(request) > kMaxRequestHeaderBytes; }

bool headerLineRefused(const httplib::Request& request) {
  return !request.path.empty() && !request.has_header("REMOTE_ADDR");
}

}  // namespace cvmock::server
