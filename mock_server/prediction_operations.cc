// TrainingService: classifying an image with a trained iteration (quick test and the Prediction API).
#include <algorithm>

#include "mock_server/errors.h"
#include "mock_server/training_service.h"
#include "trainer/decode.h"
#include "trainer/features.h"

namespace cvmock::server {

std::shared_ptr<const trainer::Model> TrainingService::loadModel(const IterationRecord& iteration) const {
  std::lock_guard lock(modelsMutex_);
  auto cached = models_.find(iteration.id);
  if (cached != models_.end()) return cached->second;
  auto model = std::make_shared<const trainer::Model>(trainer::Model::deserialize(iteration.model));
  models_.emplace(iteration.id, model);
  return model;
}

PredictionRecord TrainingService::predict(const IterationRecord& iteration, const std::string& bytes,
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
  const Eigen::VectorXf probabilities = loadModel(iteration)->predict(features);
  PredictionRecord record{predictionId, iteration.projectId, iteration.id, now(), "", {}};
  for (std::size_t i = 0; i < iteration.tags.size(); ++i) {
    const TrainedTag& tag = iteration.tags[i];
    record.predictions.push_back({tag.id, tag.name, tag.type, probabilities[static_cast<Eigen::Index>(i)]});
  }
  std::stable_sort(record.predictions.begin(), record.predictions.end(),
                   [](const PredictionEntry& a, const PredictionEntry& b) { return a.probability > b.probability; });
  return record;
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
  PredictionRecord record = predict(*chosen, bytes, predictionId);
  if (store) store_->addPrediction(record);
  return record;
}

PredictionRecord TrainingService::classifyImage(const std::string& projectId, const std::string& publishedName,
                                                const std::string& bytes,
                                                const std::optional<std::string>& application, bool store,
                                                const std::string& predictionId) {
  requireProject(projectId);
  std::optional<IterationRecord> published;
  for (IterationRecord& iteration : store_->iterations(projectId)) {
    if (iteration.publishName == publishedName) published = std::move(iteration);
  }
  if (!published) throw errors::notFoundIteration();
  PredictionRecord record = predict(*published, bytes, predictionId);
  record.application = application.value_or("");
  if (store) store_->addPrediction(record);
  return record;
}

}  // namespace cvmock::server
