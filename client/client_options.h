// How a client connects: retries, timeouts, TLS trust and the User-Agent it sends. Every member has a default, so
// ClientOptions{} is a production-ready configuration; designated initialisers change single members.
#pragma once

#include <chrono>
#include <string>

#include "client/retry_policy.h"

namespace cvmock::client {

struct Timeouts {
  std::chrono::milliseconds connect{10000};
  // Per read and per write on the socket, not per call: an upload of 64 images or a slow training call on a loaded
  // machine can take a while, so the default is far above httplib's 5 s.
  std::chrono::milliseconds read{120000};
  std::chrono::milliseconds write{120000};
};

// For https:// endpoints; ignored for http://.
struct TlsOptions {
  // Trust these CA certificates (PEM file, or a directory prepared with c_rehash) instead of the system's store
  // (OpenSSL's default paths, which honour SSL_CERT_FILE and SSL_CERT_DIR).
  std::string caFile{};
  std::string caDirectory{};
  // false accepts any certificate and host name: only for a local emulator with a self-signed certificate.
  bool verifyPeer = true;
};

struct ClientOptions {
  RetryPolicy retry{};
  Timeouts timeouts{};
  TlsOptions tls{};
  // Goes in front of the client's own User-Agent, e.g. "inventory-app/2.1" gives
  // "inventory-app/2.1 cvmock-customvision-cpp/0.1.0", as the official SDKs' userAgentPrefix does.
  std::string userAgentPrefix{};
};

// The User-Agent header the options give.
std::string userAgentFor(const ClientOptions& options);

}  // namespace cvmock::client
