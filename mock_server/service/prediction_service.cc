// PredictionService: publishing, and classifying or detecting with a trained iteration.
#include "mock_server/service/prediction_service.h"

#include <algorithm>

#include "mock_server/base/errors.h"
#include "mock_server/base/text.h"
#include "mock_server/service/detection_training.h"
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

PredictionService::PredictionService(ServiceState& state) : state_(state) {}

void PredictionService::publishIteration(const RequestContext& context, const std::string& projectId,
                                         const std::string& iterationId, const std::string& publishName,
                                         const std::string& predictionId, bool overwrite) {
  std::unique_lock lock(state_.rules);
  state_.requireProject(projectId);
  IterationRecord iteration = state_.requireIteration(projectId, iterationId);
  if (iteration.status != IterationStatus::Completed) throw errors::iterationIsNotTrained();
  // The name becomes one segment of the prediction URL: a slash (or IIS's backslash) would make it unreachable.
  if (!isValidName(publishName, state_.config.limits.maxNameLength) ||
      publishName.find_first_of("/\\") != std::string::npos) {
    throw errors::invalidPublishName();
  }
  // A known prediction-capable resource in the caller's region; the service does not publish across regions.
  const Resource* target = findByArmId(state_.config.resources, predictionId);
  if (!target || !target->servesPrediction()) throw errors::invalidPublishTarget();
  if (context.caller && !equalsIgnoreCase(context.caller->region, target->region)) {
    throw errors::invalidPublishTarget();
  }
  for (IterationRecord& other : state_.store.iterations(projectId)) {
    if (other.id == iterationId || other.publishName != publishName) continue;
    if (!overwrite) throw errors::publishNameTaken();
    other.publishName.reset();
    other.publishResourceId.reset();
    state_.store.putIteration(other);
  }
  iteration.publishName = publishName;
  iteration.publishResourceId = target->armId;
  iteration.lastModified = state_.clock.now();
  state_.store.putIteration(iteration);
}

void PredictionService::unpublishIteration(const std::string& projectId, const std::string& iterationId) {
  std::unique_lock lock(state_.rules);
  state_.requireProject(projectId);
  IterationRecord iteration = state_.requireIteration(projectId, iterationId);
  if (!iteration.publishName) throw errors::iterationNotPublished();
  iteration.publishName.reset();
  iteration.publishResourceId.reset();
  iteration.lastModified = state_.clock.now();
  state_.store.putIteration(iteration);
}

PredictionRecord PredictionService::predict(const PredictionModel& model, const std::string& bytes,
                                            const std::string& predictionId) {
  const std::size_t maxBytes = state_.config.limits.maxPredictionImageBytes;
  if (bytes.empty()) throw errors::imageStream();
  if (bytes.size() > maxBytes) throw errors::imageSizeBytes(maxBytes);
  std::vector<PredictionEntry> entries;
  try {
    if (model.detects()) {
      entries = detectionEntries(model.tags, model.detector->detect(bytes));
    } else {
      const Eigen::VectorXf probabilities = model.model.predict(trainer::featuresFromBytes(bytes));
      entries = rankedPredictions(model.tags, probabilities.data());
    }
  } catch (const trainer::DecodeError& error) {
    throw error.failure() == trainer::DecodeFailure::Dimensions ? errors::imageDimensions() : errors::imageFormat();
  }
  return {predictionId, model.projectId, model.iterationId, state_.clock.now(), "", std::move(entries)};
}

PredictionRecord PredictionService::quickTestImage(const RequestContext& context, const std::string& projectId,
                                                   const std::optional<std::string>& iterationId,
                                                   const std::string& bytes, bool store) {
  state_.requireProject(projectId);
  std::optional<IterationRecord> chosen;
  if (iterationId) {
    chosen = state_.requireIteration(projectId, *iterationId);
    if (chosen->status != IterationStatus::Completed) throw errors::iterationIsNotTrained();
  } else {
    // The service's default: the most recently trained iteration.
    for (IterationRecord& iteration : state_.store.iterations(projectId)) {
      if (iteration.status == IterationStatus::Completed && (!chosen || *iteration.trainedAt > *chosen->trainedAt)) {
        chosen = std::move(iteration);
      }
    }
    if (!chosen) throw errors::notFoundProjectDefaultIteration();
  }
  PredictionRecord record = predict(*state_.models.load(*chosen), bytes, context.requestId);
  if (store) state_.store.addPrediction(record, bytes);
  return record;
}

std::shared_ptr<const PredictionModel> PredictionService::publishedModel(const RequestContext& context,
                                                                        const std::string& projectId,
                                                                        const std::string& publishedName,
                                                                        PredictionKind kind) const {
  state_.requireProject(projectId);
  const std::optional<std::string> published = state_.store.publishedIterationId(projectId, publishedName);
  if (!published) throw errors::notFoundIteration();
  // Only in doubt when another resource serves predictions, so only then is the iteration read.
  if (context.caller && anotherPredictionResource(state_.config.resources, *context.caller)) {
    const std::optional<IterationRecord> iteration = state_.store.iteration(projectId, *published);
    if (!iteration || !equalsIgnoreCase(iteration->publishResourceId.value_or(""), context.caller->armId)) {
      throw errors::notFoundIteration();
    }
  }
  std::shared_ptr<const PredictionModel> model = state_.models.load(projectId, *published);
  if (kind == PredictionKind::Detect && !model->detects()) throw errors::detectionNotSupported("DetectImage");
  if (kind == PredictionKind::Classify && model->detects()) throw errors::classificationNotSupported("ClassifyImage");
  return model;
}

PredictionRecord PredictionService::predictPublished(const RequestContext& context, const PredictionModel& model,
                                                     const std::string& bytes,
                                                     const std::optional<std::string>& application, bool store) {
  PredictionRecord record = predict(model, bytes, context.requestId);
  record.application = application.value_or("");
  if (store) state_.store.addPrediction(record, bytes);
  return record;
}

PredictionRecord PredictionService::classifyImage(const RequestContext& context, const std::string& projectId,
                                                  const std::string& publishedName, const std::string& bytes,
                                                  const std::optional<std::string>& application, bool store) {
  const auto model = publishedModel(context, projectId, publishedName, PredictionKind::Classify);
  return predictPublished(context, *model, bytes, application, store);
}

PredictionRecord PredictionService::detectImage(const RequestContext& context, const std::string& projectId,
                                                const std::string& publishedName, const std::string& bytes,
                                                const std::optional<std::string>& application, bool store) {
  const auto model = publishedModel(context, projectId, publishedName, PredictionKind::Detect);
  return predictPublished(context, *model, bytes, application, store);
}

}  // namespace cvmock::server
