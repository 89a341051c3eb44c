// The JSON mapping of predictions, stored predictions and prediction queries.
#include "client/models/prediction.h"

#include "client/models/fields.h"

namespace cvmock::client {

namespace {

using fields::defaulted;
using fields::field;

constexpr auto kPrediction = std::make_tuple(
    field("probability", &Prediction::probability), field("tagId", &Prediction::tagId),
    field("tagName", &Prediction::tagName), field("boundingBox", &Prediction::boundingBox),
    field("tagType", &Prediction::tagType));

template <class M>
constexpr auto predictionOf() {
  return std::make_tuple(field("id", &M::id), field("project", &M::project), field("iteration", &M::iteration),
                         field("created", &M::created), defaulted("predictions", &M::predictions));
}

constexpr auto kImagePrediction = predictionOf<ImagePrediction>();
constexpr auto kStored = std::tuple_cat(
    std::make_tuple(field("resizedImageUri", &StoredImagePrediction::resizedImageUri),
                    field("thumbnailUri", &StoredImagePrediction::thumbnailUri),
                    field("originalImageUri", &StoredImagePrediction::originalImageUri),
                    field("domain", &StoredImagePrediction::domain)),
    predictionOf<StoredImagePrediction>());
constexpr auto kQueryTag = std::make_tuple(field("id", &PredictionQueryTag::id),
                                           defaulted("minThreshold", &PredictionQueryTag::minThreshold),
                                           defaulted("maxThreshold", &PredictionQueryTag::maxThreshold));
constexpr auto kToken = std::make_tuple(
    field("session", &PredictionQueryToken::session), field("continuation", &PredictionQueryToken::continuation),
    field("maxCount", &PredictionQueryToken::maxCount), field("orderBy", &PredictionQueryToken::orderBy),
    field("tags", &PredictionQueryToken::tags), field("iterationId", &PredictionQueryToken::iterationId),
    field("startTime", &PredictionQueryToken::startTime), field("endTime", &PredictionQueryToken::endTime),
    field("application", &PredictionQueryToken::application));
constexpr auto kQueryResult = std::make_tuple(defaulted("token", &PredictionQueryResult::token),
                                              defaulted("results", &PredictionQueryResult::results));

}  // namespace

void from_json(const nlohmann::json& j, Prediction& prediction) { fields::read(j, prediction, kPrediction); }
void to_json(nlohmann::json& j, const Prediction& prediction) { fields::write(j, prediction, kPrediction); }
void from_json(const nlohmann::json& j, ImagePrediction& prediction) { fields::read(j, prediction, kImagePrediction); }
void to_json(nlohmann::json& j, const ImagePrediction& prediction) { fields::write(j, prediction, kImagePrediction); }
void from_json(const nlohmann::json& j, StoredImagePrediction& prediction) { fields::read(j, prediction, kStored); }
void to_json(nlohmann::json& j, const StoredImagePrediction& prediction) { fields::write(j, prediction, kStored); }
void from_json(const nlohmann::json& j, PredictionQueryTag& tag) { fields::read(j, tag, kQueryTag); }
void to_json(nlohmann::json& j, const PredictionQueryTag& tag) { fields::write(j, tag, kQueryTag); }
void from_json(const nlohmann::json& j, PredictionQueryToken& token) { fields::read(j, token, kToken); }
void to_json(nlohmann::json& j, const PredictionQueryToken& token) { fields::write(j, token, kToken); }
void from_json(const nlohmann::json& j, PredictionQueryResult& result) { fields::read(j, result, kQueryResult); }
void to_json(nlohmann::json& j, const PredictionQueryResult& result) { fields::write(j, result, kQueryResult); }

}  // namespace cvmock::client
