// Which key opens which API: the gateway's check, done before any route runs.
#pragma once

#include <string>
#include <string_view>

#include "mock_server/http.h"

namespace cvmock::server {

enum class Api { Training, Prediction };

// The key sent with a request: the API's own header (any case, as header names are) or
// Ocp-Apim-Subscription-Key; empty when none.
std::string presentedKey(const httplib::Request& request, Api api);

// Compares in time that depends only on the lengths, so a wrong key leaks nothing through timing.
bool keysEqual(std::string_view presented, std::string_view expected);

}  // namespace cvmock::server
