// Iterations: TrainProject and the trainings it starts (on a worker, shaped by the simulated lifecycle), the
// iterations they leave, and their evaluation (performance per tag, per held-out image).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "mock_server/service/service_state.h"
#include "mock_server/service/training_queue.h"

namespace cvmock::server {

struct TrainRequest {
  std::string trainingType = "Regular";  // "Regular" | "Advanced"
  int reservedBudgetInHours = 0;
  bool forceTrain = false;
  // Only checked: cvmock sends no mail.
  std::optional<std::string> notificationEmailAddress;
  std::vector<std::string> selectedTags;  // empty means every tag
};

// Thread-safe; every failure is a ServiceError from the catalogue (base/errors.h). Its queue's workers are
// joined when it is destroyed, after finishing the trainings already queued.
class IterationService {
 public:
  // Marks Failed any training a previous process left running.
  explicit IterationService(ServiceState& state);

  // Starts a training and answers at once with the new iteration, status Training. Advanced training needs
  // reservedBudgetInHours >= 1; Regular training ignores the budget (recorded as 0).
  IterationRecord trainProject(const std::string& projectId, TrainRequest request);
  std::vector<IterationRecord> getIterations(const std::string& projectId) const;
  IterationRecord getIteration(const std::string& projectId, const std::string& iterationId) const;
  IterationRecord updateIteration(const std::string& projectId, const std::string& iterationId,
                                  const std::optional<std::string>& name);
  void deleteIteration(const std::string& projectId, const std::string& iterationId);
  // overlapThreshold only matters for an object-detection iteration: the IoU a detection needs to match a region.
  IterationPerformanceView getIterationPerformance(const std::string& projectId, const std::string& iterationId,
                                                   double threshold, double overlapThreshold) const;
  std::vector<ImagePerformanceView> getImagePerformances(const std::string& projectId,
                                                         const std::string& iterationId,
                                                         const std::vector<std::string>& tagIds, int take,
                                                         int skip) const;
  int countImagePerformances(const std::string& projectId, const std::string& iterationId,
                             const std::vector<std::string>& tagIds) const;

  // Blocks until no training is queued or running (tests, reset, clean shutdown).
  void waitForIdle();
  // Stores every finished training the lifecycle holds back, hung ones included; returns how many.
  int advanceTrainings();

 private:
  void failInterruptedTrainings();
  // Fills an iteration's model and holdout from its snapshot; throws when the training fails.
  using Fit = std::function<void(IterationRecord& done)>;
  // The classifier's fit of the images and their labels (output indices).
  Fit classifierFit(const std::string& projectId, std::vector<std::string> imageIds,
                    std::vector<std::vector<int>> labels) const;
  void runTraining(const std::string& projectId, const std::string& iterationId, const Fit& fit,
                   simulation::TrainingOutcome outcome);
  // Before a read of iterations: lets the lifecycle count the read and stores the results now due.
  void settleTrainings(const std::string& projectId, const std::string& iterationId) const;
  void storeSettled(const std::vector<IterationRecord>& settled) const;

  ServiceState& state_;
  mutable TrainingQueue queue_;  // last: its workers stop before anything they use is destroyed
};

}  // namespace cvmock::server
