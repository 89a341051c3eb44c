// QueryPredictions: the query token a client sends, and the page of stored predictions it finds.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "mock_server/base/clock.h"
#include "mock_server/base/enum_names.h"
#include "mock_server/service/region_rules.h"
#include "mock_server/store/records.h"

namespace cvmock::server {

// Suggested puts the predictions the model was least sure of first (lowest top probability), the ones
// most worth tagging; the real service does not document its order.
enum class PredictionOrder { Newest, Oldest, Suggested };
inline constexpr std::array kPredictionOrderNames = {
    EnumName<PredictionOrder>{PredictionOrder::Newest, "Newest"},
    EnumName<PredictionOrder>{PredictionOrder::Oldest, "Oldest"},
    EnumName<PredictionOrder>{PredictionOrder::Suggested, "Suggested"},
};
constexpr std::string_view name(PredictionOrder value) { return enumName(kPredictionOrderNames, value); }

// A prediction matches when its probability for the tag lies in [minThreshold, maxThreshold].
struct PredictionTagFilter {
  std::string tagId;
  float minThreshold = 0;
  float maxThreshold = 1;
};

// The spec's PredictionQueryToken. Every filter that is set must match (tags: each of them).
struct PredictionQuery {
  std::optional<std::string> session;       // opaque; echoed, or made up by the first query
  std::optional<std::string> continuation;  // opaque; where the previous page ended, null for the first page
  int maxCount = 0;                          // results per page; 0 is the service's default page
  PredictionOrder orderBy = PredictionOrder::Newest;
  std::optional<std::vector<PredictionTagFilter>> tags;
  std::optional<std::string> iterationId;
  std::optional<TimePoint> startTime;  // created at or after
  std::optional<TimePoint> endTime;    // created at or before
  std::optional<std::string> application;
};

struct StoredPredictionView {
  PredictionRecord prediction;
  std::string domainId;  // the domain of the iteration that made the prediction
};

// One page, and the token that asks for the next one (its continuation is null on the last page).
struct PredictionQueryView {
  PredictionQuery token;
  std::vector<StoredPredictionView> results;
};

// An entry of CreateImagesFromPredictions: the stored prediction whose image becomes a training image.
struct PredictionImageEntry {
  std::string predictionId;
  std::vector<std::string> tagIds;  // normalised GUIDs
  std::map<std::string, std::string> metadata;
  std::vector<RegionLabel> regions;
};

}  // namespace cvmock::server
