// SuggestionService: suggested tags for untagged images, from a completed iteration's predictions.
#include "mock_server/service/suggestion_service.h"

#include <algorithm>
#include <cmath>
#include <unordered_set>

#include "mock_server/base/errors.h"

namespace cvmock::server {
namespace {

constexpr int kMaxSuggestionImages = 64;  // the spec's maxItems for SuggestTagsAndRegions' imageIds

double entropy(const std::vector<PredictionEntry>& predictions, ClassificationType type) {
  const auto term = [](double p) { return p > 0 ? -p * std::log(p) : 0.0; };
  double sum = 0;
  for (const PredictionEntry& entry : predictions) {
    const double p = std::clamp(static_cast<double>(entry.probability), 0.0, 1.0);
    sum += type == ClassificationType::Multiclass ? term(p) : term(p) + term(1 - p);
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

std::vector<SuggestedTagsView> SuggestionService::suggestFor(const IterationRecord& iteration,
                                                           std::vector<ImageRecord> images) const {
  if (iteration.status != IterationStatus::Completed) throw errors::iterationIsNotTrained();
  const std::shared_ptr<const PredictionModel> model = state_.models.load(iteration);
  // Suggesting regions with a detector is not built: answered as an operation this project does not support.
  if (model->detects()) throw errors::operationNotSupported("Suggesting tags and regions with a detector");
  std::vector<std::string> ids;
  ids.reserve(images.size());
  for (const ImageRecord& image : images) ids.push_back(image.id);
  const std::vector<std::vector<float>> features = state_.store.imageFeatures(iteration.projectId, ids);
  const TimePoint created = state_.clock.now();
  std::vector<SuggestedTagsView> views;
  views.reserve(images.size());
  for (std::size_t i = 0; i < images.size(); ++i) {
    const Eigen::Map<const trainer::FeatureVector> vector(features[i].data(),
                                                          static_cast<Eigen::Index>(features[i].size()));
    const Eigen::VectorXf probabilities = model->model.predict(vector);
    SuggestedTagsView view{std::move(images[i]), iteration.id, iteration.domainId, created,
                           rankedPredictions(model->tags, probabilities.data()), 0};
    view.uncertainty = entropy(view.predictions, iteration.classificationType);
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
  std::shared_lock lock(state_.rules);
  state_.requireProject(projectId);
  const IterationRecord iteration = state_.requireIteration(projectId, iterationId);
  std::vector<ImageRecord> images;
  for (const std::string& imageId : imageIds) {
    std::optional<ImageRecord> image = state_.store.image(projectId, imageId);
    if (!image) throw errors::notFoundImage();
    images.push_back(std::move(*image));
  }
  return suggestFor(iteration, std::move(images));
}

SuggestedTagQueryView SuggestionService::querySuggestedImages(const std::string& projectId,
                                                            const std::string& iterationId,
                                                            const SuggestedTagQuery& query) const {
  std::shared_lock lock(state_.rules);
  state_.requireProject(projectId);
  for (const std::string& tagId : query.tagIds) state_.requireTag(projectId, tagId);
  const IterationRecord iteration = state_.requireIteration(projectId, iterationId);
  std::vector<ImageRecord> untagged = state_.store.images(projectId);
  std::erase_if(untagged, [](const ImageRecord& image) { return !image.tags.empty(); });
  std::vector<SuggestedTagsView> found = suggestFor(iteration, std::move(untagged));
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
  view.token.session = query.session.value_or(iteration.id);
  view.token.continuation = end == found.size() ? std::nullopt : std::optional<std::string>(std::to_string(end));
  view.results.assign(std::make_move_iterator(found.begin() + static_cast<std::ptrdiff_t>(start)),
                      std::make_move_iterator(found.begin() + static_cast<std::ptrdiff_t>(end)));
  return view;
}

std::map<std::string, int> SuggestionService::countSuggestedImages(const std::string& projectId,
                                                                 const std::string& iterationId,
                                                                 const std::vector<std::string>& tagIds,
                                                                 double threshold) const {
  std::shared_lock lock(state_.rules);
  state_.requireProject(projectId);
  for (const std::string& tagId : tagIds) state_.requireTag(projectId, tagId);
  const IterationRecord iteration = state_.requireIteration(projectId, iterationId);
  std::vector<ImageRecord> untagged = state_.store.images(projectId);
  std::erase_if(untagged, [](const ImageRecord& image) { return !image.tags.empty(); });
  std::map<std::string, int> counts;
  if (tagIds.empty()) {
    for (const TrainedTag& tag : iteration.tags) counts[tag.id] = 0;
  } else {
    for (const std::string& tagId : tagIds) counts[tagId] = 0;
  }
  for (const SuggestedTagsView& view : suggestFor(iteration, std::move(untagged))) {
    for (const PredictionEntry& entry : view.predictions) {
      auto count = counts.find(entry.tagId);
      if (count != counts.end() && entry.probability >= threshold) ++count->second;
    }
  }
  return counts;
}

}  // namespace cvmock::server
