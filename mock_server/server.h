// The cvmock HTTP server: the Training and Prediction APIs on one cpp-httplib listener.
#pragma once

#include <memory>
#include <string>

#include "mock_server/ids.h"
#include "mock_server/service_config.h"

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
  ServiceConfig service;
};

class Server {
 public:
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
  IdGenerator requestIds_;  // apim-request-id values, apart from the entity ids
};

}  // namespace cvmock::server
