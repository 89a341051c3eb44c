// Writing an error as the service's JSON: the one writer every surface answers errors with.
#pragma once

#include "mock_server/api/http.h"
#include "mock_server/api/wire.h"
#include "mock_server/base/errors.h"

namespace cvmock::server {

// {"code": ..., "message": ...} with the error's status; the code as `dialect`'s API version spells it.
void writeError(httplib::Response& response, const ServiceError& error, const wire::Dialect& dialect = {});
// The gateway's shape, {"error": {"code": "<status>", "message": ...}}, with Retry-After when the error has one.
void writeError(httplib::Response& response, const GatewayError& error);

}  // namespace cvmock::server
