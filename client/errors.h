// The ways a Custom Vision call can fail: the service said no, or no answer came.
#pragma once

#include <chrono>
#include <optional>
#include <stdexcept>
#include <string>

namespace cvmock::client {

// A non-2xx answer from the service. Service errors carry a CustomVisionErrorCodes value as code
// (e.g. "NotFoundIteration"); gateway errors (bad key, throttling) carry the status as text ("401",
// "429"), because that is what the real gateway puts in its {"error":{"code",...}} body.
class CustomVisionError : public std::runtime_error {
 public:
  CustomVisionError(int status, std::string code, std::string message, std::string requestId = {},
                    std::optional<std::chrono::milliseconds> retryAfter = {});

  int status() const { return status_; }
  const std::string& code() const { return code_; }
  // The service's own message, without the status and code that what() adds.
  const std::string& message() const { return message_; }
  // The answer's apim-request-id, the id Azure support asks for; "" when the answer had none.
  const std::string& requestId() const { return requestId_; }
  // How long the answer asked the caller to wait (Retry-After), when it said; set on a 429 or 503 that the retry
  // policy gave up on.
  const std::optional<std::chrono::milliseconds>& retryAfter() const { return retryAfter_; }

 private:
  int status_;
  std::string code_;
  std::string message_;
  std::string requestId_;
  std::optional<std::chrono::milliseconds> retryAfter_;
};

// Builds the error for a non-2xx response from its status and raw body. Reads both error shapes;
// a body that is neither (an HTML proxy page, say) keeps the status as code and the body as
// message.
CustomVisionError errorFromResponse(int status, const std::string& body, std::string requestId = {},
                                    std::optional<std::chrono::milliseconds> retryAfter = {});

// Why no HTTP answer came.
enum class ConnectionFailure {
  Connect,         // refused, unreachable, or the name did not resolve
  ConnectTimeout,  // no connection within the connect timeout
  Read,            // the answer did not come within the read timeout, or the connection closed mid-answer
  Write,           // the request could not be sent (the write timeout passed, or the connection closed)
  Tls,             // the TLS handshake failed, or the server's certificate was not trusted
  Cancelled,       // the caller stopped it (a progress callback, a cancelled wait)
  Other,
};

// No HTTP answer at all; kind() says why.
class ConnectionError : public std::runtime_error {
 public:
  ConnectionError(ConnectionFailure kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
  ConnectionFailure kind() const { return kind_; }

 private:
  ConnectionFailure kind_;
};

}  // namespace cvmock::client
