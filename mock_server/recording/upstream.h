// The recorded service's address, and a pool of keep-alive connections to it (HTTPS verified against the
// system's CA store, or a CA file the user names).
#pragma once

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace httplib {
class Client;
}

namespace cvmock::recording {

struct UpstreamAddress {
  bool https = false;
  std::string host;
  int port = 0;
  std::string authority;  // host[:port] as given in the URL
  std::string origin;     // scheme://authority
};

// http(s)://host[:port] with an optional trailing "/"; nullopt for anything else (a path, user info, no host).
std::optional<UpstreamAddress> parseUpstream(const std::string& url);

// Thread-safe. Each lease is one connection; a request holds it for its whole exchange.
class UpstreamPool {
 public:
  // `caFile`: PEM certificates to trust instead of the system store; "" for the system store.
  UpstreamPool(UpstreamAddress address, std::string caFile);
  ~UpstreamPool();
  UpstreamPool(const UpstreamPool&) = delete;
  UpstreamPool& operator=(const UpstreamPool&) = delete;

  class Lease {
   public:
    Lease(UpstreamPool& pool, std::unique_ptr<httplib::Client> client);
    ~Lease();
    Lease(Lease&&) = default;
    httplib::Client& client() { return *client_; }

   private:
    UpstreamPool* pool_;
    std::unique_ptr<httplib::Client> client_;
  };
  Lease lease();

  const UpstreamAddress& address() const { return address_; }

 private:
  std::unique_ptr<httplib::Client> connect() const;

  UpstreamAddress address_;
  std::string caFile_;
  std::mutex mutex_;  // guards idle_
  std::vector<std::unique_ptr<httplib::Client>> idle_;
};

}  // namespace cvmock::recording
