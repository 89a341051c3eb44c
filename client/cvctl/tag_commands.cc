// cvctl create-tag and tags.
#include <iostream>

#include "client/cvctl/commands.h"
#include "client/cvctl/lookup.h"
#include "client/cvctl/option_values.h"
#include "client/cvctl/reports.h"
#include "client/cvctl/table.h"

namespace cvmock::cvctl {

int runCreateTag(const Settings& settings, const CommandLine& line) {
  const std::string& projectText = line.argument(0, "PROJECT");
  const std::string& name = line.argument(1, "NAME");
  line.expectAtMost(2);
  const auto type = enumOption<client::TagType>(line, "type");
  client::TrainingClient training = settings.trainingClient();
  auto project = findProject(training, projectText);
  auto tag = training.createTag(project.id, name, {.description = line.option("description"), .type = type});
  if (printedAsJson(settings, tag)) return 0;
  std::cout << "created tag " << tag.id << " '" << tag.name << "' (" << toString(tag.type) << ")\n";
  return 0;
}

int runTags(const Settings& settings, const CommandLine& line) {
  const std::string& projectText = line.argument(0, "PROJECT");
  line.expectAtMost(1);
  client::TrainingClient training = settings.trainingClient();
  auto project = findProject(training, projectText);
  const std::vector<client::Tag> tags = training.getTags(project.id);
  if (printedAsJson(settings, tags)) return 0;
  Table table({"id", "name", "type", "images"});
  for (const auto& tag : tags) {
    table.addRow({tag.id, tag.name, std::string(toString(tag.type)), std::to_string(tag.imageCount)});
  }
  table.print(std::cout);
  return 0;
}

}  // namespace cvmock::cvctl
