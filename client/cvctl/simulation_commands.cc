// cvctl training-mode, next-training, advance-training, faults, add-fault and remove-fault: cvmock's simulation
// controls.
#include <iostream>

#include "client/admin_client.h"
#include "client/cvctl/commands.h"
#include "client/cvctl/table.h"

namespace cvmock::cvctl {
namespace {

void printTraining(const nlohmann::json& state) {
  std::cout << "training mode: " << state["mode"].get<std::string>()
            << "; next training: " << state["next"].get<std::string>() << "; held: " << state["held"].size() << "\n";
}

// Copies --name into rule[field], as a number when `numeric`.
void copyOption(const CommandLine& line, const std::string& name, nlohmann::json& rule, const char* field,
                bool numeric) {
  std::optional<std::string> text = line.option(name);
  if (!text) return;
  if (!numeric) {
    rule[field] = *text;
    return;
  }
  const nlohmann::json number = nlohmann::json::parse(*text, nullptr, false);
  if (!number.is_number()) throw UsageError("--" + name + " must be a number");
  rule[field] = number;
}

}  // namespace

int runTrainingMode(const Settings& settings, const CommandLine& line) {
  line.expectAtMost(1);
  client::AdminClient admin = settings.adminClient();
  printTraining(line.positional.empty() ? admin.training() : admin.setTrainingMode(line.positional[0]));
  return 0;
}

int runNextTraining(const Settings& settings, const CommandLine& line) {
  const std::string& outcome = line.argument(0, "normal|fail|hang");
  line.expectAtMost(1);
  printTraining(settings.adminClient().forceNextTraining(outcome));
  return 0;
}

int runAdvanceTraining(const Settings& settings, const CommandLine& line) {
  line.expectAtMost(0);
  std::cout << "released " << settings.adminClient().advanceTrainings() << " training(s)\n";
  return 0;
}

int runFaults(const Settings& settings, const CommandLine& line) {
  line.expectAtMost(0);
  Table table({"id", "operation", "path", "status", "code", "latency ms", "drop", "probability", "times"});
  const nlohmann::json faults = settings.adminClient().faults();
  for (const nlohmann::json& rule : faults["faults"]) {
    table.addRow({rule["id"], rule["operation"], rule["path"], rule["status"].dump(), rule["code"],
                  rule["latencyMs"].dump(), rule["drop"].get<bool>() ? "yes" : "no",
                  formatDecimal(rule["probability"].get<double>()), rule["times"].dump()});
  }
  table.print(std::cout);
  return 0;
}

int runAddFault(const Settings& settings, const CommandLine& line) {
  line.expectAtMost(0);
  nlohmann::json rule = nlohmann::json::object();
  copyOption(line, "operation", rule, "operation", false);
  copyOption(line, "path", rule, "path", false);
  copyOption(line, "status", rule, "status", true);
  copyOption(line, "code", rule, "code", false);
  copyOption(line, "message", rule, "message", false);
  copyOption(line, "latency", rule, "latencyMs", true);
  copyOption(line, "probability", rule, "probability", true);
  copyOption(line, "times", rule, "times", true);
  if (line.has("drop")) rule["drop"] = true;
  const nlohmann::json added = settings.adminClient().addFault(rule);
  std::cout << "added fault " << added["id"].get<std::string>() << "\n";
  return 0;
}

int runRemoveFault(const Settings& settings, const CommandLine& line) {
  const std::string& id = line.argument(0, "FAULT|all");
  line.expectAtMost(1);
  client::AdminClient admin = settings.adminClient();
  if (id == "all") {
    admin.clearFaults();
  } else {
    admin.removeFault(id);
  }
  std::cout << "removed " << id << "\n";
  return 0;
}

}  // namespace cvmock::cvctl
