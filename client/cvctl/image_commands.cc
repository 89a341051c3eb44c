// cvctl images, image-metadata and delete-images.
#include <iostream>

#include "client/cvctl/commands.h"
#include "client/cvctl/lookup.h"
#include "client/cvctl/option_values.h"
#include "client/cvctl/reports.h"
#include "client/cvctl/table.h"

namespace cvmock::cvctl {

namespace {

std::vector<std::string> splitOnCommas(const std::string& text) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (start <= text.size()) {
    const size_t comma = std::min(text.find(',', start), text.size());
    if (comma > start) parts.push_back(text.substr(start, comma - start));
    start = comma + 1;
  }
  return parts;
}

std::string tagNames(const client::Image& image) {
  std::string names;
  for (const auto& tag : image.tags.value_or(std::vector<client::ImageTag>{})) {
    if (!names.empty()) names += ',';
    names += tag.tagName.value_or(tag.tagId);
  }
  return names.empty() ? "-" : names;
}

std::string metadataText(const std::optional<std::map<std::string, std::string>>& metadata) {
  std::string text;
  for (const auto& [key, value] : metadata.value_or(std::map<std::string, std::string>{})) {
    if (!text.empty()) text += ' ';
    text += key + "=" + value;
  }
  return text;
}

client::ImageQuery queryFrom(client::TrainingClient& training, const std::string& projectId,
                             const CommandLine& line) {
  if (line.has("tagged") && line.has("untagged")) throw UsageError("give --tagged or --untagged, not both");
  client::ImageQuery query{.filter = line.option("filter"),
                           .orderBy = enumOption<client::ImageOrder>(line, "order"),
                           .take = wholeNumberOption(line, "take"),
                           .skip = wholeNumberOption(line, "skip")};
  query.taggingStatus = line.has("tagged")     ? client::TaggingStatus::Tagged
                        : line.has("untagged") ? client::TaggingStatus::Untagged
                                               : client::TaggingStatus::All;
  if (std::optional<std::string> tagName = line.option("tag")) {
    std::optional<client::Tag> tag = findTagByName(training, projectId, *tagName);
    if (!tag) throw std::runtime_error("no tag named '" + *tagName + "'");
    query.tagIds.push_back(tag->id);
  }
  return query;
}

}  // namespace

int runImages(const Settings& settings, const CommandLine& line) {
  const std::string& projectText = line.argument(0, "PROJECT");
  line.expectAtMost(1);
  client::TrainingClient training = settings.trainingClient();
  const client::Project project = findProject(training, projectText);
  const client::ImageQuery query = queryFrom(training, project.id, line);
  if (line.has("count")) {
    const int count = training.getImageCount(project.id, query);
    if (!printedAsJson(settings, count)) std::cout << count << "\n";
    return 0;
  }
  const std::vector<client::Image> images = training.getImages(project.id, query);
  if (printedAsJson(settings, images)) return 0;
  Table table({"id", "created", "size", "tags", "regions", "metadata"});
  for (const auto& image : images) {
    table.addRow({image.id, image.created, std::to_string(image.width) + "x" + std::to_string(image.height),
                  tagNames(image), std::to_string(image.regions ? image.regions->size() : 0),
                  metadataText(image.metadata)});
  }
  table.print(std::cout);
  return 0;
}

int runImageMetadata(const Settings& settings, const CommandLine& line) {
  const std::string& projectText = line.argument(0, "PROJECT");
  const std::vector<std::string> imageIds = splitOnCommas(line.argument(1, "IMAGE[,IMAGE...]"));
  line.argument(2, "KEY=VALUE");
  std::map<std::string, std::string> metadata;
  for (size_t i = 2; i < line.positional.size(); ++i) {
    const std::string& pair = line.positional[i];
    const size_t equals = pair.find('=');
    if (equals == std::string::npos || equals == 0) throw UsageError("metadata goes as KEY=VALUE, got '" + pair + "'");
    metadata[pair.substr(0, equals)] = pair.substr(equals + 1);
  }
  client::TrainingClient training = settings.trainingClient();
  const client::Project project = findProject(training, projectText);
  const client::ImageMetadataUpdateSummary summary = training.updateImageMetadata(project.id, imageIds, metadata);
  if (printedAsJson(settings, summary)) return summary.isBatchSuccessful ? 0 : 1;
  Table table({"image", "status", "metadata"});
  for (const auto& entry : summary.images) {
    table.addRow({entry.imageId, std::string(toString(entry.status)), metadataText(entry.metadata)});
  }
  table.print(std::cout);
  return summary.isBatchSuccessful ? 0 : 1;
}

int runDeleteImages(const Settings& settings, const CommandLine& line) {
  const std::string& projectText = line.argument(0, "PROJECT");
  const std::vector<std::string> imageIds(line.positional.begin() + 1, line.positional.end());
  const bool all = line.has("all");
  if (all == !imageIds.empty()) throw UsageError("give image ids or --all");
  client::TrainingClient training = settings.trainingClient();
  const client::Project project = findProject(training, projectText);
  training.deleteImages(project.id, imageIds, {.allImages = all});
  std::cout << (all ? "deleting every image of '" + project.name + "'"
                    : "deleted " + std::to_string(imageIds.size()) + " image(s)")
            << "\n";
  return 0;
}

}  // namespace cvmock::cvctl
