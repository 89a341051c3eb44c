// OpenConnections: busy peers by port, and the scan of the process's sockets that closes the idle ones.
#include "mock_server/gateway/open_connections.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include <netinet/in.h>
#include <sys/socket.h>

namespace cvmock::server {
namespace {

// The port of an IPv4 or IPv6 address; -1 for another family.
int portOf(const sockaddr_storage& address) {
  if (address.ss_family == AF_INET) return ntohs(reinterpret_cast<const sockaddr_in&>(address).sin_port);
  if (address.ss_family == AF_INET6) return ntohs(reinterpret_cast<const sockaddr_in6&>(address).sin6_port);
  return -1;
}

// The local and peer ports of an accepted (connected, not listening) TCP socket; false for any other descriptor.
// getsockopt answers ENOTSOCK for a file, a pipe or a directory: no fstat, which ThreadSanitizer counts as a use of
// the descriptor racing with another thread's close of it (a descriptor that is not ours to watch).
bool acceptedTcp(int fd, int& localPort, int& peerPort) {
  int value = 0;
  socklen_t length = sizeof value;
  if (::getsockopt(fd, SOL_SOCKET, SO_TYPE, &value, &length) != 0 || value != SOCK_STREAM) return false;
  length = sizeof value;
  if (::getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &value, &length) != 0 || value != 0) return false;
  sockaddr_storage local{}, peer{};
  socklen_t localLength = sizeof local, peerLength = sizeof peer;
  if (::getsockname(fd, reinterpret_cast<sockaddr*>(&local), &localLength) != 0) return false;
  if (::getpeername(fd, reinterpret_cast<sockaddr*>(&peer), &peerLength) != 0) return false;
  localPort = portOf(local);
  peerPort = portOf(peer);
  return localPort >= 0 && peerPort >= 0;
}

}  // namespace

void OpenConnections::requestBegan(int peerPort) {
  std::lock_guard lock(mutex_);
  busy_.insert(peerPort);
}

void OpenConnections::requestAnswered(int peerPort) {
  std::lock_guard lock(mutex_);
  busy_.erase(peerPort);
}

int OpenConnections::closeIdle(const std::vector<int>& listenerPorts) const {
  // One scan at a time: Server::stop() runs on the thread that asks for the stop and again on the server's own
  // thread once its listener returns, and each scan's directory descriptor would be a stranger in the other's.
  std::lock_guard scan(scanMutex_);
  std::error_code error;
  std::vector<int> descriptors;
  for (const auto& entry : std::filesystem::directory_iterator("/proc/self/fd", error)) {
    descriptors.push_back(std::atoi(entry.path().filename().c_str()));
  }
  int closed = 0;
  for (const int fd : descriptors) {
    int localPort = -1, peerPort = -1;
    if (!acceptedTcp(fd, localPort, peerPort)) continue;
    if (std::find(listenerPorts.begin(), listenerPorts.end(), localPort) == listenerPorts.end()) continue;
    {
      std::lock_guard lock(mutex_);
      if (busy_.count(peerPort) != 0) continue;
    }
    if (::shutdown(fd, SHUT_RDWR) == 0) ++closed;
  }
  return closed;
}

}  // namespace cvmock::server
