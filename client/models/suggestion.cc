// The JSON mapping of suggested tags and their queries.
#include "client/models/suggestion.h"

#include "client/models/fields.h"

namespace cvmock::client {

namespace {

using fields::defaulted;
using fields::field;
using fields::sparse;

template <class M>
constexpr auto suggestionOf() {
  return std::make_tuple(field("id", &M::id), field("project", &M::project), field("iteration", &M::iteration),
                         field("created", &M::created), defaulted("predictions", &M::predictions),
                         defaulted("predictionUncertainty", &M::predictionUncertainty));
}

constexpr auto kFilter = std::make_tuple(sparse("tagIds", &TagFilter::tagIds),
                                         field("threshold", &TagFilter::threshold));
constexpr auto kSuggestion = suggestionOf<SuggestedTagAndRegion>();
constexpr auto kStored = std::tuple_cat(
    std::make_tuple(defaulted("width", &StoredSuggestedTagAndRegion::width),
                    defaulted("height", &StoredSuggestedTagAndRegion::height),
                    field("resizedImageUri", &StoredSuggestedTagAndRegion::resizedImageUri),
                    field("thumbnailUri", &StoredSuggestedTagAndRegion::thumbnailUri),
                    field("originalImageUri", &StoredSuggestedTagAndRegion::originalImageUri),
                    defaulted("domain", &StoredSuggestedTagAndRegion::domain)),
    suggestionOf<StoredSuggestedTagAndRegion>());
constexpr auto kToken = std::make_tuple(
    sparse("tagIds", &SuggestedTagAndRegionQueryToken::tagIds),
    field("threshold", &SuggestedTagAndRegionQueryToken::threshold),
    field("session", &SuggestedTagAndRegionQueryToken::session),
    field("continuation", &SuggestedTagAndRegionQueryToken::continuation),
    field("maxCount", &SuggestedTagAndRegionQueryToken::maxCount),
    field("sortBy", &SuggestedTagAndRegionQueryToken::sortBy));
constexpr auto kQuery = std::make_tuple(defaulted("token", &SuggestedTagAndRegionQuery::token),
                                        defaulted("results", &SuggestedTagAndRegionQuery::results));

}  // namespace

void from_json(const nlohmann::json& j, TagFilter& filter) { fields::read(j, filter, kFilter); }
void to_json(nlohmann::json& j, const TagFilter& filter) { fields::write(j, filter, kFilter); }
void from_json(const nlohmann::json& j, SuggestedTagAndRegion& suggestion) { fields::read(j, suggestion, kSuggestion); }
void to_json(nlohmann::json& j, const SuggestedTagAndRegion& suggestion) { fields::write(j, suggestion, kSuggestion); }
void from_json(const nlohmann::json& j, StoredSuggestedTagAndRegion& suggestion) {
  fields::read(j, suggestion, kStored);
}
void to_json(nlohmann::json& j, const StoredSuggestedTagAndRegion& suggestion) {
  fields::write(j, suggestion, kStored);
}
void from_json(const nlohmann::json& j, SuggestedTagAndRegionQueryToken& token) { fields::read(j, token, kToken); }
void to_json(nlohmann::json& j, const SuggestedTagAndRegionQueryToken& token) { fields::write(j, token, kToken); }
void from_json(const nlohmann::json& j, SuggestedTagAndRegionQuery& query) { fields::read(j, query, kQuery); }
void to_json(nlohmann::json& j, const SuggestedTagAndRegionQuery& query) { fields::write(j, query, kQuery); }

}  // namespace cvmock::client
