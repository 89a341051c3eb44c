// Fault rules: their two spellings (JSON and header) and the table that picks one per request.
#include "mock_server/simulation/faults.h"

#include <algorithm>
#include <charconv>
#include <regex>

#include "mock_server/base/text.h"

namespace cvmock::server::simulation {
namespace {

std::string validate(const FaultRule& rule) {
  if (rule.status != 0 && (rule.status < 400 || rule.status > 599)) return "status must be 400-599 (or 0 for none)";
  if (rule.latencyMs < 0 || rule.latencyMs > 600000) return "latencyMs must be 0-600000";
  if (rule.probability < 0 || rule.probability > 1) return "probability must be between 0 and 1";
  if (rule.times < 0) return "times must be >= 0";
  if (rule.status == 0 && rule.latencyMs == 0 && !rule.drop) return "a fault needs a status, a latency or drop";
  try {
    std::regex check(rule.path);
  } catch (const std::regex_error&) {
    return "path is not a valid regular expression";
  }
  return "";
}

template <typename Number>
bool parseNumber(const std::string& text, Number& out) {
  if constexpr (std::is_floating_point_v<Number>) {
    try {
      std::size_t used = 0;
      out = static_cast<Number>(std::stod(text, &used));
      return used == text.size();
    } catch (const std::exception&) {
      return false;
    }
  } else {
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc() && end == text.data() + text.size();
  }
}

}  // namespace

std::string parseFaultJson(const nlohmann::json& json, FaultRule& rule) {
  if (!json.is_object()) return "a fault must be a JSON object";
  try {
    rule.operation = json.value("operation", rule.operation);
    rule.path = json.value("path", rule.path);
    rule.status = json.value("status", rule.status);
    rule.code = json.value("code", rule.code);
    rule.message = json.value("message", rule.message);
    rule.latencyMs = json.value("latencyMs", rule.latencyMs);
    rule.drop = json.value("drop", rule.drop);
    rule.probability = json.value("probability", rule.probability);
    rule.times = json.value("times", rule.times);
  } catch (const nlohmann::json::exception&) {
    return "a fault field has the wrong type";
  }
  return validate(rule);
}

std::string parseFaultHeader(const std::string& value, FaultRule& rule) {
  for (const std::string& part : splitList(value, ';')) {
    const std::size_t eq = part.find('=');
    const std::string name = part.substr(0, eq);
    const std::string text = eq == std::string::npos ? "" : part.substr(eq + 1);
    bool ok = true;
    if (name == "status") ok = parseNumber(text, rule.status);
    else if (name == "code") rule.code = text;
    else if (name == "message") rule.message = text;
    else if (name == "latency") ok = parseNumber(text, rule.latencyMs);
    else if (name == "drop") rule.drop = true;
    else if (name == "probability") ok = parseNumber(text, rule.probability);
    else return "unknown fault setting '" + name + "'";
    if (!ok) return "invalid value for " + name + ": '" + text + "'";
  }
  return validate(rule);
}

nlohmann::json toJson(const FaultRule& rule) {
  return {{"id", rule.id},         {"operation", rule.operation}, {"path", rule.path},
          {"status", rule.status}, {"code", rule.code},           {"message", rule.message},
          {"latencyMs", rule.latencyMs}, {"drop", rule.drop},     {"probability", rule.probability},
          {"times", rule.times}};
}

FaultTable::FaultTable(std::uint64_t seed) : random_(seed ^ 0xfa017ULL) {}

std::string FaultTable::add(FaultRule rule) {
  std::lock_guard lock(mutex_);
  rule.id = "fault-" + std::to_string(++added_);
  rules_.push_back(std::move(rule));
  return rules_.back().id;
}

bool FaultTable::remove(const std::string& id) {
  std::lock_guard lock(mutex_);
  return std::erase_if(rules_, [&](const FaultRule& rule) { return rule.id == id; }) > 0;
}

void FaultTable::clear() {
  std::lock_guard lock(mutex_);
  rules_.clear();
}

std::vector<FaultRule> FaultTable::list() const {
  std::lock_guard lock(mutex_);
  return rules_;
}

std::optional<FaultRule> FaultTable::pick(const std::string& operationId, const std::string& path) {
  std::lock_guard lock(mutex_);
  for (auto it = rules_.begin(); it != rules_.end(); ++it) {
    if (!it->operation.empty() && it->operation != operationId) continue;
    if (!it->path.empty() && !std::regex_search(path, std::regex(it->path))) continue;
    if (!rollLocked(it->probability)) continue;
    FaultRule chosen = *it;
    if (it->times > 0 && --it->times == 0) rules_.erase(it);
    return chosen;
  }
  return std::nullopt;
}

bool FaultTable::roll(double probability) {
  std::lock_guard lock(mutex_);
  return rollLocked(probability);
}

bool FaultTable::rollLocked(double probability) {
  if (probability >= 1) return true;
  return std::uniform_real_distribution<double>(0, 1)(random_) < probability;
}

}  // namespace cvmock::server::simulation
