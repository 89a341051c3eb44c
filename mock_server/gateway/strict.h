// --strict: the request shapes cvmock tolerates by default (as the real gateway does), refused instead, so a
// client can check it sends exactly what the spec describes.
#pragma once

#include <string>

#include "mock_server/api/http.h"
#include "mock_server/api/operation_target.h"

namespace cvmock::server {

// Each check returns "" when the request is canonical, otherwise what was rejected and why.

// A path that is not the canonical /customvision/{version}/{training|prediction}/... spelling of `target`:
// doubled or trailing slashes, or any literal segment in another case.
std::string nonCanonicalPath(const std::string& path, const OperationTarget& target);
// A key header (Training-Key, Prediction-Key, Ocp-Apim-Subscription-Key) sent in another case.
std::string nonCanonicalKeyHeader(const httplib::Headers& headers);
// A query parameter the spec does not list for `operation` (names compared exactly).
std::string unlistedQueryParameter(const httplib::Params& params, const Operation& operation);

// Throws errors::strictRejection for the first check that fails.
void enforceStrict(const httplib::Request& request, const OperationTarget& target);

}  // namespace cvmock::server
