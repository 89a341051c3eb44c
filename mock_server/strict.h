// --strict: the request shapes cvmock tolerates by default (as the real gateway does), refused instead, so a
// client can check it sends exactly what the spec describes.
#pragma once

#include <string>

#include "mock_server/http.h"
#include "mock_server/routes.h"

namespace cvmock::server {

// Each check returns "" when the request is canonical, otherwise what was rejected and why.

// A path that is not the canonical /customvision/{version}/{training|prediction}/... spelling of `route`:
// doubled or trailing slashes, or any literal segment in another case.
std::string nonCanonicalPath(const std::string& path, const Route& route);
// A key header (Training-Key, Prediction-Key, Ocp-Apim-Subscription-Key) sent in another case.
std::string nonCanonicalKeyHeader(const httplib::Headers& headers);
// A query parameter the spec does not list for `operationId` (names compared exactly).
std::string unlistedQueryParameter(const httplib::Params& params, const std::string& operationId);

// Throws errors::strictRejection for the first check that fails.
void enforceStrict(const httplib::Request& request, const Route& route);

}  // namespace cvmock::server
