// Suggested tags: an iteration's predictions on untagged images, to speed up tagging (SuggestTagsAndRegions,
// QuerySuggestedImages, QuerySuggestedImageCount).
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <vector>

#include "client/models/enums.h"
#include "client/models/prediction.h"

namespace cvmock::client {

// QuerySuggestedImageCount's body: count images with a suggestion at or above threshold, per tag.
struct TagFilter {
  std::vector<std::string> tagIds{};
  std::optional<double> threshold{};
};
void from_json(const nlohmann::json& j, TagFilter& filter);
void to_json(nlohmann::json& j, const TagFilter& filter);

struct SuggestedTagAndRegion {
  std::string id{};  // the image's id
  std::string project{};
  std::string iteration{};
  std::string created{};
  std::vector<Prediction> predictions{};
  double predictionUncertainty = 0;
};
void from_json(const nlohmann::json& j, SuggestedTagAndRegion& suggestion);
void to_json(nlohmann::json& j, const SuggestedTagAndRegion& suggestion);

struct StoredSuggestedTagAndRegion {
  int width = 0;
  int height = 0;
  std::string resizedImageUri{};
  std::string thumbnailUri{};
  std::string originalImageUri{};
  std::string domain{};
  std::string id{};
  std::string project{};
  std::string iteration{};
  std::string created{};
  std::vector<Prediction> predictions{};
  double predictionUncertainty = 0;
};
void from_json(const nlohmann::json& j, StoredSuggestedTagAndRegion& suggestion);
void to_json(nlohmann::json& j, const StoredSuggestedTagAndRegion& suggestion);

// QuerySuggestedImages' filter and paging; send an answer's token back for the next page.
struct SuggestedTagAndRegionQueryToken {
  std::vector<std::string> tagIds{};
  std::optional<double> threshold{};
  std::optional<std::string> session{};
  std::optional<std::string> continuation{};
  std::optional<int> maxCount{};
  std::optional<SuggestionSortBy> sortBy{};
};
void from_json(const nlohmann::json& j, SuggestedTagAndRegionQueryToken& token);
void to_json(nlohmann::json& j, const SuggestedTagAndRegionQueryToken& token);

struct SuggestedTagAndRegionQuery {
  SuggestedTagAndRegionQueryToken token{};
  std::vector<StoredSuggestedTagAndRegion> results{};
};
void from_json(const nlohmann::json& j, SuggestedTagAndRegionQuery& query);
void to_json(nlohmann::json& j, const SuggestedTagAndRegionQuery& query);

}  // namespace cvmock::client
