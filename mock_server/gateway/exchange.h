// One request as it moves through the gateway's stages: each stage fills in what it learns, the stages after
// it read that instead of looking again.
#pragma once

#include <chrono>
#include <exception>
#include <optional>
#include <string>
#include <vector>

#include "mock_server/api/http.h"
#include "mock_server/api/operation_target.h"
#include "mock_server/api/wire.h"
#include "mock_server/service/request_context.h"

namespace cvmock::server {

// A listening socket's share of the resources: those whose keys it accepts, and the port it is bound to.
struct ListenerView {
  std::vector<const Resource*> resources;
  int port = 0;
};

// What a request's path addresses.
enum class Surface {
  Api,     // /customvision/...: a Training or Prediction operation
  Admin,   // /_cvmock/... but blobs: the admin API
  Blob,    // /_cvmock/blobs/...: stored bytes, as the service's blob URIs
  Portal,  // /portal/...
};

struct Exchange {
  Exchange(const httplib::Request& request, httplib::Response& response, const ListenerView& listener)
      : request(request), response(response), listener(listener) {}
  Exchange(const Exchange&) = delete;
  Exchange& operator=(const Exchange&) = delete;

  const httplib::Request& request;  // its head only; the body is read into `body`
  httplib::Response& response;
  const ListenerView& listener;
  const std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();

  // Routing (before the body is read).
  Surface surface = Surface::Api;
  std::optional<OperationTarget> target;  // the operation, when the path names one
  std::exception_ptr refusal;  // an error found before the body was read; answered without running anything

  // Reading the body.
  std::string body;
  bool bodyOverLimit = false;  // read and thrown away: refused once the call is answered

  // Serving.
  RequestContext context;  // the request id, then the caller once the key is checked
  wire::Dialect dialect;   // the called version's, once known; errors are written in it too
  std::string fault;       // the simulated fault that applied, for the journal
  bool dropped = false;    // a simulated fault dropped the connection: there is no answer to log
  std::string error;       // the refusal's code and message, for the log
};

}  // namespace cvmock::server
