// cvctl train, iterations, performance, publish, unpublish and delete-iteration: the life of an iteration.
#include <chrono>
#include <iostream>

#include "client/cvctl/commands.h"
#include "client/cvctl/lookup.h"
#include "client/cvctl/option_values.h"
#include "client/cvctl/reports.h"
#include "client/cvctl/table.h"
#include "client/training_wait.h"

namespace cvmock::cvctl {

namespace {

// Tiny projects train in seconds on cvmock; one poll a second keeps the output readable.
constexpr std::chrono::seconds kPollInterval{1};
constexpr double kDefaultTimeoutSeconds = 600;

// The project and iteration named by the first two arguments, which must be all there is.
struct Target {
  client::Project project;
  client::Iteration iteration;
};

Target projectAndIteration(client::TrainingClient& training, const CommandLine& line, size_t arguments) {
  const std::string& projectText = line.argument(0, "PROJECT");
  const std::string& iterationText = line.argument(1, "ITERATION");
  line.expectAtMost(arguments);
  client::Project project = findProject(training, projectText);
  client::Iteration iteration = findIteration(training, project.id, iterationText);
  return {std::move(project), std::move(iteration)};
}

// Calls action with the project and iteration the command names (its only arguments), then reports it done.
int onIteration(const Settings& settings, const CommandLine& line,
                void (client::TrainingClient::*action)(const std::string&, const std::string&), const char* done) {
  client::TrainingClient training = settings.trainingClient();
  const Target target = projectAndIteration(training, line, 2);
  (training.*action)(target.project.id, target.iteration.id);
  std::cout << done << " " << target.iteration.name << "\n";
  return 0;
}

}  // namespace

int runTrain(const Settings& settings, const CommandLine& line) {
  const std::string& projectText = line.argument(0, "PROJECT");
  line.expectAtMost(1);
  const double timeoutSeconds = numberOption(line, "timeout").value_or(kDefaultTimeoutSeconds);

  client::TrainingClient training = settings.trainingClient();
  auto project = findProject(training, projectText);
  client::TrainProjectOptions options;
  if (line.has("force")) options.forceTrain = true;
  auto iteration = training.trainProject(project.id, options);
  if (!settings.json) {
    std::cout << "started " << iteration.name << " (" << iteration.id << "): " << iteration.status << "\n";
  }
  if (line.has("wait")) {
    iteration = client::waitForTraining(
        training, project.id, iteration.id,
        {.pollInterval = kPollInterval,
         .timeout = std::chrono::milliseconds(static_cast<long long>(timeoutSeconds * 1000)),
         .progress = settings.json ? client::TrainingProgress{} : trainingProgressPrinter(std::cout)});
  }
  printedAsJson(settings, iteration);
  return iteration.status == "Failed" ? 1 : 0;
}

int runIterations(const Settings& settings, const CommandLine& line) {
  const std::string& projectText = line.argument(0, "PROJECT");
  line.expectAtMost(1);
  client::TrainingClient training = settings.trainingClient();
  const std::vector<client::Iteration> iterations = training.getIterations(findProject(training, projectText).id);
  if (printedAsJson(settings, iterations)) return 0;
  Table table({"id", "name", "status", "trained", "published as"});
  for (const auto& iteration : iterations) {
    table.addRow({iteration.id, iteration.name, iteration.status, iteration.trainedAt.value_or("-"),
                  iteration.publishName.value_or("-")});
  }
  table.print(std::cout);
  return 0;
}

int runPerformance(const Settings& settings, const CommandLine& line) {
  const double threshold = numberOption(line, "threshold").value_or(0.5);
  if (threshold < 0 || threshold > 1) throw UsageError("--threshold must be between 0 and 1");
  const std::optional<double> overlap = numberOption(line, "overlap-threshold");
  if (overlap && (*overlap < 0 || *overlap > 1)) throw UsageError("--overlap-threshold must be between 0 and 1");
  client::TrainingClient training = settings.trainingClient();
  const Target target = projectAndIteration(training, line, 2);
  auto performance = training.getIterationPerformance(target.project.id, target.iteration.id, threshold, overlap);
  if (printedAsJson(settings, performance)) return 0;
  std::cout << target.iteration.name << " at probability threshold " << threshold;
  if (overlap) std::cout << ", overlap threshold " << *overlap;
  std::cout << ":\n";
  printPerformance(std::cout, performance);
  return 0;
}

int runPublish(const Settings& settings, const CommandLine& line) {
  line.argument(0, "PROJECT");
  line.argument(1, "ITERATION");
  const std::string& publishName = line.argument(2, "NAME");
  client::TrainingClient training = settings.trainingClient();
  const Target target = projectAndIteration(training, line, 3);
  training.publishIteration(target.project.id, target.iteration.id, publishName, settings.predictionResourceId);
  std::cout << "published " << target.iteration.name << " as '" << publishName << "'\n";
  return 0;
}

int runUnpublish(const Settings& settings, const CommandLine& line) {
  return onIteration(settings, line, &client::TrainingClient::unpublishIteration, "unpublished");
}

int runDeleteIteration(const Settings& settings, const CommandLine& line) {
  return onIteration(settings, line, &client::TrainingClient::deleteIteration, "deleted");
}

}  // namespace cvmock::cvctl
