// The two ways a Custom Vision call can fail: the service said no, or it could not be reached.
#pragma once

#include <stdexcept>
#include <string>

namespace cvmock::client {

// A non-2xx answer from the service. Service errors carry a CustomVisionErrorCodes value as code
// (e.g. "NotFoundIteration"); gateway errors (bad key, throttling) carry the status as text ("401",
// "429"), because that is what the real gateway puts in its {"error":{"code",...}} body.
class CustomVisionError : public std::runtime_error {
 public:
  CustomVisionError(int status, std::string code, std::string message);

  int status() const { return status_; }
  const std::string& code() const { return code_; }
  // The service's own message, without the status and code that what() adds.
  const std::string& message() const { return message_; }

 private:
  int status_;
  std::string code_;
  std::string message_;
};

// Builds the error for a non-2xx response from its status and raw body. Reads both error shapes;
// a body that is neither (an HTML proxy page, say) keeps the status as code and the body as
// message.
CustomVisionError errorFromResponse(int status, const std::string& body);

// No HTTP answer at all: connection refused, timeout, or a reply that is not HTTP.
class ConnectionError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace cvmock::client
