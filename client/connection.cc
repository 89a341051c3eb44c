// Sends requests with httplib and turns non-2xx answers into CustomVisionError.
#include "client/connection.h"

#include <httplib.h>

#include "client/endpoint.h"
#include "client/errors.h"

namespace cvmock::client {

namespace {

// Uploads of 64 images and training calls can take a while on a loaded machine; the SDKs wait
// far longer than httplib's 5 s default before giving up.
constexpr time_t kReadTimeoutSeconds = 120;
constexpr time_t kConnectTimeoutSeconds = 10;

}  // namespace

Connection::Connection(const std::string& endpoint, std::string apiBasePath, std::string keyHeader,
                       std::string key)
    : endpoint_(endpoint), keyHeader_(std::move(keyHeader)), key_(std::move(key)) {
  Endpoint parsed = parseEndpoint(endpoint);
  pathPrefix_ = parsed.pathPrefix + apiBasePath;
  http_ = std::make_unique<httplib::Client>(parsed.host, parsed.port);
  // Paths and queries are encoded by url.h already; httplib must not encode them a second time.
  http_->set_url_encode(false);
  http_->set_read_timeout(kReadTimeoutSeconds, 0);
  http_->set_write_timeout(kReadTimeoutSeconds, 0);
  http_->set_connection_timeout(kConnectTimeoutSeconds, 0);
}

Connection::~Connection() = default;

std::string Connection::send(const HttpRequest& request) {
  httplib::Request http;
  http.method = request.method;
  http.path = pathPrefix_ + request.path + request.query.toString();
  http.set_header(keyHeader_, key_);
  http.set_header("Accept", "application/json");
  if (!request.body.empty()) {
    http.set_header("Content-Type", request.contentType);
    http.body = request.body;
  }
  auto result = http_->send(http);
  if (!result) {
    throw ConnectionError("no answer from " + endpoint_ + " to " + request.method + " " +
                          http.path + " (httplib error: " + httplib::to_string(result.error()) +
                          ")");
  }
  if (result->status < 200 || result->status > 299)
    throw errorFromResponse(result->status, result->body);
  return result->body;
}

nlohmann::json Connection::sendForJson(const HttpRequest& request) {
  std::string body = send(request);
  if (body.empty()) return nullptr;
  return nlohmann::json::parse(body);
}

}  // namespace cvmock::client
