// cvctl create-tag and tags.
#include <iostream>

#include "client/cvctl/commands.h"
#include "client/cvctl/lookup.h"
#include "client/cvctl/table.h"

namespace cvmock::cvctl {

int runCreateTag(const Settings& settings, const CommandLine& line) {
  const std::string& projectText = line.argument(0, "PROJECT");
  const std::string& name = line.argument(1, "NAME");
  line.expectAtMost(2);
  client::TrainingClient training(settings.endpoint, settings.trainingKey);
  auto project = findProject(training, projectText);
  auto tag = training.createTag(
      project.id, name, {.description = line.option("description"), .type = line.option("type")});
  std::cout << "created tag " << tag.id << " '" << tag.name << "' (" << tag.type << ")\n";
  return 0;
}

int runTags(const Settings& settings, const CommandLine& line) {
  const std::string& projectText = line.argument(0, "PROJECT");
  line.expectAtMost(1);
  client::TrainingClient training(settings.endpoint, settings.trainingKey);
  auto project = findProject(training, projectText);
  Table table({"id", "name", "type", "images"});
  for (const auto& tag : training.getTags(project.id)) {
    table.addRow({tag.id, tag.name, tag.type, std::to_string(tag.imageCount)});
  }
  table.print(std::cout);
  return 0;
}

}  // namespace cvmock::cvctl
