// The response log: one JSON line per Training/Prediction API response, for checking cvmock's wire against the spec.
#pragma once

namespace httplib {
struct Request;
struct Response;
}  // namespace httplib

namespace cvmock::server {

// The environment variable naming the log file; when it is unset or empty nothing is logged.
inline constexpr const char* kResponseLogVariable = "CVMOCK_RESPONSE_LOG";

// Appends {api, version, operationId, method, path, status, contentType, body} to the log when `request`
// names a Training or Prediction API operation of the route tables (any other path, such as the admin API,
// the portal or blobs, is not logged). `body` is the response body parsed as JSON, or null when it is empty
// or not JSON. Safe from any thread and from several processes sharing one file: each line is one append.
// Never throws; a log that cannot be opened is skipped silently, as logging must not change an answer.
void logResponse(const httplib::Request& request, const httplib::Response& response);

}  // namespace cvmock::server
