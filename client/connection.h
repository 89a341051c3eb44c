// One HTTP connection to one Custom Vision API (training or prediction) with its key.
#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "client/url.h"

namespace httplib {
class Client;
}

namespace cvmock::client {

struct HttpRequest {
  std::string method;  // "GET", "POST", "PATCH", "DELETE"
  std::string path;    // below the API base path, already encoded, e.g. pathOf({"projects", id})
  Query query;
  std::string body;         // empty for none
  std::string contentType;  // sent only with a body
};

// Sends requests to <endpoint><apiBasePath><path> with the key in keyHeader. Not safe for use from
// several threads at once; give each thread its own client.
class Connection {
 public:
  // apiBasePath is e.g. "/customvision/v3.3/training"; keyHeader is "Training-Key" or
  // "Prediction-Key". Throws std::invalid_argument for an endpoint parseEndpoint() rejects.
  Connection(const std::string& endpoint, std::string apiBasePath, std::string keyHeader,
             std::string key);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Returns the body of a 2xx response. Throws CustomVisionError for any other status and
  // ConnectionError when no HTTP answer arrives.
  std::string send(const HttpRequest& request);

  // send(), then parses the body as JSON; an empty body (a 204) gives null. Throws
  // nlohmann::json::parse_error when a 2xx body is not JSON.
  nlohmann::json sendForJson(const HttpRequest& request);

 private:
  std::string endpoint_;    // as given, for error messages
  std::string pathPrefix_;  // endpoint prefix + API base path
  std::string keyHeader_;
  std::string key_;
  std::unique_ptr<httplib::Client> http_;
};

}  // namespace cvmock::client
