// The cvmock HTTP server: the Training and Prediction APIs on a main listener, plus one per resource that
// has a port of its own; every request goes through one Pipeline.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "mock_server/api/call.h"
#include "mock_server/gateway/open_connections.h"
#include "mock_server/gateway/request_log.h"
#include "mock_server/service/service_config.h"
#include "mock_server/simulation/simulation.h"

namespace httplib {
class Server;
}  // namespace httplib

namespace cvmock::server {

class Pipeline;
class Service;

struct ServerConfig {
  std::string host = "127.0.0.1";
  int port = 8808;  // 0 picks a free port
  // The simple flags: they describe the default resources (resources.h) when service.resources is empty.
  std::string trainingKey = "cvmock-training-key";
  std::string predictionKey = "cvmock-prediction-key";
  std::string dataDir;  // where the database file lives; "" keeps all state in memory
  // A key that opens both APIs, as a multi-service Cognitive Services resource's key does; "" for none.
  std::string cognitiveServicesKey;
  // PEM files; when both are set the server speaks HTTPS only.
  std::string certFile;
  std::string keyFile;
  ServiceConfig service;  // service.resources, when set, replace the three keys above
  simulation::SimulationConfig simulation;  // tier, clock, training mode, admin key
  // Refuse what the service tolerates (strict.h): non-canonical paths, key header spellings, member names and
  // query parameters the spec does not list.
  bool strict = false;
  UrlFetchConfig urlFetch;
  LogConfig log{LogLevel::Quiet, LogFormat::Text};  // the console's request log; the executable turns it on
  // Each keep-alive connection holds a request thread while it is open, so the pool is sized for many
  // concurrent clients rather than for the cores; trainings run on their own workers and never take one.
  // A server with one known client (cvmock verify's replays) needs only a few.
  std::size_t requestThreads = 64;
};

// An address an app can be pointed at, and the resources that answer there.
struct Endpoint {
  std::string url;  // scheme://host:port
  std::vector<std::string> resources;
};

// Why bind() failed: which address, and the system's reason.
struct BindFailure {
  std::string address;  // host:port
  int error = 0;        // errno: EADDRINUSE for a port another process holds
  std::string resource;  // the resource whose own port it was; "" for the main listener
};

class Server {
 public:
  // Opens the store (--data-dir or memory). Throws std::runtime_error when the TLS certificate or key cannot
  // be loaded or the store cannot be opened.
  explicit Server(ServerConfig config);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds every listening socket; false when one cannot be bound, and bindFailure() says which and why. A
  // port another socket holds is refused, never shared: cvmock does not set SO_REUSEPORT, so a second cvmock
  // on a port fails here instead of taking half its requests.
  bool bind();
  const BindFailure& bindFailure() const { return bindFailure_; }
  // The main listener's bound port (after bind()).
  int port() const;
  // The bound port resource `name` answers on: its own listener's, or the main one's; -1 for no such resource.
  int resourcePort(const std::string& name) const;
  // The main listener first, then each resource's own (after bind()).
  std::vector<Endpoint> endpoints() const;
  // Every resource served, as configured or derived from the simple flags.
  const std::vector<Resource>& resources() const;
  // Serves on every listener until stop(); call after bind().
  void run();
  // Stops accepting, closes the idle keep-alive connections and lets the requests under way finish (run()
  // returns once they have). Safe from any thread, including a signal-handling one.
  void stop();
  // Blocks until every listener accepts connections.
  void waitUntilReady() const;

  Service& service() { return *service_; }

 private:
  struct Listener;
  void configure(Listener& listener);

  ServerConfig config_;
  std::unique_ptr<Service> service_;
  std::unique_ptr<RequestLog> log_;
  std::unique_ptr<Pipeline> pipeline_;
  std::vector<std::unique_ptr<Listener>> listeners_;  // [0] is the main listener
  OpenConnections connections_;  // every listener's
  std::vector<std::thread> resourceThreads_;  // run() serves the resources' own listeners on these
  BindFailure bindFailure_;
};

}  // namespace cvmock::server
