// The demos' shared steps, names and cleanup.
#include "client/cvctl/demo_support.h"

#include <chrono>
#include <ctime>
#include <iostream>
#include <stdexcept>

#include "client/cvctl/reports.h"
#include "client/training_wait.h"

namespace cvmock::cvctl {

void printStep(int number, int total, const std::string& title, const std::string& explanation) {
  std::cout << "\n[" << number << "/" << total << "] " << title << "\n    " << explanation << "\n";
}

std::string demoProjectName(const std::string& kind) {
  std::time_t now = std::time(nullptr);
  char stamp[32];
  std::strftime(stamp, sizeof stamp, "%Y-%m-%d %H:%M:%S", std::localtime(&now));
  return "cvmock " + kind + " demo " + stamp;
}

client::Iteration trainToCompletion(client::TrainingClient& training, const std::string& projectId) {
  const client::Iteration started = training.trainProject(projectId);
  const client::Iteration iteration =
      client::waitForTraining(training, projectId, started.id,
                              {.pollInterval = std::chrono::seconds(1), .timeout = std::chrono::minutes(10),
                               .progress = trainingProgressPrinter(std::cout)});
  if (iteration.status != "Completed") throw std::runtime_error(iteration.name + " ended " + iteration.status);
  return iteration;
}

ProjectCleanup::ProjectCleanup(client::TrainingClient& training, std::string projectId, bool keep)
    : training_(training), projectId_(std::move(projectId)), active_(!keep) {}

ProjectCleanup::~ProjectCleanup() {
  if (!active_) return;
  try {
    removeDemoProject();
  } catch (const std::exception& error) {
    std::cerr << "could not delete demo project " << projectId_ << ": " << error.what() << "\n";
  }
}

void ProjectCleanup::removeDemoProject() {
  active_ = false;
  if (!publishedIterationId_.empty()) training_.unpublishIteration(projectId_, publishedIterationId_);
  training_.deleteProject(projectId_);
}

}  // namespace cvmock::cvctl
