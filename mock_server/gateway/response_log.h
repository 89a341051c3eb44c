// The response log: one JSON line per Training/Prediction API response, for checking cvmock's wire against the spec.
#pragma once

#include "mock_server/api/http.h"
#include "mock_server/api/operation_target.h"

namespace cvmock::server {

// The environment variable naming the log file; when it is unset or empty nothing is logged.
inline constexpr const char* kResponseLogVariable = "CVMOCK_RESPONSE_LOG";

// Appends {api, version, operationId, method, path, status, contentType, body} for the answer to a call of
// `target`'s operation (the gateway logs only Training and Prediction API calls: not the admin API, the portal
// or blobs). `body` is the response body parsed as JSON, or null when it is empty or not JSON. Safe from any thread and from several processes sharing one file: each line is one append.
// Never throws; a log that cannot be opened is skipped silently, as logging must not change an answer.
void logResponse(const OperationTarget& target, const httplib::Request& request, const httplib::Response& response);

}  // namespace cvmock::server
