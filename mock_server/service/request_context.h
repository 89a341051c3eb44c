// Who is calling: passed by the gateway into each service rule that depends on the caller.
#pragma once

#include <string>

#include "mock_server/service/resources.h"

namespace cvmock::server {

struct RequestContext {
  // The resource whose key opened the call (publish targets must share its region; only the resource an
  // iteration is published to predicts with it). nullptr for a call from inside cvmock (the admin API, a
  // test), to which the resource rules do not apply.
  const Resource* caller = nullptr;
  // The apim-request-id the answer carries; a prediction made in this call takes it as its id, as the
  // service's do.
  std::string requestId;
};

}  // namespace cvmock::server
