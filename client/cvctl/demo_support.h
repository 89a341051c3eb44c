// What both cvctl demos (classification and object detection) share: numbered steps, the project's name, and the
// cleanup of a demo project that stops half-way.
#pragma once

#include <string>

#include "client/training_client.h"

namespace cvmock::cvctl {

// Prints "[number/total] title" and the explanation indented below it.
void printStep(int number, int total, const std::string& title, const std::string& explanation);

// "cvmock <kind> demo <local date and time>", so repeated runs do not collide.
std::string demoProjectName(const std::string& kind);

// Starts training the project and polls it each second, printing its progress, for up to ten minutes. Returns the
// Completed iteration; throws std::runtime_error when it ends otherwise, and what the client throws.
client::Iteration trainToCompletion(client::TrainingClient& training, const std::string& projectId);

// Deletes the demo project on destruction unless keep was asked or it was removed already, so failed runs leave
// nothing behind; an error deleting it is printed, not thrown. The training client must outlive it.
class ProjectCleanup {
 public:
  ProjectCleanup(client::TrainingClient& training, std::string projectId, bool keep);
  ~ProjectCleanup();
  ProjectCleanup(const ProjectCleanup&) = delete;
  ProjectCleanup& operator=(const ProjectCleanup&) = delete;

  void setPublishedIteration(std::string iterationId) { publishedIterationId_ = std::move(iterationId); }

  // Unpublishes first: the service refuses to delete a published iteration. Throws what the client throws.
  void removeDemoProject();

 private:
  client::TrainingClient& training_;
  std::string projectId_;
  std::string publishedIterationId_;
  bool active_;
};

}  // namespace cvmock::cvctl
