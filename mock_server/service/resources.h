// Azure resources as cvmock models them: training, prediction or Cognitive Services, each with its keys,
// region, ARM id and optionally a listener of its own.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cvmock::server {

enum class ResourceKind { Training, Prediction, CognitiveServices };

// The ARM kind names: "CustomVision.Training", "CustomVision.Prediction", "CognitiveServices".
std::string_view kindName(ResourceKind kind);
std::optional<ResourceKind> parseKind(std::string_view name);

struct Resource {
  std::string name;
  ResourceKind kind = ResourceKind::CognitiveServices;
  std::string region;
  std::string key1;
  std::string key2;  // "" when the resource has only one key configured (the simple flags)
  std::string armId;
  // nullopt: served on the main listener. A number: its own listener (0 picks a free port).
  std::optional<int> port;

  // A Cognitive Services resource opens both APIs; a Custom Vision one only its own.
  bool servesTraining() const { return kind != ResourceKind::Prediction; }
  bool servesPrediction() const { return kind != ResourceKind::Training; }
};

// The id Azure would give an account `name` in cvmock's fixed subscription and resource group.
std::string defaultArmId(const std::string& name);

// The default when no resource file is given, described by the simple flags: a training resource opened by
// `trainingKey`, a prediction resource `predictionArmId` opened by `predictionKey`, and, when
// `cognitiveServicesKey` is set, one Cognitive Services resource opened by it. All in one region, on the main
// listener.
std::vector<Resource> defaultResources(const std::string& trainingKey, const std::string& predictionKey,
                                       const std::string& cognitiveServicesKey, const std::string& predictionArmId);

// Reads a resource file: {"resources": [{"name", "kind", "region", "key1", "key2", "id"?, "port"?}, ...]}.
// Throws std::runtime_error naming the file and the problem (unreadable, malformed, a field missing or of the
// wrong type, an unknown kind, a duplicate name, ARM id, key or port).
std::vector<Resource> loadResources(const std::string& path);
// The same checks on text already read; `origin` names it in error messages.
std::vector<Resource> parseResources(const std::string& text, const std::string& origin);

// The resource with this ARM id (compared without regard to case, as ARM does); nullptr when none.
const Resource* findByArmId(const std::vector<Resource>& resources, std::string_view armId);

}  // namespace cvmock::server
