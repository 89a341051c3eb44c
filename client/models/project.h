// Project, its settings, and ProjectExport (the token ExportProject gives and ImportProject takes).
#pragma once

#include <map>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <vector>

#include "client/models/enums.h"

namespace cvmock::client {

struct ImageProcessingSettings {
  std::optional<std::map<std::string, bool>> augmentationMethods{};  // e.g. "rotation" -> true
};
void from_json(const nlohmann::json& j, ImageProcessingSettings& settings);
void to_json(nlohmann::json& j, const ImageProcessingSettings& settings);

struct ProjectSettings {
  std::optional<std::string> domainId{};
  std::optional<ClassificationType> classificationType{};
  std::optional<std::vector<ExportPlatform>> targetExportPlatforms{};
  std::optional<bool> useNegativeSet{};              // read-only
  std::optional<std::string> detectionParameters{};  // read-only
  std::optional<ImageProcessingSettings> imageProcessingSettings{};
};
void from_json(const nlohmann::json& j, ProjectSettings& settings);
void to_json(nlohmann::json& j, const ProjectSettings& settings);

struct Project {
  std::string id{};
  std::string name{};
  std::optional<std::string> description{};
  ProjectSettings settings{};
  std::string created{};
  std::string lastModified{};
  std::optional<std::string> thumbnailUri{};
  std::optional<bool> drModeEnabled{};
  std::optional<ProjectStatus> status{};  // Importing until an imported project is ready
};
void from_json(const nlohmann::json& j, Project& project);
void to_json(nlohmann::json& j, const Project& project);
// The members UpdateProject takes (name, description, and the settings a client may change); read-only ones
// are left out, as the official SDKs' serializers leave them out.
nlohmann::json updateBody(const Project& project);

struct ProjectExport {
  int iterationCount = 0;
  int imageCount = 0;
  int tagCount = 0;
  int regionCount = 0;
  int estimatedImportTimeInMS = 0;
  std::string token{};  // ImportProject's token
};
void from_json(const nlohmann::json& j, ProjectExport& exported);
void to_json(nlohmann::json& j, const ProjectExport& exported);

}  // namespace cvmock::client
