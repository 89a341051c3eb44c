// The JSON mapping of iteration, tag and image performance.
#include "client/models/performance.h"

#include "client/models/fields.h"

namespace cvmock::client {

namespace {

using fields::defaulted;
using fields::field;

template <class M>
constexpr auto scoresOf() {
  return std::make_tuple(field("precision", &M::precision), field("precisionStdDeviation", &M::precisionStdDeviation),
                         field("recall", &M::recall), field("recallStdDeviation", &M::recallStdDeviation),
                         field("averagePrecision", &M::averagePrecision));
}

constexpr auto kTag = std::tuple_cat(std::make_tuple(field("id", &TagPerformance::id),
                                                     field("name", &TagPerformance::name)),
                                     scoresOf<TagPerformance>());
constexpr auto kIteration = std::tuple_cat(
    std::make_tuple(defaulted("perTagPerformance", &IterationPerformance::perTagPerformance)),
    scoresOf<IterationPerformance>());
constexpr auto kImage = std::make_tuple(
    field("predictions", &ImagePerformance::predictions), field("id", &ImagePerformance::id),
    field("created", &ImagePerformance::created), field("width", &ImagePerformance::width),
    field("height", &ImagePerformance::height), field("imageUri", &ImagePerformance::imageUri),
    field("thumbnailUri", &ImagePerformance::thumbnailUri), field("tags", &ImagePerformance::tags),
    field("regions", &ImagePerformance::regions));

}  // namespace

void from_json(const nlohmann::json& j, TagPerformance& performance) { fields::read(j, performance, kTag); }
void to_json(nlohmann::json& j, const TagPerformance& performance) { fields::write(j, performance, kTag); }
void from_json(const nlohmann::json& j, IterationPerformance& performance) { fields::read(j, performance, kIteration); }
void to_json(nlohmann::json& j, const IterationPerformance& performance) { fields::write(j, performance, kIteration); }
void from_json(const nlohmann::json& j, ImagePerformance& performance) { fields::read(j, performance, kImage); }
void to_json(nlohmann::json& j, const ImagePerformance& performance) { fields::write(j, performance, kImage); }

}  // namespace cvmock::client
