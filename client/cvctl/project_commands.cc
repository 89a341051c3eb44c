// cvctl domains, projects, create-project and delete-project.
#include <iostream>

#include "client/cvctl/commands.h"
#include "client/cvctl/lookup.h"
#include "client/cvctl/option_values.h"
#include "client/cvctl/reports.h"
#include "client/cvctl/table.h"

namespace cvmock::cvctl {

int runDomains(const Settings& settings, const CommandLine& line) {
  line.expectAtMost(0);
  const std::vector<client::Domain> domains = settings.trainingClient().getDomains();
  if (printedAsJson(settings, domains)) return 0;
  Table table({"id", "type", "name", "exportable"});
  for (const auto& domain : domains) {
    table.addRow({domain.id, std::string(toString(domain.type)), domain.name, domain.exportable ? "yes" : "no"});
  }
  table.print(std::cout);
  return 0;
}

int runProjects(const Settings& settings, const CommandLine& line) {
  line.expectAtMost(0);
  const std::vector<client::Project> projects = settings.trainingClient().getProjects();
  if (printedAsJson(settings, projects)) return 0;
  Table table({"id", "name", "type", "created"});
  for (const auto& project : projects) {
    const auto type = project.settings.classificationType;
    table.addRow({project.id, project.name, type ? std::string(toString(*type)) : "-", project.created});
  }
  table.print(std::cout);
  return 0;
}

int runCreateProject(const Settings& settings, const CommandLine& line) {
  const std::string& name = line.argument(0, "NAME");
  line.expectAtMost(1);
  const auto type = enumOption<client::ClassificationType>(line, "type");
  std::optional<std::string> domainId = line.option("domain");
  if (line.has("detection") && (domainId || type)) throw UsageError("--detection chooses the domain and the type");
  client::TrainingClient training = settings.trainingClient();
  if (line.has("detection")) domainId = findDetectionDomain(training).id;
  const client::Project project = training.createProject(
      name, {.description = line.option("description"), .domainId = domainId, .classificationType = type});
  if (printedAsJson(settings, project)) return 0;
  std::cout << "created project " << project.id << " '" << project.name << "'\n";
  return 0;
}

int runDeleteProject(const Settings& settings, const CommandLine& line) {
  const std::string& idOrName = line.argument(0, "PROJECT");
  line.expectAtMost(1);
  client::TrainingClient training = settings.trainingClient();
  auto project = findProject(training, idOrName);
  training.deleteProject(project.id);
  std::cout << "deleted project " << project.id << " '" << project.name << "'\n";
  return 0;
}

}  // namespace cvmock::cvctl
