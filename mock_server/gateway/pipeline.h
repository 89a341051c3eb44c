// The gateway's stages, in the order every request meets them: route (once, from the path), read the body
// (bounded by the operation's row), then answer: the key, --strict, the body limit, throttling, faults and
// quotas, the operation's handler; and last the journal and the logs. Errors at any stage are answered in the
// service's JSON by one writer.
#pragma once

#include <cstddef>
#include <string>

#include "mock_server/api/call.h"
#include "mock_server/base/ids.h"
#include "mock_server/gateway/exchange.h"
#include "mock_server/gateway/request_log.h"
#include "mock_server/service/service.h"

namespace cvmock::server {

struct GatewayOptions {
  std::string scheme = "http";  // what the blob URLs a response gives start with
  std::string host;             // what they name when a request carries no Host header
  ApiOptions api;
};

// Thread-safe: one pipeline serves every listener and request thread.
class Pipeline {
 public:
  Pipeline(Service& service, GatewayOptions options, RequestLog& log);

  // What the path addresses, and for an API path its operation; a path that names none is kept as the
  // exchange's refusal, answered by serve().
  void route(Exchange& exchange) const;
  // The largest body the exchange may carry: its operation's, or a small document's.
  std::size_t bodyLimit(const Exchange& exchange) const;
  // Reads the body into exchange.body; one over bodyLimit is read and thrown away as it arrives (so the
  // connection stays in step and costs no memory) and refused by serve(). False when the client cut a body
  // within the limit short: cpp-httplib then answers (400) and serve() must not run.
  bool readBody(Exchange& exchange, const httplib::ContentReader& reader) const;
  // Answers the exchange, whatever happens on the way.
  void serve(Exchange& exchange);

 private:
  void serveOperation(Exchange& exchange);
  void serveBlob(Exchange& exchange);
  void record(const Exchange& exchange);

  Service& service_;
  const GatewayOptions options_;
  RequestLog& log_;
  IdGenerator requestIds_;  // apim-request-id values, apart from the entity ids
};

}  // namespace cvmock::server
