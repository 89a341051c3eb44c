// Upstream URL parsing and the connection pool the proxy forwards through.
#include "mock_server/recording/upstream.h"

#include <charconv>

#include <httplib.h>

#include "mock_server/recording/ascii.h"

namespace cvmock::recording {
namespace {

// A request may wait this long for the service: an import or a large upload takes a while.
constexpr int kConnectSeconds = 10;
constexpr int kTransferSeconds = 300;

}  // namespace

std::optional<UpstreamAddress> parseUpstream(const std::string& url) {
  UpstreamAddress address;
  const std::string lower = lowerAscii(url);
  std::string rest;
  if (lower.rfind("https://", 0) == 0) {
    address.https = true;
    rest = url.substr(8);
  } else if (lower.rfind("http://", 0) == 0) {
    rest = url.substr(7);
  } else {
    return std::nullopt;
  }
  if (!rest.empty() && rest.back() == '/') rest.pop_back();
  if (rest.empty() || rest.find_first_of("/?#@ ") != std::string::npos) return std::nullopt;
  address.authority = rest;
  address.port = address.https ? 443 : 80;
  const std::size_t colon = rest.rfind(':');
  if (colon != std::string::npos && rest.find(']', colon) == std::string::npos) {
    const std::string port = rest.substr(colon + 1);
    auto [end, error] = std::from_chars(port.data(), port.data() + port.size(), address.port);
    if (error != std::errc() || end != port.data() + port.size() || address.port < 1 || address.port > 65535) {
      return std::nullopt;
    }
    rest = rest.substr(0, colon);
  }
  if (rest.empty()) return std::nullopt;
  address.host = rest;
  address.origin = (address.https ? "https://" : "http://") + address.authority;
  return address;
}

UpstreamPool::UpstreamPool(UpstreamAddress address, std::string caFile)
    : address_(std::move(address)), caFile_(std::move(caFile)) {}

UpstreamPool::~UpstreamPool() = default;

std::unique_ptr<httplib::Client> UpstreamPool::connect() const {
  auto client = std::make_unique<httplib::Client>(address_.origin);
  // The request line goes out exactly as the client wrote it, and the answer comes back as the service
  // encoded it: no re-encoding, no decompression, no redirect followed on the client's behalf.
  client->set_url_encode(false);
  client->set_decompress(false);
  client->set_follow_location(false);
  client->set_keep_alive(true);
  client->set_tcp_nodelay(true);
  client->set_connection_timeout(kConnectSeconds, 0);
  client->set_read_timeout(kTransferSeconds, 0);
  client->set_write_timeout(kTransferSeconds, 0);
  if (address_.https) {
    client->enable_server_certificate_verification(true);
    if (!caFile_.empty()) client->set_ca_cert_path(caFile_);
  }
  return client;
}

UpstreamPool::Lease UpstreamPool::lease() {
  std::unique_ptr<httplib::Client> client;
  {
    std::lock_guard lock(mutex_);
    if (!idle_.empty()) {
      client = std::move(idle_.back());
      idle_.pop_back();
    }
  }
  return Lease(*this, client ? std::move(client) : connect());
}

UpstreamPool::Lease::Lease(UpstreamPool& pool, std::unique_ptr<httplib::Client> client)
    : pool_(&pool), client_(std::move(client)) {}

UpstreamPool::Lease::~Lease() {
  if (!client_) return;
  std::lock_guard lock(pool_->mutex_);
  pool_->idle_.push_back(std::move(client_));
}

}  // namespace cvmock::recording
