// A raw TCP connection to a test server on loopback, for requests an HTTP client library will not send as
// written (an Expect: 100-continue probe, a body that never comes).
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace cvmock::testing {

// A socket connected to 127.0.0.1:port whose reads give up after 5 s, or -1 when it cannot connect. The caller
// closes it.
inline int connectLoopback(int port) {
  const int sock = socket(AF_INET, SOCK_STREAM, 0);
  if (sock < 0) return -1;
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(sock, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    close(sock);
    return -1;
  }
  timeval timeout{5, 0};
  setsockopt(sock, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  return sock;
}

// Appends what the peer sends to `answer` until `enough(answer)`, the peer closes, or a read times out.
inline void receiveUntil(int sock, std::string& answer, const std::function<bool(const std::string&)>& enough) {
  char buffer[4096];
  ssize_t received = 0;
  while (!enough(answer) && (received = recv(sock, buffer, sizeof buffer, 0)) > 0) {
    answer.append(buffer, static_cast<std::size_t>(received));
  }
}

}  // namespace cvmock::testing
