// Simulation flags: each one parsed by the control it configures.
#include "mock_server/simulation/simulation_options.h"

#include <fstream>
#include <sstream>

namespace cvmock::server::simulation {
namespace {

std::string applyTierConfig(SimulationConfig& config, ServiceLimits& limits, const std::string& path) {
  std::ifstream file(path);
  if (!file) return "cannot read tier config " + path;
  std::stringstream text;
  text << file.rdbuf();
  const nlohmann::json json = nlohmann::json::parse(text.str(), nullptr, false);
  if (json.is_discarded()) return "tier config " + path + " is not JSON";
  const std::string error = applyTierJson(config.tier, json);
  if (!error.empty()) return path + ": " + error;
  applyPerImageLimits(config.tier, limits);
  return "";
}

}  // namespace

bool isSimulationFlag(const std::string& flag) {
  return flag == "--tier" || flag == "--tier-config" || flag == "--clock" || flag == "--training-mode" ||
         flag == "--admin-key";
}

std::string applySimulationFlag(SimulationConfig& config, ServiceLimits& limits, const std::string& flag,
                                const std::string& value) {
  if (flag == "--tier") {
    std::optional<TierLimits> profile = tierProfile(value);
    if (!profile) return "tier must be F0, S0 or unlimited, not '" + value + "'";
    config.tier = *profile;
    return "";
  }
  if (flag == "--tier-config") return applyTierConfig(config, limits, value);
  if (flag == "--clock") {
    SimClock check;
    const std::string error = setClockFromSpec(check, value);
    if (error.empty()) config.clock = value;
    return error;
  }
  if (flag == "--training-mode") return parseTrainingMode(value, config.training);
  config.adminKey = value;
  return "";
}

}  // namespace cvmock::server::simulation
