// cvmock's simulation flags: --tier, --tier-config, --clock, --training-mode, --admin-key.
#pragma once

#include <string>

#include "mock_server/base/limits.h"
#include "mock_server/simulation/simulation.h"

namespace cvmock::server::simulation {

bool isSimulationFlag(const std::string& flag);

// Applies one simulation flag's value; returns an error message, or "" on success. --tier-config reads
// a JSON file such as {"tier": "F0", "projects": 5}; its per-image numbers also set `limits`.
std::string applySimulationFlag(SimulationConfig& config, ServiceLimits& limits, const std::string& flag,
                                const std::string& value);

}  // namespace cvmock::server::simulation
