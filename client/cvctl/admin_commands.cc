// cvctl health, reset, config, tier, clock and journal: cvmock's admin API (not part of the real service).
#include <iostream>

#include "client/admin_client.h"
#include "client/cvctl/commands.h"
#include "client/cvctl/option_values.h"
#include "client/cvctl/table.h"

namespace cvmock::cvctl {

int runHealth(const Settings& settings, const CommandLine& line) {
  line.expectAtMost(0);
  const bool ready = settings.adminClient().ready();
  std::cout << settings.endpoint << (ready ? " is ready\n" : " is not ready\n");
  return ready ? 0 : 1;
}

int runReset(const Settings& settings, const CommandLine& line) {
  line.expectAtMost(0);
  settings.adminClient().reset();
  std::cout << "reset: every project, fault, journal entry and held training is gone\n";
  return 0;
}

int runConfig(const Settings& settings, const CommandLine& line) {
  line.expectAtMost(0);
  std::cout << settings.adminClient().config().dump(2) << "\n";
  return 0;
}

int runTier(const Settings& settings, const CommandLine& line) {
  line.expectAtMost(1);
  nlohmann::json change = nlohmann::json::object();
  if (!line.positional.empty()) change["tier"] = line.positional[0];
  if (std::optional<std::string> json = line.option("set")) {
    const nlohmann::json overrides = nlohmann::json::parse(*json, nullptr, false);
    if (!overrides.is_object()) throw UsageError("--set takes a JSON object, e.g. '{\"projects\": 5}'");
    change.update(overrides);
  }
  client::AdminClient admin = settings.adminClient();
  const nlohmann::json limits = change.empty() ? admin.config()["tier"] : admin.setTier(change);
  Table table({"limit", "value"});
  for (const auto& [name, value] : limits.items()) {
    table.addRow({name, value.is_string() ? value.get<std::string>() : value.dump()});
  }
  table.print(std::cout);
  return 0;
}

int runClock(const Settings& settings, const CommandLine& line) {
  line.expectAtMost(1);
  client::AdminClient admin = settings.adminClient();
  nlohmann::json state = admin.config();
  if (!line.positional.empty()) state = admin.setClock(line.positional[0]);
  if (std::optional<double> seconds = numberOption(line, "advance")) state = admin.advanceClock(*seconds);
  std::cout << "clock: " << state["clock"].get<std::string>() << "\n";
  return 0;
}

int runJournal(const Settings& settings, const CommandLine& line) {
  line.expectAtMost(0);
  client::AdminClient admin = settings.adminClient();
  if (line.has("clear")) {
    admin.clearJournal();
    std::cout << "journal cleared\n";
    return 0;
  }
  client::JournalQuery query{line.option("method"), line.option("operation"), line.option("path"),
                             wholeNumberOption(line, "status"), wholeNumberOption(line, "limit")};
  Table table({"#", "time", "method", "path", "operation", "status", "ms", "fault"});
  const nlohmann::json journal = admin.journal(query);
  for (const nlohmann::json& entry : journal["entries"]) {
    table.addRow({entry["sequence"].dump(), entry["time"], entry["method"], entry["path"], entry["operation"],
                  entry["status"].dump(), formatDecimal(entry["durationMs"].get<double>()), entry["fault"]});
  }
  table.print(std::cout);
  return 0;
}

}  // namespace cvmock::cvctl
