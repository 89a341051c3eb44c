// JSON mapping of the wire models; the rules for optional fields are stated in models.h.
#include "client/models.h"

#include <nlohmann/json.hpp>

#include "client/base64.h"

namespace cvmock::client {

using nlohmann::json;

namespace {

// Absent and null are the same to a caller: both mean the service has no value.
template <class T>
void readOptional(const json& j, const char* key, std::optional<T>& out) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) {
    out.reset();
    return;
  }
  out = it->template get<T>();
}

template <class T>
void writeOptional(json& j, const char* key, const std::optional<T>& value) {
  if (value) j[key] = *value;
}

}  // namespace

void from_json(const json& j, Domain& domain) {
  j.at("id").get_to(domain.id);
  j.at("name").get_to(domain.name);
  j.at("type").get_to(domain.type);
  j.at("exportable").get_to(domain.exportable);
  j.at("enabled").get_to(domain.enabled);
}

void from_json(const json& j, ImageProcessingSettings& settings) {
  readOptional(j, "augmentationMethods", settings.augmentationMethods);
}

void to_json(json& j, const ImageProcessingSettings& settings) {
  j = json::object();
  writeOptional(j, "augmentationMethods", settings.augmentationMethods);
}

void from_json(const json& j, ProjectSettings& settings) {
  readOptional(j, "domainId", settings.domainId);
  readOptional(j, "classificationType", settings.classificationType);
  readOptional(j, "targetExportPlatforms", settings.targetExportPlatforms);
  readOptional(j, "useNegativeSet", settings.useNegativeSet);
  readOptional(j, "detectionParameters", settings.detectionParameters);
  readOptional(j, "imageProcessingSettings", settings.imageProcessingSettings);
}

void to_json(json& j, const ProjectSettings& settings) {
  j = json::object();
  writeOptional(j, "domainId", settings.domainId);
  writeOptional(j, "classificationType", settings.classificationType);
  writeOptional(j, "targetExportPlatforms", settings.targetExportPlatforms);
  writeOptional(j, "imageProcessingSettings", settings.imageProcessingSettings);
}

void from_json(const json& j, Project& project) {
  j.at("id").get_to(project.id);
  j.at("name").get_to(project.name);
  readOptional(j, "description", project.description);
  j.at("settings").get_to(project.settings);
  j.at("created").get_to(project.created);
  j.at("lastModified").get_to(project.lastModified);
  readOptional(j, "thumbnailUri", project.thumbnailUri);
  readOptional(j, "drModeEnabled", project.drModeEnabled);
  readOptional(j, "status", project.status);
}

void to_json(json& j, const Project& project) {
  j = json{{"name", project.name}, {"settings", project.settings}};
  writeOptional(j, "description", project.description);
}

void from_json(const json& j, Tag& tag) {
  j.at("id").get_to(tag.id);
  j.at("name").get_to(tag.name);
  readOptional(j, "description", tag.description);
  j.at("type").get_to(tag.type);
  j.at("imageCount").get_to(tag.imageCount);
}

void to_json(json& j, const Tag& tag) {
  j = json{{"name", tag.name}, {"type", tag.type}};
  writeOptional(j, "description", tag.description);
}

void from_json(const json& j, ImageTag& tag) {
  j.at("tagId").get_to(tag.tagId);
  readOptional(j, "tagName", tag.tagName);
  j.at("created").get_to(tag.created);
}

void from_json(const json& j, Image& image) {
  j.at("id").get_to(image.id);
  j.at("created").get_to(image.created);
  j.at("width").get_to(image.width);
  j.at("height").get_to(image.height);
  j.at("resizedImageUri").get_to(image.resizedImageUri);
  j.at("thumbnailUri").get_to(image.thumbnailUri);
  j.at("originalImageUri").get_to(image.originalImageUri);
  readOptional(j, "tags", image.tags);
  readOptional(j, "metadata", image.metadata);
}

void from_json(const json& j, ImageCreateResult& result) {
  readOptional(j, "sourceUrl", result.sourceUrl);
  j.at("status").get_to(result.status);
  readOptional(j, "image", result.image);
}

void from_json(const json& j, ImageCreateSummary& summary) {
  j.at("isBatchSuccessful").get_to(summary.isBatchSuccessful);
  j.at("images").get_to(summary.images);
}

void to_json(json& j, const ImageFileCreateEntry& entry) {
  j = json{
      {"name", entry.name}, {"contents", base64Encode(entry.contents)}, {"tagIds", entry.tagIds}};
}

void from_json(const json& j, ImageTagCreateEntry& entry) {
  j.at("imageId").get_to(entry.imageId);
  j.at("tagId").get_to(entry.tagId);
}

void to_json(json& j, const ImageTagCreateEntry& entry) {
  j = json{{"imageId", entry.imageId}, {"tagId", entry.tagId}};
}

void from_json(const json& j, ImageTagCreateSummary& summary) {
  readOptional(j, "created", summary.created);
  readOptional(j, "duplicated", summary.duplicated);
  readOptional(j, "exceeded", summary.exceeded);
}

void from_json(const json& j, Iteration& iteration) {
  j.at("id").get_to(iteration.id);
  j.at("name").get_to(iteration.name);
  j.at("status").get_to(iteration.status);
  j.at("created").get_to(iteration.created);
  j.at("lastModified").get_to(iteration.lastModified);
  readOptional(j, "trainedAt", iteration.trainedAt);
  j.at("projectId").get_to(iteration.projectId);
  j.at("exportable").get_to(iteration.exportable);
  readOptional(j, "exportableTo", iteration.exportableTo);
  readOptional(j, "domainId", iteration.domainId);
  readOptional(j, "classificationType", iteration.classificationType);
  j.at("trainingType").get_to(iteration.trainingType);
  j.at("reservedBudgetInHours").get_to(iteration.reservedBudgetInHours);
  readOptional(j, "trainingTimeInMinutes", iteration.trainingTimeInMinutes);
  readOptional(j, "publishName", iteration.publishName);
  readOptional(j, "originalPublishResourceId", iteration.originalPublishResourceId);
}

void to_json(json& j, const Iteration& iteration) { j = json{{"name", iteration.name}}; }

void from_json(const json& j, TagPerformance& performance) {
  j.at("id").get_to(performance.id);
  j.at("name").get_to(performance.name);
  j.at("precision").get_to(performance.precision);
  j.at("precisionStdDeviation").get_to(performance.precisionStdDeviation);
  j.at("recall").get_to(performance.recall);
  j.at("recallStdDeviation").get_to(performance.recallStdDeviation);
  readOptional(j, "averagePrecision", performance.averagePrecision);
}

void from_json(const json& j, IterationPerformance& performance) {
  j.at("perTagPerformance").get_to(performance.perTagPerformance);
  j.at("precision").get_to(performance.precision);
  j.at("precisionStdDeviation").get_to(performance.precisionStdDeviation);
  j.at("recall").get_to(performance.recall);
  j.at("recallStdDeviation").get_to(performance.recallStdDeviation);
  readOptional(j, "averagePrecision", performance.averagePrecision);
}

void from_json(const json& j, Prediction& prediction) {
  j.at("probability").get_to(prediction.probability);
  j.at("tagId").get_to(prediction.tagId);
  readOptional(j, "tagName", prediction.tagName);
  readOptional(j, "tagType", prediction.tagType);
}

void from_json(const json& j, ImagePerformance& performance) {
  readOptional(j, "predictions", performance.predictions);
  j.at("id").get_to(performance.id);
  j.at("created").get_to(performance.created);
  j.at("width").get_to(performance.width);
  j.at("height").get_to(performance.height);
  j.at("imageUri").get_to(performance.imageUri);
  j.at("thumbnailUri").get_to(performance.thumbnailUri);
  readOptional(j, "tags", performance.tags);
}

void from_json(const json& j, ImagePrediction& prediction) {
  j.at("id").get_to(prediction.id);
  j.at("project").get_to(prediction.project);
  j.at("iteration").get_to(prediction.iteration);
  j.at("created").get_to(prediction.created);
  j.at("predictions").get_to(prediction.predictions);
}

}  // namespace cvmock::client
