// One HTTP(S) connection to one Custom Vision API (training or prediction) with its key, retrying as the
// ClientOptions say.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "client/client_options.h"
#include "client/image_source.h"
#include "client/url.h"

namespace httplib {
class Client;
class Result;
}  // namespace httplib

namespace cvmock::client {

// A request body produced piece by piece (a large image batch), instead of HttpRequest::body.
struct StreamedBody {
  std::uint64_t size = 0;
  std::string contentType;
  // Copies up to count bytes from offset into out; returns how many, 0 only at the end. Called again from 0 when
  // the call is retried.
  std::function<std::size_t(std::uint64_t offset, std::size_t count, char* out)> read;
  UploadProgress progress;  // optional
};

struct HttpRequest {
  std::string method;  // "GET", "POST", "PATCH", "DELETE"
  std::string path;    // below the API base path, already encoded, e.g. pathOf({"projects", id})
  Query query{};
  std::string body{};         // empty for none
  std::string contentType{};  // sent only with a body
  std::shared_ptr<const StreamedBody> stream{};  // set for a streamed body (POST only); body is then ignored
};

// Receives a downloaded body: begin() before the bytes of each attempt (a retry starts over), then write() with
// each piece. write() returns false to stop the download (a ConnectionError of kind Cancelled follows).
struct DownloadSink {
  std::function<void()> begin;
  std::function<bool(const char* data, std::size_t size)> write;
};

// Sends requests to <endpoint><apiBasePath><path>. Not safe for use from several threads at once; give each thread
// its own client.
class Connection {
 public:
  // apiBasePath is e.g. "/customvision/v3.3/training"; keyHeader is "Training-Key" or "Prediction-Key", or ""
  // to send no key (a SAS download URL). Throws std::invalid_argument for an endpoint parseEndpoint() rejects.
  Connection(const std::string& endpoint, std::string apiBasePath, std::string keyHeader, std::string key,
             const ClientOptions& options = {});
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Returns the body of a 2xx response, after the retries the policy allows. Throws CustomVisionError for any
  // other status and ConnectionError when no HTTP answer arrives.
  std::string send(const HttpRequest& request);

  // send(), then parses the body as JSON; an empty body (a 204) gives null. Throws
  // nlohmann::json::parse_error when a 2xx body is not JSON.
  nlohmann::json sendForJson(const HttpRequest& request);

  // A GET whose body goes to sink as it arrives instead of into memory; errors and retries as send().
  void download(const HttpRequest& request, const DownloadSink& sink);

 private:
  // Runs attempt until it gives a 2xx answer, which it returns, or the retry policy gives up: then throws the last
  // failure. what names the call in a ConnectionError.
  httplib::Result withRetries(const std::string& what, const std::function<httplib::Result()>& attempt);
  std::string target(const HttpRequest& request) const;

  std::string endpoint_;    // as given, for error messages
  std::string pathPrefix_;  // endpoint prefix + API base path
  std::string keyHeader_;
  std::string key_;
  ClientOptions options_;
  std::unique_ptr<httplib::Client> http_;
};

}  // namespace cvmock::client
