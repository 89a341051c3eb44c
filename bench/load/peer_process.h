// Another HTTP server run beside cvmock for comparison (Stoplight Prism): start on a free port, wait, stop.
#pragma once

#include <string>
#include <sys/types.h>
#include <vector>

namespace cvmock::bench {

class PeerProcess {
 public:
  // Runs `command` with every "{port}" in it replaced by a free loopback port, and blocks until that port
  // answers an HTTP request (any status) or `timeoutSeconds` pass. Throws std::runtime_error on failure.
  PeerProcess(std::vector<std::string> command, double timeoutSeconds);
  ~PeerProcess();  // SIGTERM to the process group, then waits
  PeerProcess(const PeerProcess&) = delete;
  PeerProcess& operator=(const PeerProcess&) = delete;

  std::string endpoint() const { return "http://127.0.0.1:" + std::to_string(port_); }

 private:
  pid_t pid_ = -1;
  int port_ = 0;
};

}  // namespace cvmock::bench
