// Simulation: builds the controls around one clock.
#include "mock_server/simulation/simulation.h"

#include <stdexcept>

namespace cvmock::server::simulation {
namespace {

std::shared_ptr<SimClock> makeClock(const std::string& spec) {
  auto clock = std::make_shared<SimClock>();
  const std::string error = setClockFromSpec(*clock, spec);
  if (!error.empty()) throw std::invalid_argument(error);
  return clock;
}

}  // namespace

Simulation::Simulation(const SimulationConfig& config, std::uint64_t seed)
    : clock(makeClock(config.clock)),
      quotas(config.tier),
      throttle(*clock),
      faults(seed),
      journal(config.journalCapacity),
      lifecycle(*clock),
      adminKey(config.adminKey) {
  lifecycle.configure(config.training);
}

void Simulation::resetRuntimeState() {
  quotas.resetUsage();
  throttle.reset();
  faults.clear();
  journal.clear();
  lifecycle.reset();
}

}  // namespace cvmock::server::simulation
