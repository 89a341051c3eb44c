// Building the views responses share.
#include "mock_server/service/views.h"

#include <algorithm>

namespace cvmock::server {

std::vector<PredictionEntry> rankedPredictions(const std::vector<TrainedTag>& tags, const float* probabilities) {
  std::vector<PredictionEntry> entries;
  entries.reserve(tags.size());
  for (std::size_t i = 0; i < tags.size(); ++i) {
    entries.push_back({tags[i].id, tags[i].name, tags[i].type, probabilities[i], std::nullopt});
  }
  std::stable_sort(entries.begin(), entries.end(),
                   [](const PredictionEntry& a, const PredictionEntry& b) { return a.probability > b.probability; });
  return entries;
}

}  // namespace cvmock::server
