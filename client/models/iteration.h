// Iteration: one training run of a project; TrainingParameters (TrainProject's body); Export (an iteration's model
// exported for a platform).
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <vector>

#include "client/models/enums.h"

namespace cvmock::client {

// Timestamps stay as the text the service sent ("2020-11-06T16:37:27.563Z").
struct Iteration {
  std::string id{};
  std::string name{};
  std::string status{};  // "Training", then "Completed" or "Failed" (a free string in the spec, not an enum)
  std::string created{};
  std::string lastModified{};
  std::optional<std::string> trainedAt{};  // appears when training completes
  std::string projectId{};
  bool exportable = false;
  std::optional<std::vector<ExportPlatform>> exportableTo{};
  std::optional<std::string> domainId{};                   // null while training
  std::optional<ClassificationType> classificationType{};  // null while training
  TrainingType trainingType = TrainingType::Regular;
  int reservedBudgetInHours = 0;
  std::optional<int> trainingTimeInMinutes{};  // appears when training completes
  std::optional<std::string> publishName{};
  std::optional<std::string> originalPublishResourceId{};
};
void from_json(const nlohmann::json& j, Iteration& iteration);
void to_json(nlohmann::json& j, const Iteration& iteration);
// The member UpdateIteration changes: name.
nlohmann::json updateBody(const Iteration& iteration);

struct TrainingParameters {
  std::vector<std::string> selectedTags{};  // train on these tags only; empty trains on all
};
void from_json(const nlohmann::json& j, TrainingParameters& parameters);
void to_json(nlohmann::json& j, const TrainingParameters& parameters);

struct Export {
  ExportPlatform platform = ExportPlatform::TensorFlow;
  ExportStatus status = ExportStatus::Exporting;
  std::optional<std::string> downloadUri{};  // set once status is Done
  std::optional<ExportFlavor> flavor{};
  bool newerVersionAvailable = false;
};
void from_json(const nlohmann::json& j, Export& exported);
void to_json(nlohmann::json& j, const Export& exported);

}  // namespace cvmock::client
