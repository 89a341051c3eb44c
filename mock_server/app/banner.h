// The start-up banner: what a user needs to point an app at cvmock, printed once the listeners are bound.
#pragma once

#include <ostream>

#include "mock_server/gateway/server.h"

namespace cvmock::server {

// The endpoint and portal, each resource with its keys and (for prediction resources) the id to publish
// to, where the data lives, and how to stop.
void printBanner(std::ostream& out, const Server& server, const ServerConfig& config);

}  // namespace cvmock::server
