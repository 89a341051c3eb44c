// The connections the listeners accepted, as far as a clean stop needs them: which have a request under way,
// and the idle keep-alive ones to close when the server stops.
//
// Why: cpp-httplib (0.11) stops accepting at stop(), but a request thread waiting on an idle keep-alive
// connection for its next request only notices after its keep-alive timeout (5 s), so a SIGTERM took that long
// whenever a client (any SDK) kept a connection open. The library gives no handle on its connections, so
// closeIdle() finds them among the process's sockets by their local port.
#pragma once

#include <mutex>
#include <set>
#include <vector>

namespace cvmock::server {

// Thread-safe. mutex_ guards the set of busy peer ports only, never a socket call; scanMutex_ lets one closeIdle()
// run at a time.
class OpenConnections {
 public:
  // A request on the connection from `peerPort` began (its headers were read) / was answered. Beginning twice
  // counts once (an Expect: 100-continue probe and the routing both see a request); answering one that never
  // began does nothing (cpp-httplib answers some malformed requests before any hook sees them).
  void requestBegan(int peerPort);
  void requestAnswered(int peerPort);

  // Shuts down (both ways) every accepted TCP connection whose local port is one of `listenerPorts` and whose
  // peer has no request under way: the thread waiting on it for a next request wakes at once and closes it.
  // A request under way is left to finish; listening sockets and the server's own outgoing connections (URL
  // fetches, a recording's upstream) are never touched. Call after the listeners stopped accepting. Returns
  // how many connections it shut down.
  int closeIdle(const std::vector<int>& listenerPorts) const;

 private:
  mutable std::mutex mutex_;
  mutable std::mutex scanMutex_;
  // Peer ports. Two connections from one peer port (to two of our listeners) count as one: at worst the first
  // answered makes the other look idle to a stop at that instant.
  std::set<int> busy_;
};

}  // namespace cvmock::server
