// cvctl domains, projects, create-project and delete-project.
#include <iostream>

#include "client/cvctl/commands.h"
#include "client/cvctl/lookup.h"
#include "client/cvctl/table.h"

namespace cvmock::cvctl {

int runDomains(const Settings& settings, const CommandLine& line) {
  line.expectAtMost(0);
  client::TrainingClient training(settings.endpoint, settings.trainingKey);
  Table table({"id", "type", "name", "exportable"});
  for (const auto& domain : training.getDomains()) {
    table.addRow({domain.id, domain.type, domain.name, domain.exportable ? "yes" : "no"});
  }
  table.print(std::cout);
  return 0;
}

int runProjects(const Settings& settings, const CommandLine& line) {
  line.expectAtMost(0);
  client::TrainingClient training(settings.endpoint, settings.trainingKey);
  Table table({"id", "name", "type", "created"});
  for (const auto& project : training.getProjects()) {
    table.addRow({project.id, project.name, project.settings.classificationType.value_or("-"),
                  project.created});
  }
  table.print(std::cout);
  return 0;
}

int runCreateProject(const Settings& settings, const CommandLine& line) {
  const std::string& name = line.argument(0, "NAME");
  line.expectAtMost(1);
  auto type = line.option("type");
  if (type && *type != "Multiclass" && *type != "Multilabel") {
    throw UsageError("--type must be Multiclass or Multilabel");
  }
  client::TrainingClient training(settings.endpoint, settings.trainingKey);
  auto project = training.createProject(name, {.description = line.option("description"),
                                               .domainId = line.option("domain"),
                                               .classificationType = type});
  std::cout << "created project " << project.id << " '" << project.name << "'\n";
  return 0;
}

int runDeleteProject(const Settings& settings, const CommandLine& line) {
  const std::string& idOrName = line.argument(0, "PROJECT");
  line.expectAtMost(1);
  client::TrainingClient training(settings.endpoint, settings.trainingKey);
  auto project = findProject(training, idOrName);
  training.deleteProject(project.id);
  std::cout << "deleted project " << project.id << " '" << project.name << "'\n";
  return 0;
}

}  // namespace cvmock::cvctl
