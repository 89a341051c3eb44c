// Which key opens which API on which listener: the gateway's check, done before any route runs.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "mock_server/api/http.h"
#include "mock_server/api/operation.h"
#include "mock_server/service/resources.h"

namespace cvmock::server {

// The key sent with a request: the API's own header (any case, as header names are) or
// Ocp-Apim-Subscription-Key; empty when none.
std::string presentedKey(const httplib::Request& request, Api api);

bool servesApi(const Resource& resource, Api api);

// The resource among `reachable` (those served on the listener the request came to) that serves `api` and
// whose key1 or key2 is `presented`; nullptr when none, which the gateway answers with 401.
const Resource* authenticate(const std::vector<const Resource*>& reachable, Api api, std::string_view presented);

}  // namespace cvmock::server
