// cvctl regions, add-region, delete-regions and proposals: object detection's labelled boxes on training images.
#include <iostream>

#include "client/cvctl/commands.h"
#include "client/cvctl/lookup.h"
#include "client/cvctl/option_values.h"
#include "client/cvctl/reports.h"

namespace cvmock::cvctl {

int runRegions(const Settings& settings, const CommandLine& line) {
  const std::string& projectText = line.argument(0, "PROJECT");
  const std::string& imageId = line.argument(1, "IMAGE");
  line.expectAtMost(2);
  client::TrainingClient training = settings.trainingClient();
  const client::Project project = findProject(training, projectText);
  const std::vector<client::Image> images = training.getImagesByIds(project.id, {imageId});
  if (images.empty()) throw std::runtime_error("no image " + imageId + " in '" + project.name + "'");
  const auto regions = images.front().regions.value_or(std::vector<client::ImageRegion>{});
  if (!printedAsJson(settings, regions)) printRegions(std::cout, regions);
  return 0;
}

int runAddRegion(const Settings& settings, const CommandLine& line) {
  const std::string& projectText = line.argument(0, "PROJECT");
  const std::string& imageId = line.argument(1, "IMAGE");
  const std::string& tagText = line.argument(2, "TAG");
  const client::ImageRegionCreateEntry entry{.imageId = imageId,
                                             .left = numberArgument(line, 3, "LEFT"),
                                             .top = numberArgument(line, 4, "TOP"),
                                             .width = numberArgument(line, 5, "WIDTH"),
                                             .height = numberArgument(line, 6, "HEIGHT")};
  line.expectAtMost(7);
  client::TrainingClient training = settings.trainingClient();
  const client::Project project = findProject(training, projectText);
  client::ImageRegionCreateBatch batch{{entry}};
  batch.regions.front().tagId = findTag(training, project.id, tagText).id;
  const client::ImageRegionCreateSummary summary = training.createImageRegions(project.id, batch);
  const bool created = summary.created && !summary.created->empty();
  if (printedAsJson(settings, summary)) return created ? 0 : 1;
  if (created) {
    const client::ImageRegionCreateResult& region = summary.created->front();
    printRegions(std::cout, {{region.regionId, region.tagName, region.created, region.tagId, region.left, region.top,
                              region.width, region.height}});
    return 0;
  }
  std::cerr << (summary.duplicated && !summary.duplicated->empty() ? "the image already has this region\n"
                                                                     : "the image has as many regions as it may\n");
  return 1;
}

int runDeleteRegions(const Settings& settings, const CommandLine& line) {
  const std::string& projectText = line.argument(0, "PROJECT");
  line.argument(1, "REGION");
  const std::vector<std::string> regionIds(line.positional.begin() + 1, line.positional.end());
  client::TrainingClient training = settings.trainingClient();
  training.deleteImageRegions(findProject(training, projectText).id, regionIds);
  std::cout << "deleted " << regionIds.size() << " region(s)\n";
  return 0;
}

int runProposals(const Settings& settings, const CommandLine& line) {
  const std::string& projectText = line.argument(0, "PROJECT");
  const std::string& imageId = line.argument(1, "IMAGE");
  line.expectAtMost(2);
  const std::optional<int> take = wholeNumberOption(line, "take");
  if (take && *take < 0) throw UsageError("--take must not be negative");
  client::TrainingClient training = settings.trainingClient();
  const client::ImageRegionProposal proposal =
      training.getImageRegionProposals(findProject(training, projectText).id, imageId);
  if (!printedAsJson(settings, proposal)) {
    printProposals(std::cout, proposal.proposals, take ? static_cast<size_t>(*take) : proposal.proposals.size());
  }
  return 0;
}

}  // namespace cvmock::cvctl
