// One call of every client method with every option it has set, by operationId: what request_shape_test sends to
// a recording server and checks against the spec.
#pragma once

#include <functional>
#include <map>
#include <string>

#include "client/prediction_client.h"
#include "client/training_client.h"

namespace cvmock::client::testing {

struct Clients {
  TrainingClient& training;
  PredictionClient& prediction;
};

// operationId -> a call of its method with every optional parameter and body member given a value, read-only
// members included (so that a client sending them is caught). The answer is not the call's concern: it may throw
// whatever reading a canned answer throws.
const std::map<std::string, std::function<void(Clients&)>>& everyOptionCalls();

}  // namespace cvmock::client::testing
