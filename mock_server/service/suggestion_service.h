// Suggested tags and regions for images (the portal's Smart Labeler): a completed iteration's predictions,
// ranked by uncertainty. A classifier predicts from the features stored at upload; a detector detects in the
// stored image, as DetectImage would, so its suggestions cost a detection per image (10-30 ms).
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "mock_server/service/model_cache.h"
#include "mock_server/service/service_state.h"
#include "mock_server/service/suggested_tags.h"

namespace cvmock::server {

// Thread-safe; every failure is a ServiceError from the catalogue (base/errors.h).
class SuggestionService {
 public:
  explicit SuggestionService(ServiceState& state);

  std::vector<SuggestedTagsView> suggestTags(const std::string& projectId, const std::string& iterationId,
                                             const std::vector<std::string>& imageIds) const;
  SuggestedTagQueryView querySuggestedImages(const std::string& projectId, const std::string& iterationId,
                                             const SuggestedTagQuery& query) const;
  // For each asked tag (every trained tag when none is asked): the untagged images suggested it at or above
  // the threshold.
  std::map<std::string, int> countSuggestedImages(const std::string& projectId, const std::string& iterationId,
                                                  const std::vector<std::string>& tagIds, double threshold) const;

 private:
  // What a suggestion needs, read under the rules lock; the predictions are made after it is released, so that
  // a detector's 10-30 ms per image never holds back a write.
  struct Snapshot {
    IterationRecord iteration;
    std::shared_ptr<const PredictionModel> model;
    std::vector<ImageRecord> images;
  };
  // Throws IterationIsNotTrained for an iteration not Completed. Call with the rules lock held (shared).
  Snapshot snapshot(const IterationRecord& iteration, std::vector<ImageRecord> images) const;
  // The suggestions for the snapshot's images, in order, without the rules lock. An image deleted since the
  // snapshot is left out, as if it had been deleted before the call.
  std::vector<SuggestedTagsView> suggestFor(Snapshot snapshot) const;
  // Per image, in order: the classifier's tags, most probable first; nullopt for an image that is gone.
  std::vector<std::optional<std::vector<PredictionEntry>>> classify(const PredictionModel& model,
                                                                    const std::string& projectId,
                                                                    const std::vector<ImageRecord>& images) const;
  // Per image, in order: the detector's boxes, as DetectImage answers them (detectionEntries); nullopt for an
  // image that is gone.
  std::vector<std::optional<std::vector<PredictionEntry>>> detect(const PredictionModel& model,
                                                                  const std::string& projectId,
                                                                  const std::vector<ImageRecord>& images) const;

  ServiceState& state_;
};

}  // namespace cvmock::server
