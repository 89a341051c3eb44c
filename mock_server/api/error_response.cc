// The two error shapes the service answers with.
#include "mock_server/api/error_response.h"

#include <string>

namespace cvmock::server {
namespace {

constexpr const char* kJsonContentType = "application/json; charset=utf-8";

}  // namespace

void writeError(httplib::Response& response, const ServiceError& error, const wire::Dialect& dialect) {
  response.status = error.status();
  const wire::Json body = {{"code", wire::errorCode(error.code(), dialect)}, {"message", error.what()}};
  response.set_content(body.dump(), kJsonContentType);
}

void writeError(httplib::Response& response, const GatewayError& error) {
  response.status = error.status();
  if (error.retryAfterSeconds() > 0) response.set_header("Retry-After", std::to_string(error.retryAfterSeconds()));
  const wire::Json body = {{"error", {{"code", std::to_string(error.status())}, {"message", error.what()}}}};
  response.set_content(body.dump(), kJsonContentType);
}

}  // namespace cvmock::server
