// The JSON mapping of projects, their settings and exports.
#include "client/models/project.h"

#include "client/models/fields.h"

namespace cvmock::client {

namespace {

using fields::defaulted;
using fields::field;

constexpr auto kProcessing =
    std::make_tuple(field("augmentationMethods", &ImageProcessingSettings::augmentationMethods));

constexpr auto kWritableSettings = std::make_tuple(
    field("domainId", &ProjectSettings::domainId), field("classificationType", &ProjectSettings::classificationType),
    field("targetExportPlatforms", &ProjectSettings::targetExportPlatforms),
    field("imageProcessingSettings", &ProjectSettings::imageProcessingSettings));
constexpr auto kReadOnlySettings = std::make_tuple(field("useNegativeSet", &ProjectSettings::useNegativeSet),
                                                   field("detectionParameters", &ProjectSettings::detectionParameters));

constexpr auto kWritableProject = std::make_tuple(field("name", &Project::name),
                                                  field("description", &Project::description));
constexpr auto kReadOnlyProject = std::make_tuple(
    field("id", &Project::id), field("settings", &Project::settings), field("created", &Project::created),
    field("lastModified", &Project::lastModified), field("thumbnailUri", &Project::thumbnailUri),
    field("drModeEnabled", &Project::drModeEnabled), field("status", &Project::status));

constexpr auto kExport = std::make_tuple(
    defaulted("iterationCount", &ProjectExport::iterationCount), defaulted("imageCount", &ProjectExport::imageCount),
    defaulted("tagCount", &ProjectExport::tagCount), defaulted("regionCount", &ProjectExport::regionCount),
    defaulted("estimatedImportTimeInMS", &ProjectExport::estimatedImportTimeInMS),
    field("token", &ProjectExport::token));

}  // namespace

void from_json(const nlohmann::json& j, ImageProcessingSettings& settings) { fields::read(j, settings, kProcessing); }
void to_json(nlohmann::json& j, const ImageProcessingSettings& settings) { fields::write(j, settings, kProcessing); }

void from_json(const nlohmann::json& j, ProjectSettings& settings) {
  fields::read(j, settings, kWritableSettings);
  fields::read(j, settings, kReadOnlySettings);
}
void to_json(nlohmann::json& j, const ProjectSettings& settings) {
  fields::write(j, settings, kWritableSettings);
  fields::write(j, settings, kReadOnlySettings);
}

void from_json(const nlohmann::json& j, Project& project) {
  fields::read(j, project, kWritableProject);
  fields::read(j, project, kReadOnlyProject);
}
void to_json(nlohmann::json& j, const Project& project) {
  fields::write(j, project, kWritableProject);
  fields::write(j, project, kReadOnlyProject);
}

nlohmann::json updateBody(const Project& project) {
  nlohmann::json body;
  fields::write(body, project, kWritableProject);
  fields::write(body["settings"], project.settings, kWritableSettings);
  return body;
}

void from_json(const nlohmann::json& j, ProjectExport& exported) { fields::read(j, exported, kExport); }
void to_json(nlohmann::json& j, const ProjectExport& exported) { fields::write(j, exported, kExport); }

}  // namespace cvmock::client
