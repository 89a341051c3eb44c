// IterationService: training, iterations and their evaluation.
#include "mock_server/service/iteration_service.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <unordered_set>

#include "mock_server/base/errors.h"
#include "mock_server/base/text.h"
#include "mock_server/service/detection_training.h"
#include "mock_server/service/region_rules.h"
#include "trainer/features.h"
#include "trainer/training.h"

namespace cvmock::server {
namespace {

// The images a training will use, with labels as output indices: taken when TrainProject is called.
struct TrainingSnapshot {
  std::vector<TrainedTag> tags;
  std::vector<std::string> imageIds;
  std::vector<std::vector<int>> labels;
};

TrainingSnapshot snapshotForTraining(const std::vector<TagRecord>& tags, const std::vector<ImageRecord>& images,
                                     const std::vector<std::string>& selectedTags) {
  TrainingSnapshot snapshot;
  std::unordered_map<std::string, int> counts;
  for (const ImageRecord& image : images) {
    for (const ImageTagRecord& t : image.tags) ++counts[t.tagId];
  }
  std::unordered_map<std::string, int> indexOf;
  for (const TagRecord& tag : tags) {
    const bool selected = selectedTags.empty() ||
                          std::find(selectedTags.begin(), selectedTags.end(), tag.id) != selectedTags.end();
    if (!selected || counts[tag.id] == 0) continue;
    indexOf.emplace(tag.id, static_cast<int>(snapshot.tags.size()));
    snapshot.tags.push_back({tag.id, tag.name, tag.type, counts[tag.id]});
  }
  for (const ImageRecord& image : images) {
    std::vector<int> labels;
    for (const ImageTagRecord& t : image.tags) {
      auto it = indexOf.find(t.tagId);
      if (it != indexOf.end()) labels.push_back(it->second);
    }
    if (labels.empty()) continue;
    snapshot.imageIds.push_back(image.id);
    snapshot.labels.push_back(std::move(labels));
  }
  return snapshot;
}

trainer::ClassificationType toTrainer(ClassificationType type) {
  return type == ClassificationType::Multiclass ? trainer::ClassificationType::Multiclass
                                                : trainer::ClassificationType::Multilabel;
}

// A held-out image's labels: a classifier's tags, or the tags of a detector's regions.
bool hasAnyLabel(const HoldoutImage& image, const std::vector<TrainedTag>& tags,
                 const std::unordered_set<std::string>& tagIds) {
  if (tagIds.empty()) return true;
  return std::any_of(image.labels.begin(), image.labels.end(),
                     [&](int label) { return tagIds.contains(tags[label].id); }) ||
         std::any_of(image.regions.begin(), image.regions.end(),
                     [&](const HoldoutRegion& r) { return tagIds.contains(tags[r.tag].id); });
}

// A plausible address (one @, text on both sides, a dot in the domain, no blanks); nothing is sent to it.
bool plausibleEmailAddress(const std::string& address) {
  const std::size_t at = address.find('@');
  if (at == std::string::npos || at == 0 || address.find('@', at + 1) != std::string::npos) return false;
  const std::size_t dot = address.find('.', at + 2);
  if (dot == std::string::npos || dot + 1 == address.size()) return false;
  return std::none_of(address.begin(), address.end(), [](unsigned char c) { return std::isspace(c) || c < 0x20; });
}

// Regular training has no budget (the service records 0); Advanced needs at least an hour.
void checkTrainingOptions(TrainRequest& request) {
  if (request.notificationEmailAddress && !plausibleEmailAddress(*request.notificationEmailAddress)) {
    throw errors::invalidEmailAddress();
  }
  if (request.reservedBudgetInHours < 0) throw errors::negativeBudget();
  if (request.trainingType == "Advanced" && request.reservedBudgetInHours < 1) {
    throw errors::reservedBudgetNotEnoughForAdvancedTraining();
  }
  if (request.trainingType == "Regular") request.reservedBudgetInHours = 0;
}

}  // namespace

IterationService::IterationService(ServiceState& state) : state_(state), queue_(state.config.trainingWorkers) {
  failInterruptedTrainings();
}

IterationRecord IterationService::trainProject(const std::string& projectId, TrainRequest request) {
  checkTrainingOptions(request);
  std::unique_lock lock(state_.rules);
  ProjectRecord project = state_.requireProject(projectId);
  const std::vector<IterationRecord> iterations = state_.store.iterations(projectId);
  for (const IterationRecord& iteration : iterations) {
    if (iteration.status == IterationStatus::Training) throw errors::trainingAlreadyInProgress();
  }
  const std::vector<ImageRecord> images = state_.store.images(projectId);
  std::vector<TrainedTag> trainedTags;
  Fit fit;
  if (detectsObjects(project.domainId)) {
    auto snapshot = std::make_shared<const DetectionSnapshot>(snapshotForDetection(
        state_.store.tags(projectId), images, request.selectedTags, state_.config.limits.minImagesPerTagForDetection));
    trainedTags = snapshot->tags;
    fit = [this, projectId, snapshot](IterationRecord& done) {
      trainDetectionIteration(state_.store, projectId, *snapshot, state_.config.seed, state_.config.holdoutFraction,
                              state_.config.detectorFits.get(), done);
    };
  } else {
    TrainingSnapshot snapshot = snapshotForTraining(state_.store.tags(projectId), images, request.selectedTags);
    for (const TrainedTag& tag : snapshot.tags) {
      if (tag.imageCount < state_.config.limits.minImagesPerTag) throw errors::notEnoughImagesForTraining();
    }
    if (snapshot.tags.size() < 2) throw errors::notEnoughImagesForTraining();
    if (project.classificationType == ClassificationType::Multiclass) {
      for (const std::vector<int>& labels : snapshot.labels) {
        if (labels.size() != 1) throw errors::multiClassTrainingValidationFailed();
      }
    }
    trainedTags = snapshot.tags;
    fit = classifierFit(projectId, std::move(snapshot.imageIds), std::move(snapshot.labels));
  }
  const bool unchanged = std::any_of(iterations.begin(), iterations.end(), [&](const IterationRecord& it) {
    return it.status == IterationStatus::Completed && it.trainedRevision == project.revision;
  });
  if (unchanged && !request.forceTrain) throw errors::trainingNotNeeded();
  state_.simulation.quotas.admitIteration(iterations.size());

  ++project.iterationsCreated;
  IterationRecord iteration;
  iteration.id = state_.ids.next();
  iteration.projectId = projectId;
  iteration.name = "Iteration " + std::to_string(project.iterationsCreated);
  iteration.created = iteration.lastModified = state_.clock.now();
  iteration.domainId = project.domainId;
  iteration.classificationType = project.classificationType;
  iteration.trainingType = request.trainingType;
  iteration.reservedBudgetInHours = request.reservedBudgetInHours;
  iteration.trainedRevision = project.revision;
  iteration.tags = std::move(trainedTags);
  state_.store.addIteration(project, iteration);
  const simulation::TrainingOutcome outcome = state_.simulation.lifecycle.begin();
  queue_.submit([this, projectId, iterationId = iteration.id, fit = std::move(fit), outcome] {
    runTraining(projectId, iterationId, fit, outcome);
  });
  return iteration;
}

void IterationService::failInterruptedTrainings() {
  for (const ProjectRecord& project : state_.store.projects()) {
    for (IterationRecord iteration : state_.store.iterations(project.id)) {
      if (iteration.status != IterationStatus::Training) continue;
      iteration.status = IterationStatus::Failed;
      iteration.failure = "Training was interrupted by a restart of cvmock; train the project again.";
      iteration.lastModified = state_.clock.now();
      state_.store.putIteration(iteration);
    }
  }
}

IterationService::Fit IterationService::classifierFit(const std::string& projectId, std::vector<std::string> imageIds,
                                                     std::vector<std::vector<int>> labels) const {
  return [this, projectId, imageIds = std::move(imageIds), labels = std::move(labels)](IterationRecord& done) {
    std::vector<std::vector<float>> features = state_.store.imageFeatures(projectId, imageIds);
    trainer::TrainingData data;
    data.tagCount = static_cast<int>(done.tags.size());
    std::vector<std::size_t> kept;
    for (std::size_t i = 0; i < features.size(); ++i) {
      if (!features[i].empty()) kept.push_back(i);
    }
    const int dimension = kept.empty() ? 0 : static_cast<int>(features[kept.front()].size());
    data.features.resize(static_cast<Eigen::Index>(kept.size()), dimension);
    for (std::size_t row = 0; row < kept.size(); ++row) {
      std::vector<float>& image = features[kept[row]];
      data.features.row(static_cast<Eigen::Index>(row)) = Eigen::Map<const Eigen::RowVectorXf>(image.data(), dimension);
      std::vector<float>().swap(image);  // at 100,000 images each copy is 330 MB: never hold two
      data.labels.push_back(labels[kept[row]]);
    }
    trainer::TrainingOptions options;
    options.type = toTrainer(done.classificationType);
    options.holdoutFraction = state_.config.holdoutFraction;
    options.seed = state_.config.seed;
    options.featureWeights = trainer::featureBlockWeights();
    trainer::TrainingResult result = trainer::train(data, options);
    done.model = result.model.serialize();
    for (std::size_t i = 0; i < result.holdout.size(); ++i) {
      const int row = result.holdout[i];
      Eigen::VectorXf p = result.holdoutProbabilities.row(static_cast<Eigen::Index>(i)).transpose();
      done.holdout.push_back(
          {imageIds[kept[row]], data.labels[row], std::vector<float>(p.data(), p.data() + p.size()), {}, {}});
    }
  };
}

void IterationService::runTraining(const std::string& projectId, const std::string& iterationId, const Fit& fit,
                                  simulation::TrainingOutcome outcome) {
  const auto started = std::chrono::steady_clock::now();
  std::optional<IterationRecord> iteration = state_.store.iteration(projectId, iterationId);
  if (!iteration) return;
  IterationRecord done = *iteration;
  try {
    if (outcome == simulation::TrainingOutcome::Fail) throw std::runtime_error("Training failed (forced by cvmock).");
    fit(done);
    done.status = IterationStatus::Completed;
    done.trainedAt = state_.clock.now();
  } catch (const std::exception& error) {
    done.status = IterationStatus::Failed;
    done.failure = error.what();
  }
  const double minutes =
      std::chrono::duration<double, std::ratio<60>>(std::chrono::steady_clock::now() - started).count();
  done.trainingTimeInMinutes = std::max(1, static_cast<int>(std::ceil(minutes)));  // the service reports whole minutes
  done.lastModified = state_.clock.now();

  if (std::optional<IterationRecord> settled = state_.simulation.lifecycle.settle(std::move(done), outcome)) {
    storeSettled({*settled});
  }
}

void IterationService::storeSettled(const std::vector<IterationRecord>& settled) const {
  std::unique_lock lock(state_.rules);
  for (const IterationRecord& done : settled) {
    // Only the training's outcome is written onto the iteration as it is now: what a client changed while it
    // trained (its name) stays, and an iteration deleted meanwhile stays deleted.
    std::optional<IterationRecord> current = state_.store.iteration(done.projectId, done.id);
    if (!current) continue;
    current->status = done.status;
    current->trainedAt = done.trainedAt;
    current->trainingTimeInMinutes = done.trainingTimeInMinutes;
    current->model = done.model;
    current->holdout = done.holdout;
    current->failure = done.failure;
    current->lastModified = done.lastModified;
    state_.store.putIteration(*current);
  }
}

void IterationService::settleTrainings(const std::string& projectId, const std::string& iterationId) const {
  if (!state_.simulation.lifecycle.readsWaitForTraining()) return;
  queue_.waitForIdle();
  storeSettled(state_.simulation.lifecycle.onRead(projectId, iterationId));
}

int IterationService::advanceTrainings() {
  queue_.waitForIdle();
  const std::vector<IterationRecord> released = state_.simulation.lifecycle.releaseAll();
  storeSettled(released);
  return static_cast<int>(released.size());
}

std::vector<IterationRecord> IterationService::getIterations(const std::string& projectId) const {
  state_.requireProject(projectId);
  settleTrainings(projectId, "");
  return state_.store.iterations(projectId);
}

IterationRecord IterationService::getIteration(const std::string& projectId, const std::string& iterationId) const {
  state_.requireProject(projectId);
  settleTrainings(projectId, iterationId);
  return state_.requireIteration(projectId, iterationId);
}

IterationRecord IterationService::updateIteration(const std::string& projectId, const std::string& iterationId,
                                                 const std::optional<std::string>& name) {
  std::unique_lock lock(state_.rules);
  state_.requireProject(projectId);
  IterationRecord iteration = state_.requireIteration(projectId, iterationId);
  if (name) {
    if (!isValidName(*name, state_.config.limits.maxNameLength)) throw errors::iterationName();
    for (const IterationRecord& other : state_.store.iterations(projectId)) {
      if (other.id != iterationId && other.name == *name) throw errors::iterationNameNotUnique();
    }
    iteration.name = *name;
  }
  iteration.lastModified = state_.clock.now();
  state_.store.putIteration(iteration);
  return iteration;
}

void IterationService::deleteIteration(const std::string& projectId, const std::string& iterationId) {
  std::unique_lock lock(state_.rules);
  state_.requireProject(projectId);
  const IterationRecord iteration = state_.requireIteration(projectId, iterationId);
  if (iteration.publishName) throw errors::iterationIsPublished();
  state_.store.eraseIteration(projectId, iterationId);
  state_.models.evict(iterationId);
}

IterationPerformanceView IterationService::getIterationPerformance(const std::string& projectId,
                                                                  const std::string& iterationId,
                                                                  double threshold, double overlapThreshold) const {
  state_.requireProject(projectId);
  const IterationRecord iteration = state_.requireIteration(projectId, iterationId);
  if (iteration.status != IterationStatus::Completed) throw errors::iterationIsNotTrained();
  if (detectsObjects(iteration.domainId)) return detectionPerformance(iteration, threshold, overlapThreshold);
  const int tagCount = static_cast<int>(iteration.tags.size());
  Eigen::MatrixXf probabilities(static_cast<Eigen::Index>(iteration.holdout.size()), tagCount);
  std::vector<std::vector<int>> labels;
  for (std::size_t i = 0; i < iteration.holdout.size(); ++i) {
    const HoldoutImage& held = iteration.holdout[i];
    probabilities.row(static_cast<Eigen::Index>(i)) = Eigen::Map<const Eigen::RowVectorXf>(held.probabilities.data(), tagCount);
    labels.push_back(held.labels);
  }
  return {iteration.tags, trainer::evaluate(probabilities, labels, threshold)};
}

std::vector<ImagePerformanceView> IterationService::getImagePerformances(const std::string& projectId,
                                                                        const std::string& iterationId,
                                                                        const std::vector<std::string>& tagIds,
                                                                        int take, int skip) const {
  state_.requireProject(projectId);
  const IterationRecord iteration = state_.requireIteration(projectId, iterationId);
  if (iteration.status != IterationStatus::Completed) throw errors::iterationIsNotTrained();
  const std::unordered_set<std::string> wanted(tagIds.begin(), tagIds.end());
  std::vector<ImagePerformanceView> page;
  int skipped = 0;
  for (auto held = iteration.holdout.rbegin(); held != iteration.holdout.rend(); ++held) {
    if (!hasAnyLabel(*held, iteration.tags, wanted)) continue;
    std::optional<ImageRecord> image = state_.store.image(projectId, held->imageId);
    if (!image) continue;
    if (skipped++ < skip) continue;
    if (static_cast<int>(page.size()) >= take) break;
    std::vector<PredictionEntry> predictions = detectsObjects(iteration.domainId)
                                                   ? detectionEntries(iteration.tags, held->detections)
                                                   : rankedPredictions(iteration.tags, held->probabilities.data());
    page.push_back({state_.withTagNames(projectId, {*image}).front(), std::move(predictions)});
  }
  return page;
}

int IterationService::countImagePerformances(const std::string& projectId, const std::string& iterationId,
                                            const std::vector<std::string>& tagIds) const {
  state_.requireProject(projectId);
  const IterationRecord iteration = state_.requireIteration(projectId, iterationId);
  if (iteration.status != IterationStatus::Completed) throw errors::iterationIsNotTrained();
  const std::unordered_set<std::string> wanted(tagIds.begin(), tagIds.end());
  return static_cast<int>(std::count_if(iteration.holdout.begin(), iteration.holdout.end(), [&](const HoldoutImage& h) {
    return hasAnyLabel(h, iteration.tags, wanted) && state_.store.image(projectId, h.imageId).has_value();
  }));
}

void IterationService::waitForIdle() { queue_.waitForIdle(); }

}  // namespace cvmock::server
