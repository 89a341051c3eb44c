// StoredPredictionService: the predictions stored by ClassifyImage and QuickTestImage, queried, deleted and turned
// into training images.
#include "mock_server/service/stored_prediction_service.h"

#include <algorithm>
#include <unordered_map>

#include "mock_server/base/errors.h"

namespace cvmock::server {
namespace {

float probabilityOf(const PredictionRecord& prediction, const std::string& tagId) {
  for (const PredictionEntry& entry : prediction.predictions) {
    if (entry.tagId == tagId) return entry.probability;
  }
  return 0;
}

bool matches(const PredictionRecord& prediction, const PredictionQuery& query) {
  if (query.iterationId && prediction.iterationId != *query.iterationId) return false;
  if (query.application && prediction.application != *query.application) return false;
  if (query.startTime && prediction.created < *query.startTime) return false;
  if (query.endTime && prediction.created > *query.endTime) return false;
  if (!query.tags) return true;
  return std::all_of(query.tags->begin(), query.tags->end(), [&](const PredictionTagFilter& filter) {
    const float probability = probabilityOf(prediction, filter.tagId);
    return probability >= filter.minThreshold && probability <= filter.maxThreshold;
  });
}

// The most probable entry's: a classification lists it first, a detection groups its boxes by tag.
float topProbability(const PredictionRecord& prediction) {
  float top = 0;
  for (const PredictionEntry& entry : prediction.predictions) top = std::max(top, entry.probability);
  return top;
}

// `stored` is in creation order; the result is in the query's order.
void order(std::vector<PredictionRecord>& stored, PredictionOrder orderBy) {
  if (orderBy == PredictionOrder::Oldest) return;
  std::reverse(stored.begin(), stored.end());
  if (orderBy == PredictionOrder::Suggested) {
    std::stable_sort(stored.begin(), stored.end(), [](const PredictionRecord& a, const PredictionRecord& b) {
      return topProbability(a) < topProbability(b);
    });
  }
}

}  // namespace

StoredPredictionService::StoredPredictionService(ServiceState& state, ImageService& images)
    : state_(state), images_(images) {}

PredictionQueryView StoredPredictionService::queryPredictions(const std::string& projectId,
                                                      const PredictionQuery& query) const {
  const ServiceLimits& limits = state_.config.limits;
  if (query.tags && static_cast<int>(query.tags->size()) > limits.maxPredictionQueryTags) {
    throw errors::predictionTagsExceededCount(limits.maxPredictionQueryTags);
  }
  if (query.maxCount < 0) throw errors::predictionInvalidQueryParameters("maxCount must not be negative");
  if (query.maxCount > limits.maxPredictionQueryResults) {
    throw errors::predictionResultsExceededCount(limits.maxPredictionQueryResults);
  }
  std::shared_lock lock(state_.rules);
  const ProjectRecord project = state_.requireProject(projectId);
  std::vector<PredictionRecord> found = state_.store.predictions(projectId);
  std::erase_if(found, [&](const PredictionRecord& p) { return !matches(p, query); });
  order(found, query.orderBy);

  // The continuation is the id of the previous page's last result, so predictions stored meanwhile shift nothing.
  auto start = found.begin();
  if (query.continuation) {
    start = std::find_if(found.begin(), found.end(),
                         [&](const PredictionRecord& p) { return p.id == *query.continuation; });
    if (start == found.end()) throw errors::predictionInvalidQueryParameters("Unknown continuation token");
    ++start;
  }
  const int pageSize = query.maxCount == 0 ? limits.maxPredictionQueryResults : query.maxCount;
  const auto end = found.end() - start > pageSize ? start + pageSize : found.end();

  std::unordered_map<std::string, std::string> domains;
  for (const IterationRecord& iteration : state_.store.iterations(projectId)) {
    domains.emplace(iteration.id, iteration.domainId);
  }
  PredictionQueryView view{query, {}};
  for (auto it = start; it != end; ++it) {
    auto domain = domains.find(it->iterationId);
    view.results.push_back({*it, domain == domains.end() ? project.domainId : domain->second});
  }
  view.token.session = query.session.value_or("1:" + std::to_string(found.size()));
  view.token.continuation = end == found.end() ? std::nullopt : std::optional<std::string>((end - 1)->id);
  return view;
}

void StoredPredictionService::deletePredictions(const std::string& projectId, const std::vector<std::string>& predictionIds) {
  if (predictionIds.empty()) throw errors::predictionIdsMissing();
  if (static_cast<int>(predictionIds.size()) > state_.config.limits.maxDeletePredictionIds) {
    throw errors::predictionIdsExceededCount(state_.config.limits.maxDeletePredictionIds);
  }
  std::unique_lock lock(state_.rules);
  state_.requireProject(projectId);
  state_.store.erasePredictions(projectId, predictionIds);
}

ImageCreateSummaryView StoredPredictionService::createImagesFromPredictions(const std::string& projectId,
                                                                    std::vector<PredictionImageEntry> entries) {
  // Checked before any image is read; createImages checks the rest of the batch.
  if (static_cast<int>(entries.size()) > state_.config.limits.maxImagesPerBatch) {
    throw errors::tooManyImagesInBatch(state_.config.limits.maxImagesPerBatch);
  }
  state_.requireProject(projectId);
  std::vector<ImageUpload> uploads;
  for (PredictionImageEntry& entry : entries) {
    std::optional<std::string> bytes = state_.store.predictionImage(projectId, entry.predictionId);
    // The answer's sourceUrl is the prediction id, as recorded.
    uploads.push_back({entry.predictionId, bytes.value_or(""), std::move(entry.tagIds), std::move(entry.metadata),
                       bytes ? std::nullopt : std::optional(ImageCreateStatus::ErrorSource), std::move(entry.regions)});
  }
  return images_.createImages(projectId, std::move(uploads));
}

std::optional<std::string> StoredPredictionService::predictionImageBytes(const std::string& projectId,
                                                                 const std::string& predictionId) const {
  return state_.store.predictionImage(projectId, predictionId);
}

}  // namespace cvmock::server
