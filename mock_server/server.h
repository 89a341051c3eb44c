// The cvmock HTTP server: the Training and Prediction APIs on a main listener, plus one per resource that
// has a port of its own.
#pragma once

#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "mock_server/ids.h"
#include "mock_server/service_config.h"
#include "mock_server/simulation/simulation.h"

namespace httplib {
class Server;
struct Request;
struct Response;
}  // namespace httplib

namespace cvmock::server {

class TrainingService;

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
  // Refuse what the service tolerates (strict.h): non-canonical paths, key header spellings and query
  // parameters the spec does not list.
  bool strict = false;
};

// An address an app can be pointed at, and the resources that answer there.
struct Endpoint {
  std::string url;  // scheme://host:port
  std::vector<std::string> resources;
};

class Server {
 public:
  // Throws std::runtime_error when the TLS certificate or key cannot be loaded.
  explicit Server(ServerConfig config);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds every listening socket; returns false when an address is taken or invalid.
  bool bind();
  // The main listener's bound port (after bind()).
  int port() const;
  // The bound port resource `name` answers on: its own listener's, or the main one's; -1 for no such resource.
  int resourcePort(const std::string& name) const;
  // The main listener first, then each resource's own (after bind()).
  std::vector<Endpoint> endpoints() const;
  // Serves on every listener until stop(); call after bind().
  void run();
  // Safe from any thread, including a signal-handling one.
  void stop();
  // Blocks until every listener accepts connections.
  void waitUntilReady() const;

  TrainingService& service() { return *service_; }

 private:
  struct Listener;
  void configure(Listener& listener);
  void dispatch(const Listener& listener, const httplib::Request& request, httplib::Response& response);

  ServerConfig config_;
  std::unique_ptr<TrainingService> service_;
  std::vector<std::unique_ptr<Listener>> listeners_;  // [0] is the main listener
  std::vector<std::thread> resourceThreads_;  // run() serves the resources' own listeners on these
  IdGenerator requestIds_;  // apim-request-id values, apart from the entity ids
};

}  // namespace cvmock::server
