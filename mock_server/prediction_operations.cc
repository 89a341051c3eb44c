// TrainingService: classifying an image with a trained iteration (quick test and the Prediction API).
#include <algorithm>

#include "mock_server/errors.h"
#include "mock_server/text.h"
#include "mock_server/training_service.h"
#include "trainer/decode.h"
#include "trainer/features.h"

namespace cvmock::server {
namespace {

bool anotherPredictionResource(const std::vector<Resource>& resources, const Resource& caller) {
  return std::any_of(resources.begin(), resources.end(), [&](const Resource& r) {
    return r.servesPrediction() && !equalsIgnoreCase(r.armId, caller.armId);
  });
}

}  // namespace

std::vector<PredictionEntry> rankedPredictions(const std::vector<TrainedTag>& tags, const float* probabilities) {
  std::vector<PredictionEntry> entries;
  entries.reserve(tags.size());
  for (std::size_t i = 0; i < tags.size(); ++i) {
    entries.push_back({tags[i].id, tags[i].name, tags[i].type, probabilities[i]});
  }
  std::stable_sort(entries.begin(), entries.end(),
                   [](const PredictionEntry& a, const PredictionEntry& b) { return a.probability > b.probability; });
  return entries;
}

std::shared_ptr<const TrainingService::PredictionModel> TrainingService::loadModel(
    const IterationRecord& iteration) const {
  std::lock_guard lock(modelsMutex_);
  auto cached = models_.find(iteration.id);
  if (cached != models_.end()) return cached->second;
  auto model = std::make_shared<const PredictionModel>(PredictionModel{
      iteration.projectId, iteration.id, iteration.tags, trainer::Model::deserialize(iteration.model)});
  models_.emplace(iteration.id, model);
  return model;
}

std::shared_ptr<const TrainingService::PredictionModel> TrainingService::loadModel(
    const std::string& projectId, const std::string& iterationId) const {
  {
    std::lock_guard lock(modelsMutex_);
    auto cached = models_.find(iterationId);
    if (cached != models_.end() && cached->second->projectId == projectId) return cached->second;
  }
  const std::optional<IterationRecord> iteration = store_->iteration(projectId, iterationId);
  if (!iteration || iteration->status != IterationStatus::Completed) throw errors::notFoundIteration();
  return loadModel(*iteration);
}

PredictionRecord TrainingService::predict(const PredictionModel& model, const std::string& bytes,
                                          const std::string& predictionId) {
  if (bytes.empty()) throw errors::imageStream();
  if (bytes.size() > config_.limits.maxPredictionImageBytes) {
    throw errors::imageSizeBytes(config_.limits.maxPredictionImageBytes);
  }
  trainer::FeatureVector features;
  try {
    features = trainer::featuresFromBytes(bytes);
  } catch (const trainer::DecodeError& error) {
    throw error.failure() == trainer::DecodeFailure::Dimensions ? errors::imageDimensions() : errors::imageFormat();
  }
  const Eigen::VectorXf probabilities = model.model.predict(features);
  return {predictionId, model.projectId, model.iterationId, now(), "",
          rankedPredictions(model.tags, probabilities.data())};
}

PredictionRecord TrainingService::quickTestImage(const std::string& projectId,
                                                 const std::optional<std::string>& iterationId,
                                                 const std::string& bytes, bool store,
                                                 const std::string& predictionId) {
  requireProject(projectId);
  std::optional<IterationRecord> chosen;
  if (iterationId) {
    chosen = requireIteration(projectId, *iterationId);
    if (chosen->status != IterationStatus::Completed) throw errors::iterationIsNotTrained();
  } else {
    // The service's default: the most recently trained iteration.
    for (IterationRecord& iteration : store_->iterations(projectId)) {
      if (iteration.status == IterationStatus::Completed && (!chosen || *iteration.trainedAt > *chosen->trainedAt)) {
        chosen = std::move(iteration);
      }
    }
    if (!chosen) throw errors::notFoundProjectDefaultIteration();
  }
  PredictionRecord record = predict(*loadModel(*chosen), bytes, predictionId);
  if (store) store_->addPrediction(record, bytes);
  return record;
}

PredictionRecord TrainingService::classifyImage(const std::string& projectId, const std::string& publishedName,
                                                const std::string& bytes,
                                                const std::optional<std::string>& application, bool store,
                                                const std::string& predictionId) {
  requireProject(projectId);
  const std::optional<std::string> published = store_->publishedIterationId(projectId, publishedName);
  if (!published) throw errors::notFoundIteration();
  // Each prediction resource knows only the iterations published to it: another resource's key finds the name
  // unpublished. Only in doubt when another resource serves predictions, so only then is the iteration read.
  const Resource* caller = callerResource();
  if (caller && anotherPredictionResource(config_.resources, *caller)) {
    const std::optional<IterationRecord> iteration = store_->iteration(projectId, *published);
    if (!iteration || !equalsIgnoreCase(iteration->publishResourceId.value_or(""), caller->armId)) {
      throw errors::notFoundIteration();
    }
  }
  PredictionRecord record = predict(*loadModel(projectId, *published), bytes, predictionId);
  record.application = application.value_or("");
  if (store) store_->addPrediction(record, bytes);
  return record;
}

}  // namespace cvmock::server
