// cvctl train, performance and publish: the life of an iteration.
#include <chrono>
#include <iostream>

#include "client/cvctl/commands.h"
#include "client/cvctl/lookup.h"
#include "client/cvctl/reports.h"
#include "client/training_wait.h"

namespace cvmock::cvctl {

namespace {

// Tiny projects train in seconds on cvmock; one poll a second keeps the output readable.
constexpr std::chrono::seconds kPollInterval{1};
constexpr int kDefaultTimeoutSeconds = 600;

double parseNumber(const std::string& text, const std::string& option) {
  try {
    size_t used = 0;
    double value = std::stod(text, &used);
    if (used == text.size()) return value;
  } catch (const std::logic_error&) {
  }
  throw UsageError("--" + option + " needs a number, got '" + text + "'");
}

}  // namespace

int runTrain(const Settings& settings, const CommandLine& line) {
  const std::string& projectText = line.argument(0, "PROJECT");
  line.expectAtMost(1);
  double timeoutSeconds = parseNumber(
      line.option("timeout").value_or(std::to_string(kDefaultTimeoutSeconds)), "timeout");

  client::TrainingClient training(settings.endpoint, settings.trainingKey);
  auto project = findProject(training, projectText);
  client::TrainProjectOptions options;
  if (line.has("force")) options.forceTrain = true;
  auto iteration = training.trainProject(project.id, options);
  std::cout << "started " << iteration.name << " (" << iteration.id << "): " << iteration.status
            << "\n";
  if (!line.has("wait")) return 0;

  auto timeout = std::chrono::milliseconds(static_cast<long long>(timeoutSeconds * 1000));
  auto finished = client::waitForTraining(training, project.id, iteration.id, kPollInterval,
                                          timeout, trainingProgressPrinter(std::cout));
  return finished.status == "Completed" ? 0 : 1;
}

int runPerformance(const Settings& settings, const CommandLine& line) {
  const std::string& projectText = line.argument(0, "PROJECT");
  const std::string& iterationText = line.argument(1, "ITERATION");
  line.expectAtMost(2);
  double threshold = parseNumber(line.option("threshold").value_or("0.5"), "threshold");
  if (threshold < 0 || threshold > 1) throw UsageError("--threshold must be between 0 and 1");

  client::TrainingClient training(settings.endpoint, settings.trainingKey);
  auto project = findProject(training, projectText);
  auto iteration = findIteration(training, project.id, iterationText);
  auto performance = training.getIterationPerformance(project.id, iteration.id, threshold);
  std::cout << iteration.name << " at probability threshold " << threshold << ":\n";
  printPerformance(std::cout, performance);
  return 0;
}

int runPublish(const Settings& settings, const CommandLine& line) {
  const std::string& projectText = line.argument(0, "PROJECT");
  const std::string& iterationText = line.argument(1, "ITERATION");
  const std::string& publishName = line.argument(2, "NAME");
  line.expectAtMost(3);

  client::TrainingClient training(settings.endpoint, settings.trainingKey);
  auto project = findProject(training, projectText);
  auto iteration = findIteration(training, project.id, iterationText);
  training.publishIteration(project.id, iteration.id, publishName, settings.predictionResourceId);
  std::cout << "published " << iteration.name << " as '" << publishName << "'\n";
  return 0;
}

}  // namespace cvmock::cvctl
