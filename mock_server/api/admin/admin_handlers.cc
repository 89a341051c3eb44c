// Admin handlers: parse the call, change a simulation control, answer with its new state.
#include "mock_server/api/admin/admin_handlers.h"

#include <charconv>

#include "mock_server/base/errors.h"

namespace cvmock::server::admin {
namespace {

simulation::Simulation& sim(AdminCall& call) { return call.service.simulation(); }

std::optional<std::string> queryText(const AdminCall& call, const char* name) {
  if (!call.request.has_param(name)) return std::nullopt;
  return call.request.get_param_value(name);
}

template <typename Number>
std::optional<Number> queryNumber(const AdminCall& call, const char* name) {
  std::optional<std::string> text = queryText(call, name);
  if (!text) return std::nullopt;
  Number value{};
  auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (ec != std::errc() || end != text->data() + text->size()) {
    throw errors::queryNotNumber(name);
  }
  return value;
}

const char* outcomeName(simulation::TrainingOutcome outcome) {
  switch (outcome) {
    case simulation::TrainingOutcome::Fail:
      return "fail";
    case simulation::TrainingOutcome::Hang:
      return "hang";
    case simulation::TrainingOutcome::Normal:
      break;
  }
  return "normal";
}

nlohmann::json trainingState(simulation::Simulation& simulation) {
  return {{"mode", describe(simulation.lifecycle.settings())},
          {"next", outcomeName(simulation.lifecycle.nextOutcome())},
          {"held", simulation.lifecycle.heldIterations()}};
}

nlohmann::json faultList(simulation::Simulation& simulation) {
  nlohmann::json rules = nlohmann::json::array();
  for (const simulation::FaultRule& rule : simulation.faults.list()) rules.push_back(toJson(rule));
  return rules;
}

std::string requiredString(const nlohmann::json& body, const char* name) {
  if (!body.contains(name) || !body.at(name).is_string()) {
    throw errors::fieldNotString(name);
  }
  return body.at(name).get<std::string>();
}

}  // namespace

void getHealth(AdminCall& call) { call.json(200, {{"status", "healthy"}}); }

// Requests reach this handler only once the listener accepts connections, so reaching it is being ready.
void getReady(AdminCall& call) { call.json(200, {{"status", "ready"}}); }

void postReset(AdminCall& call) {
  call.service.resetState();
  call.json(200, {{"reset", true}});
}

void getConfig(AdminCall& call) {
  simulation::Simulation& simulation = sim(call);
  call.json(200, {{"seed", call.service.config().seed},
                  {"tier", toJson(simulation.quotas.limits())},
                  {"clock", simulation.clock->describe()},
                  {"training", trainingState(simulation)},
                  {"faults", faultList(simulation)}});
}

void putTier(AdminCall& call) {
  simulation::TierLimits limits = sim(call).quotas.limits();
  const std::string error = applyTierJson(limits, call.jsonBody());
  if (!error.empty()) throw errors::adminInvalidSetting(error);
  sim(call).quotas.setLimits(limits);
  sim(call).throttle.reset();
  call.json(200, toJson(limits));
}

void getJournal(AdminCall& call) {
  simulation::JournalFilter filter;
  filter.method = queryText(call, "method");
  filter.operation = queryText(call, "operation");
  filter.pathContains = queryText(call, "path");
  filter.status = queryNumber<int>(call, "status");
  filter.after = queryNumber<long long>(call, "after").value_or(0);
  filter.limit = queryNumber<std::size_t>(call, "limit").value_or(filter.limit);
  nlohmann::json entries = nlohmann::json::array();
  for (const simulation::JournalEntry& entry : sim(call).journal.query(filter)) entries.push_back(toJson(entry));
  call.json(200, {{"entries", entries}});
}

void deleteJournal(AdminCall& call) {
  sim(call).journal.clear();
  call.response.status = 204;
}

void putClock(AdminCall& call) {
  const std::string error = setClockFromSpec(*sim(call).clock, requiredString(call.jsonBody(), "clock"));
  if (!error.empty()) throw errors::adminInvalidSetting(error);
  call.json(200, {{"clock", sim(call).clock->describe()}});
}

void postClockAdvance(AdminCall& call) {
  const nlohmann::json body = call.jsonBody();
  const nlohmann::json seconds = body.value("seconds", nlohmann::json(0));
  if (!seconds.is_number() || seconds.get<double>() < 0) throw errors::adminInvalidSetting("seconds must be a number >= 0.");
  const auto by = std::chrono::milliseconds(static_cast<long long>(seconds.get<double>() * 1000));
  if (!sim(call).clock->advance(by)) throw errors::adminClockNotFixed();
  call.json(200, {{"clock", sim(call).clock->describe()}});
}

void getTraining(AdminCall& call) { call.json(200, trainingState(sim(call))); }

void putTraining(AdminCall& call) {
  simulation::TrainingSettings settings;
  const std::string error = simulation::parseTrainingMode(requiredString(call.jsonBody(), "mode"), settings);
  if (!error.empty()) throw errors::adminInvalidSetting(error);
  sim(call).lifecycle.configure(settings);
  call.json(200, trainingState(sim(call)));
}

void postTrainingNext(AdminCall& call) {
  std::optional<simulation::TrainingOutcome> outcome = simulation::parseOutcome(requiredString(call.jsonBody(), "outcome"));
  if (!outcome) throw errors::notOneOf("outcome", "normal, fail or hang");
  sim(call).lifecycle.forceNext(*outcome);
  call.json(200, trainingState(sim(call)));
}

void postTrainingAdvance(AdminCall& call) { call.json(200, {{"released", call.service.advanceTrainings()}}); }

void getFaults(AdminCall& call) { call.json(200, {{"faults", faultList(sim(call))}}); }

void postFault(AdminCall& call) {
  simulation::FaultRule rule;
  const std::string error = parseFaultJson(call.jsonBody(), rule);
  if (!error.empty()) throw errors::adminInvalidSetting(error);
  rule.id = sim(call).faults.add(rule);
  call.json(201, toJson(rule));
}

void deleteFaults(AdminCall& call) {
  sim(call).faults.clear();
  call.response.status = 204;
}

void deleteFault(AdminCall& call) {
  const std::string& id = call.params.at("faultId");
  if (!sim(call).faults.remove(id)) throw errors::adminFaultNotFound(id);
  call.response.status = 204;
}

}  // namespace cvmock::server::admin
