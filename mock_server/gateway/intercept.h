// The simulation's part of serving one operation: throttling, injected faults and the monthly prediction quota.
#pragma once

#include <string>

#include "mock_server/api/http.h"
#include "mock_server/api/operation.h"
#include "mock_server/simulation/simulation.h"

namespace cvmock::server {

// The per-request fault header, honoured while the admin API is enabled (as Azurite's fault-inject).
inline constexpr const char* kFaultHeader = "x-cvmock-fault";

// Runs before the operation's handler, so nothing it does touches stored state. Throws GatewayError
// (429 over the rate, or an injected fault without a code) or ServiceError (an injected fault with a
// code, the prediction quota) for the server's error writers. Returns true when it has answered itself
// (a dropped connection). `fault` receives the applied fault's id, or "header".
bool interceptOperation(simulation::Simulation& simulation, const httplib::Request& request, httplib::Response& response,
                        const Operation& operation, const std::string& key, std::string& fault);

}  // namespace cvmock::server
