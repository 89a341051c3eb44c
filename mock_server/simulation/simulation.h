// Everything the simulation controls share: the clock, tier quotas, throttle, faults, journal, training lifecycle.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "mock_server/simulation/faults.h"
#include "mock_server/simulation/journal.h"
#include "mock_server/simulation/lifecycle.h"
#include "mock_server/simulation/quotas.h"
#include "mock_server/simulation/sim_clock.h"
#include "mock_server/simulation/throttle.h"
#include "mock_server/simulation/tiers.h"

namespace cvmock::server::simulation {

// How cvmock starts; every part can be changed later through the admin API.
struct SimulationConfig {
  TierLimits tier;                  // --tier, --tier-config; unlimited by default
  std::string clock = "system";     // --clock system | fixed:<ISO time>
  TrainingSettings training;        // --training-mode
  std::string adminKey;             // --admin-key; empty keeps the admin controls off
  std::size_t journalCapacity = 1000;
};

// One per server. Members are used from request and training threads; each is thread-safe.
class Simulation {
 public:
  // `seed` drives the fault probabilities. Throws std::invalid_argument for a bad clock spec.
  Simulation(const SimulationConfig& config, std::uint64_t seed);
  Simulation(const Simulation&) = delete;
  Simulation& operator=(const Simulation&) = delete;

  const std::shared_ptr<SimClock> clock;  // shared: installed as the process's date clock
  Quotas quotas;
  Throttle throttle;
  FaultTable faults;
  Journal journal;
  TrainingLifecycle lifecycle;
  const std::string adminKey;

  bool adminEnabled() const { return !adminKey.empty(); }
  // Forgets usage counts, throttle buckets, faults, the journal and held trainings; keeps tier and modes.
  void resetRuntimeState();
};

}  // namespace cvmock::server::simulation
