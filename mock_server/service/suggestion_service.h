// Suggested tags and regions for images (the portal's Smart Labeler): a completed iteration's predictions,
// ranked by uncertainty. A classifier predicts from the features stored at upload; a detector detects in the
// stored image, as DetectImage would, so its suggestions cost a detection per image (10-30 ms).
#pragma once

#include <map>
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
  // The suggestions of a completed iteration for the listed images: a classifier's from their stored features,
  // a detector's from their stored bytes. Throws IterationIsNotTrained for an iteration not Completed.
  std::vector<SuggestedTagsView> suggestFor(const IterationRecord& iteration, std::vector<ImageRecord> images) const;
  // Per image, in order: the classifier's tags, most probable first.
  std::vector<std::vector<PredictionEntry>> classify(const PredictionModel& model, const std::string& projectId,
                                                     const std::vector<ImageRecord>& images) const;
  // Per image, in order: the detector's boxes, as DetectImage answers them (detectionEntries).
  std::vector<std::vector<PredictionEntry>> detect(const PredictionModel& model, const std::string& projectId,
                                                   const std::vector<ImageRecord>& images) const;

  ServiceState& state_;
};

}  // namespace cvmock::server
