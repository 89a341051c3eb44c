// SuggestionService: suggested tags (a classifier's) or regions (a detector's) for untagged images, from a
// completed iteration's predictions.
#include "mock_server/service/suggestion_service.h"

#include <algorithm>
#include <cmath>
#include <unordered_set>

#include "mock_server/base/errors.h"
#include "mock_server/service/detection_training.h"
#include "mock_server/service/region_rules.h"

namespace cvmock::server {
namespace {

constexpr int kMaxSuggestionImages = 64;  // the spec's maxItems for SuggestTagsAndRegions' imageIds

// A multiclass model's entries share one distribution; a multilabel model's tags and a detector's boxes are
// each a yes or no of their own (suggested_tags.h).
double entropy(const std::vector<PredictionEntry>& predictions, bool oneDistribution) {
  const auto term = [](double p) { return p > 0 ? -p * std::log(p) : 0.0; };
  double sum = 0;
  for (const PredictionEntry& entry : predictions) {
    const double p = std::clamp(static_cast<double>(entry.probability), 0.0, 1.0);
    sum += oneDistribution ? term(p) : term(p) + term(1 - p);
  }
  return sum;
}

bool suggests(const SuggestedTagsView& view, const std::vector<std::string>& tagIds, double threshold) {
  return std::any_of(view.predictions.begin(), view.predictions.end(), [&](const PredictionEntry& entry) {
    const bool asked = tagIds.empty() || std::find(tagIds.begin(), tagIds.end(), entry.tagId) != tagIds.end();
    return asked && entry.probability >= threshold;
  });
}

// The continuation is how many results earlier pages returned.
std::size_t pageStart(const std::optional<std::string>& continuation) {
  if (!continuation) return 0;
  const std::string& text = *continuation;
  if (text.empty() || text.size() > 9 || !std::all_of(text.begin(), text.end(), ::isdigit)) {
    throw errors::unknownContinuation();
  }
  return static_cast<std::size_t>(std::stoul(text));
}

}  // namespace

SuggestionService::SuggestionService(ServiceState& state) : state_(state) {}

std::vector<std::optional<std::vector<PredictionEntry>>> SuggestionService::classify(
    const PredictionModel& model, const std::string& projectId, const std::vector<ImageRecord>& images) const {
  std::vector<std::string> ids;
  ids.reserve(images.size());
  for (const ImageRecord& image : images) ids.push_back(image.id);
  std::vector<std::optional<std::vector<PredictionEntry>>> predictions;
  for (const std::vector<float>& features : state_.store.imageFeatures(projectId, ids)) {
    if (features.empty()) {  // deleted since the snapshot
      predictions.emplace_back();
      continue;
    }
    const Eigen::Map<const trainer::FeatureVector> vector(features.data(), static_cast<Eigen::Index>(features.size()));
    const Eigen::VectorXf probabilities = model.model.predict(vector);
    predictions.emplace_back(rankedPredictions(model.tags, probabilities.data()));
  }
  return predictions;
}

std::vector<std::optional<std::vector<PredictionEntry>>> SuggestionService::detect(
    const PredictionModel& model, const std::string& projectId, const std::vector<ImageRecord>& images) const {
  std::vector<std::optional<std::vector<PredictionEntry>>> predictions;
  for (const ImageRecord& image : images) {
    const std::optional<std::string> bytes = state_.store.imageBytes(projectId, image.id);
    if (!bytes) {  // deleted since the snapshot
      predictions.emplace_back();
      continue;
    }
    predictions.emplace_back(detectionEntries(model.tags, model.detector->detect(*bytes)));
  }
  return predictions;
}

SuggestionService::Snapshot SuggestionService::snapshot(const IterationRecord& iteration,
                                                        std::vector<ImageRecord> images) const {
  if (iteration.status != IterationStatus::Completed) throw errors::iterationIsNotTrained();
  return {iteration, state_.models.load(iteration), std::move(images)};
}

std::vector<SuggestedTagsView> SuggestionService::suggestFor(Snapshot snapshot) const {
  const IterationRecord& iteration = snapshot.iteration;
  const PredictionModel& model = *snapshot.model;
  std::vector<ImageRecord>& images = snapshot.images;
  std::vector<std::optional<std::vector<PredictionEntry>>> predictions =
      model.detects() ? detect(model, iteration.projectId, images) : classify(model, iteration.projectId, images);
  const bool oneDistribution = !model.detects() && iteration.classificationType == ClassificationType::Multiclass;
  const TimePoint created = state_.clock.now();
  std::vector<SuggestedTagsView> views;
  views.reserve(images.size());
  for (std::size_t i = 0; i < images.size(); ++i) {
    if (!predictions[i]) continue;
    SuggestedTagsView view{std::move(images[i]), iteration.id, iteration.domainId, created,
                           std::move(*predictions[i]), 0};
    view.uncertainty = entropy(view.predictions, oneDistribution);
    views.push_back(std::move(view));
  }
  return views;
}

std::vector<SuggestedTagsView> SuggestionService::suggestTags(const std::string& projectId,
                                                            const std::string& iterationId,
                                                            const std::vector<std::string>& imageIds) const {
  if (imageIds.empty()) throw errors::requiredParamIsNull("imageIds");
  if (static_cast<int>(imageIds.size()) > kMaxSuggestionImages) {
    throw errors::tooManyImageIds(kMaxSuggestionImages);
  }
  Snapshot asked;
  {
    std::shared_lock lock(state_.rules);
    state_.requireProject(projectId);
    const IterationRecord iteration = state_.requireIteration(projectId, iterationId);
    std::vector<ImageRecord> images;
    for (const std::string& imageId : imageIds) {
      std::optional<ImageRecord> image = state_.store.image(projectId, imageId);
      if (!image) throw errors::notFoundImage();
      images.push_back(std::move(*image));
    }
    asked = snapshot(iteration, std::move(images));
  }
  const std::size_t count = asked.images.size();
  std::vector<SuggestedTagsView> views = suggestFor(std::move(asked));
  if (views.size() != count) throw errors::notFoundImage();  // one was deleted while the others were predicted
  return views;
}

SuggestedTagQueryView SuggestionService::querySuggestedImages(const std::string& projectId,
                                                            const std::string& iterationId,
                                                            const SuggestedTagQuery& query) const {
  Snapshot untagged;
  {
    std::shared_lock lock(state_.rules);
    state_.requireProject(projectId);
    for (const std::string& tagId : query.tagIds) state_.requireTag(projectId, tagId);
    std::vector<ImageRecord> images = state_.store.images(projectId);
    std::erase_if(images, isLabelled);  // a detection project's image is labelled by its regions
    untagged = snapshot(state_.requireIteration(projectId, iterationId), std::move(images));
  }
  const std::string iterationSession = untagged.iteration.id;
  std::vector<SuggestedTagsView> found = suggestFor(std::move(untagged));
  std::erase_if(found, [&](const SuggestedTagsView& view) { return !suggests(view, query.tagIds, query.threshold); });
  std::stable_sort(found.begin(), found.end(), [&](const SuggestedTagsView& a, const SuggestedTagsView& b) {
    return query.sortBy == UncertaintyOrder::Descending ? a.uncertainty > b.uncertainty
                                                        : a.uncertainty < b.uncertainty;
  });

  const std::size_t start = std::min(pageStart(query.continuation), found.size());
  const int maxPage = state_.config.limits.maxPredictionQueryResults;
  const int asked = query.maxCount <= 0 ? maxPage : std::min(query.maxCount, maxPage);
  const std::size_t pageSize = static_cast<std::size_t>(asked);
  const std::size_t end = std::min(found.size(), start + pageSize);
  SuggestedTagQueryView view{query, {}};
  view.token.session = query.session.value_or(iterationSession);
  view.token.continuation = end == found.size() ? std::nullopt : std::optional<std::string>(std::to_string(end));
  view.results.assign(std::make_move_iterator(found.begin() + static_cast<std::ptrdiff_t>(start)),
                      std::make_move_iterator(found.begin() + static_cast<std::ptrdiff_t>(end)));
  return view;
}

std::map<std::string, int> SuggestionService::countSuggestedImages(const std::string& projectId,
                                                                 const std::string& iterationId,
                                                                 const std::vector<std::string>& tagIds,
                                                                 double threshold) const {
  Snapshot untagged;
  {
    std::shared_lock lock(state_.rules);
    state_.requireProject(projectId);
    for (const std::string& tagId : tagIds) state_.requireTag(projectId, tagId);
    std::vector<ImageRecord> images = state_.store.images(projectId);
    std::erase_if(images, isLabelled);  // a detection project's image is labelled by its regions
    untagged = snapshot(state_.requireIteration(projectId, iterationId), std::move(images));
  }
  std::map<std::string, int> counts;
  if (tagIds.empty()) {
    for (const TrainedTag& tag : untagged.iteration.tags) counts[tag.id] = 0;
  } else {
    for (const std::string& tagId : tagIds) counts[tagId] = 0;
  }
  // Images are counted, not entries: a detector may suggest one tag for several boxes of an image.
  for (const SuggestedTagsView& view : suggestFor(std::move(untagged))) {
    for (auto& [tagId, count] : counts) {
      if (suggests(view, {tagId}, threshold)) ++count;
    }
  }
  return counts;
}

}  // namespace cvmock::server
