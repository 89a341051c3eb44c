// Suggested tags (SuggestTagsAndRegions, QuerySuggestedImages): the query a client sends and what it gets.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "mock_server/base/clock.h"
#include "mock_server/base/enum_names.h"
#include "mock_server/store/records.h"

namespace cvmock::server {

enum class UncertaintyOrder { Ascending, Descending };
inline constexpr std::array kUncertaintyOrderNames = {
    EnumName<UncertaintyOrder>{UncertaintyOrder::Ascending, "UncertaintyAscending"},
    EnumName<UncertaintyOrder>{UncertaintyOrder::Descending, "UncertaintyDescending"},
};
constexpr std::string_view name(UncertaintyOrder value) { return enumName(kUncertaintyOrderNames, value); }

// The spec's SuggestedTagAndRegionQueryToken. An untagged image matches when its suggested probability for
// one of tagIds (any trained tag when empty) is at least threshold; for a detector, when one of its boxes of
// such a tag is.
struct SuggestedTagQuery {
  std::vector<std::string> tagIds;
  double threshold = 0;
  std::optional<std::string> session;       // opaque; echoed, or made up by the first query
  std::optional<std::string> continuation;  // where the previous page ended; null for the first page
  int maxCount = 0;                          // results per page; 0 or less is the default page
  UncertaintyOrder sortBy = UncertaintyOrder::Descending;
};

// One image's suggestions. `id` is the image's id, so that a client can tag the image it was suggested for
// (the spec calls it a prediction id but gives no other way to tell which image a result is about).
struct SuggestedTagsView {
  ImageRecord image;
  std::string iterationId;
  std::string domainId;
  TimePoint created;
  // A classifier's: one per trained tag, highest probability first. A detector's: one per box with its
  // boundingBox (the spec's Prediction), exactly the detections DetectImage answers for the image, in its order.
  std::vector<PredictionEntry> predictions;
  // Entropy in nats: of the distribution for a multiclass model, the sum of each tag's yes/no entropy for a
  // multilabel one, the sum of each box's yes/no entropy for a detector (unsure boxes add most; boxes the
  // detector is sure of, either way, add little). High means the model is unsure: the images most worth a
  // person's look.
  double uncertainty = 0;
};

struct SuggestedTagQueryView {
  SuggestedTagQuery token;  // its continuation is null on the last page
  std::vector<SuggestedTagsView> results;
};

}  // namespace cvmock::server
