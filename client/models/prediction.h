// Prediction results (ImagePrediction, from quick tests and the Prediction API), stored predictions and the
// token that queries them.
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <vector>

#include "client/models/enums.h"
#include "client/models/regions.h"

namespace cvmock::client {

struct Prediction {
  double probability = 0;
  std::string tagId{};
  std::optional<std::string> tagName{};
  std::optional<BoundingBox> boundingBox{};  // object detection only
  std::optional<TagType> tagType{};          // not written by Prediction v3.0
};
void from_json(const nlohmann::json& j, Prediction& prediction);
void to_json(nlohmann::json& j, const Prediction& prediction);

struct ImagePrediction {
  std::string id{};  // equals the response's apim-request-id
  std::string project{};
  std::string iteration{};
  std::string created{};
  std::vector<Prediction> predictions{};  // every tag, highest probability first
};
void from_json(const nlohmann::json& j, ImagePrediction& prediction);
void to_json(nlohmann::json& j, const ImagePrediction& prediction);

struct StoredImagePrediction {
  std::string resizedImageUri{};
  std::string thumbnailUri{};
  std::string originalImageUri{};
  std::string domain{};
  std::string id{};
  std::string project{};
  std::string iteration{};
  std::string created{};
  std::vector<Prediction> predictions{};
};
void from_json(const nlohmann::json& j, StoredImagePrediction& prediction);
void to_json(nlohmann::json& j, const StoredImagePrediction& prediction);

// Keeps stored predictions whose probability for tag id lies between the thresholds.
struct PredictionQueryTag {
  std::string id{};
  double minThreshold = 0;
  double maxThreshold = 1;
};
void from_json(const nlohmann::json& j, PredictionQueryTag& tag);
void to_json(nlohmann::json& j, const PredictionQueryTag& tag);

// QueryPredictions' filter and paging. Send the token of an answer back as it came (with its continuation) for
// the next page; unset members are not sent.
struct PredictionQueryToken {
  std::optional<std::string> session{};
  std::optional<std::string> continuation{};
  std::optional<int> maxCount{};  // 0 or unset: the service's maximum (256)
  std::optional<PredictionOrder> orderBy{};
  std::optional<std::vector<PredictionQueryTag>> tags{};
  std::optional<std::string> iterationId{};
  std::optional<std::string> startTime{};
  std::optional<std::string> endTime{};
  std::optional<std::string> application{};
};
void from_json(const nlohmann::json& j, PredictionQueryToken& token);
void to_json(nlohmann::json& j, const PredictionQueryToken& token);

struct PredictionQueryResult {
  PredictionQueryToken token{};
  std::vector<StoredImagePrediction> results{};
};
void from_json(const nlohmann::json& j, PredictionQueryResult& result);
void to_json(nlohmann::json& j, const PredictionQueryResult& result);

}  // namespace cvmock::client
