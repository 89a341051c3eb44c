// Suggested tags for images (the portal's Smart Labeler): a completed iteration's predictions on the features
// stored at upload, ranked by uncertainty.
#pragma once

#include <map>
#include <string>
#include <vector>

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
  // The suggestions of a completed iteration for the listed images, from their stored features.
  std::vector<SuggestedTagsView> suggestFor(const IterationRecord& iteration, std::vector<ImageRecord> images) const;

  ServiceState& state_;
};

}  // namespace cvmock::server
