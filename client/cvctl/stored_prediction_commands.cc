// cvctl predictions and delete-predictions (the stored predictions) and suggestions (suggested tags for untagged
// images).
#include <algorithm>
#include <iostream>

#include "client/cvctl/commands.h"
#include "client/cvctl/lookup.h"
#include "client/cvctl/option_values.h"
#include "client/cvctl/reports.h"
#include "client/cvctl/table.h"

namespace cvmock::cvctl {

namespace {

// The most probable prediction as "tag probability", or "-" for none (a detection's boxes come grouped by tag,
// not most probable first).
std::pair<std::string, std::string> topOf(const std::vector<client::Prediction>& predictions) {
  if (predictions.empty()) return {"-", "-"};
  const client::Prediction& top = *std::max_element(
      predictions.begin(), predictions.end(),
      [](const client::Prediction& a, const client::Prediction& b) { return a.probability < b.probability; });
  return {top.tagName.value_or(top.tagId), formatDecimal(top.probability)};
}

}  // namespace

int runPredictions(const Settings& settings, const CommandLine& line) {
  const std::string& projectText = line.argument(0, "PROJECT");
  line.expectAtMost(1);
  client::TrainingClient training = settings.trainingClient();
  const client::Project project = findProject(training, projectText);
  client::PredictionQueryToken token{.maxCount = wholeNumberOption(line, "take"),
                                     .orderBy = enumOption<client::PredictionOrder>(line, "order"),
                                     .application = line.option("application")};
  if (std::optional<std::string> iteration = line.option("iteration")) {
    token.iterationId = findIteration(training, project.id, *iteration).id;
  }
  const client::PredictionQueryResult result = training.queryPredictions(project.id, token);
  if (printedAsJson(settings, result)) return 0;
  Table table({"id", "created", "iteration", "top tag", "probability"});
  for (const auto& stored : result.results) {
    const auto [tag, probability] = topOf(stored.predictions);
    table.addRow({stored.id, stored.created, stored.iteration, tag, probability});
  }
  table.print(std::cout);
  if (result.token.continuation) std::cout << "(more: the service has another page)\n";
  return 0;
}

int runDeletePredictions(const Settings& settings, const CommandLine& line) {
  const std::string& projectText = line.argument(0, "PROJECT");
  line.argument(1, "ID");
  const std::vector<std::string> ids(line.positional.begin() + 1, line.positional.end());
  client::TrainingClient training = settings.trainingClient();
  training.deletePrediction(findProject(training, projectText).id, ids);
  std::cout << "deleted " << ids.size() << " stored prediction(s)\n";
  return 0;
}

int runSuggestions(const Settings& settings, const CommandLine& line) {
  const std::string& projectText = line.argument(0, "PROJECT");
  const std::string& iterationText = line.argument(1, "ITERATION");
  line.expectAtMost(2);
  const double threshold = numberOption(line, "threshold").value_or(0.5);
  client::TrainingClient training = settings.trainingClient();
  const client::Project project = findProject(training, projectText);
  const client::Iteration iteration = findIteration(training, project.id, iterationText);
  std::vector<std::string> tagIds;
  if (std::optional<std::string> tagName = line.option("tag")) {
    std::optional<client::Tag> tag = findTagByName(training, project.id, *tagName);
    if (!tag) throw std::runtime_error("no tag named '" + *tagName + "'");
    tagIds.push_back(tag->id);
  } else {
    for (const client::Tag& tag : training.getTags(project.id, iteration.id)) tagIds.push_back(tag.id);
  }
  const client::SuggestedTagAndRegionQueryToken token{
      .tagIds = tagIds, .threshold = threshold, .maxCount = wholeNumberOption(line, "take")};
  const client::SuggestedTagAndRegionQuery query = training.querySuggestedImages(project.id, iteration.id, token);
  if (printedAsJson(settings, query)) return 0;
  Table table({"image", "suggested tag", "probability", "uncertainty"});
  for (const auto& suggestion : query.results) {
    const auto [tag, probability] = topOf(suggestion.predictions);
    table.addRow({suggestion.id, tag, probability, formatDecimal(suggestion.predictionUncertainty)});
  }
  table.print(std::cout);
  return 0;
}

}  // namespace cvmock::cvctl
