// A cvmock server running in-process on a free port, for tests that speak HTTP to it.
#pragma once

#include <memory>
#include <string>
#include <thread>

#include "mock_server/gateway/server.h"

namespace cvmock::testing {

// Starts on construction, stops and joins on destruction.
class TestServer {
 public:
  explicit TestServer(server::ServerConfig config = {}) : server_(withFreePort(std::move(config))) {
    if (!server_.bind()) throw std::runtime_error("cannot bind a test server");
    thread_ = std::thread([this] { server_.run(); });
    server_.waitUntilReady();
  }
  ~TestServer() {
    server_.stop();
    thread_.join();
  }
  TestServer(const TestServer&) = delete;
  TestServer& operator=(const TestServer&) = delete;

  int port() const { return server_.port(); }
  std::string endpoint() const { return "http://127.0.0.1:" + std::to_string(port()); }
  server::Server& server() { return server_; }

 private:
  static server::ServerConfig withFreePort(server::ServerConfig config) {
    config.port = 0;
    return config;
  }

  server::Server server_;
  std::thread thread_;
};

}  // namespace cvmock::testing
