// interceptOperation: the order is the gateway's (rate limit first), then the fault, then the quota.
#include "mock_server/gateway/intercept.h"

#include <chrono>
#include <thread>

#include "mock_server/base/errors.h"

namespace cvmock::server {
namespace {

using simulation::FaultRule;
using simulation::OperationClass;
using simulation::Simulation;
using simulation::TierLimits;

std::optional<FaultRule> chooseFault(Simulation& simulation, const httplib::Request& request,
                                     const std::string& operationId) {
  if (simulation.adminEnabled() && request.has_header(kFaultHeader)) {
    FaultRule rule;
    const std::string error = simulation::parseFaultHeader(request.get_header_value(kFaultHeader), rule);
    if (!error.empty()) throw errors::adminInvalidSetting(std::string(kFaultHeader) + ": " + error);
    rule.id = "header";
    if (simulation.faults.roll(rule.probability)) return rule;
  }
  return simulation.faults.pick(operationId, request.path);
}

// Headers, then a promised body that never comes: the client sees the connection close mid-answer.
void dropConnection(httplib::Response& response) {
  response.status = 200;
  response.set_content_provider(
      1024, "application/json", [](std::size_t, std::size_t, httplib::DataSink&) { return false; });
}

void applyFault(const FaultRule& rule, httplib::Response& response) {
  if (rule.latencyMs > 0) std::this_thread::sleep_for(std::chrono::milliseconds(rule.latencyMs));
  if (rule.drop) {
    dropConnection(response);
    return;
  }
  if (rule.status == 0) return;
  if (rule.code.empty()) throw GatewayError(rule.status, rule.message, rule.status == 429 ? 1 : 0);
  throw ServiceError(rule.status, rule.code, rule.message);
}

}  // namespace

bool interceptOperation(Simulation& simulation, const httplib::Request& request, httplib::Response& response,
                        const Operation& operation, const std::string& key, std::string& fault) {
  const TierLimits limits = simulation.quotas.limits();
  const OperationClass operationClass = operation.operationClass;
  const std::string operationId(operation.id);
  if (int wait = simulation.throttle.admit(key, operationClass, simulation::ratePerSecond(limits, operationClass))) {
    throw errors::rateLimitExceeded(operationId, limits.name, wait);
  }
  if (std::optional<FaultRule> rule = chooseFault(simulation, request, operationId)) {
    fault = rule->id;
    applyFault(*rule, response);
    if (rule->drop) return true;
  }
  if (operationClass == OperationClass::PredictionStored || operationClass == OperationClass::PredictionNoStore) {
    simulation.quotas.countPrediction(simulation.clock->now());
  }
  return false;
}

}  // namespace cvmock::server
