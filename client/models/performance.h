// How well an iteration does: per tag and overall (GetIterationPerformance), and per evaluated image
// (GetImagePerformances).
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <vector>

#include "client/models/image.h"
#include "client/models/prediction.h"

namespace cvmock::client {

struct TagPerformance {
  std::string id{};
  std::string name{};
  double precision = 0;
  double precisionStdDeviation = 0;
  double recall = 0;
  double recallStdDeviation = 0;
  std::optional<double> averagePrecision{};  // null when the tag has no positive image to rank
};
void from_json(const nlohmann::json& j, TagPerformance& performance);
void to_json(nlohmann::json& j, const TagPerformance& performance);

struct IterationPerformance {
  std::vector<TagPerformance> perTagPerformance{};
  double precision = 0;
  double precisionStdDeviation = 0;
  double recall = 0;
  double recallStdDeviation = 0;
  std::optional<double> averagePrecision{};
};
void from_json(const nlohmann::json& j, IterationPerformance& performance);
void to_json(nlohmann::json& j, const IterationPerformance& performance);

struct ImagePerformance {
  std::optional<std::vector<Prediction>> predictions{};
  std::string id{};
  std::string created{};
  int width = 0;
  int height = 0;
  std::string imageUri{};
  std::string thumbnailUri{};
  std::optional<std::vector<ImageTag>> tags{};
  std::optional<std::vector<ImageRegion>> regions{};
};
void from_json(const nlohmann::json& j, ImagePerformance& performance);
void to_json(nlohmann::json& j, const ImagePerformance& performance);

}  // namespace cvmock::client
