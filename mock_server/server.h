// The cvmock HTTP server: the Training and Prediction APIs on one cpp-httplib listener.
#pragma once

#include <memory>
#include <string>

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
  std::string trainingKey = "cvmock-training-key";
  std::string predictionKey = "cvmock-prediction-key";
  std::string dataDir;  // where the database file lives; "" keeps all state in memory
  // A key that opens both APIs, as a multi-service Cognitive Services resource's key does; "" for none.
  std::string cognitiveServicesKey;
  // PEM files; when both are set the server speaks HTTPS only.
  std::string certFile;
  std::string keyFile;
  ServiceConfig service;
  simulation::SimulationConfig simulation;  // tier, clock, training mode, admin key
};

class Server {
 public:
  // Throws std::runtime_error when the TLS certificate or key cannot be loaded.
  explicit Server(ServerConfig config);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds the listening socket; returns false when the address is taken or invalid.
  bool bind();
  // The bound port (after bind()).
  int port() const { return port_; }
  // Serves until stop(); call after bind().
  void run();
  // Safe from any thread, including a signal-handling one.
  void stop();
  // Blocks until the server accepts connections.
  void waitUntilReady() const;

  TrainingService& service() { return *service_; }

 private:
  void dispatch(const httplib::Request& request, httplib::Response& response);

  ServerConfig config_;
  std::unique_ptr<TrainingService> service_;
  std::unique_ptr<httplib::Server> http_;
  int port_ = 0;
  int listenSocket_ = -1;  // captured when cpp-httplib creates it, to raise its listen backlog
  IdGenerator requestIds_;  // apim-request-id values, apart from the entity ids
};

}  // namespace cvmock::server
