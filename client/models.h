// The wire models of the operations this client calls, mirroring the spec's definitions.
//
// Field names match the spec's JSON names. A field is std::optional when the spec marks it
// x-nullable or the real service leaves it out in some states (recordings/README.md): absent and
// null both read as std::nullopt. Every other field is read strictly: from_json throws
// nlohmann::json::exception when it is missing or of the wrong type. Timestamps stay as the text
// the service sent, because it uses two formats (with and without "Z") that callers may want
// verbatim. to_json writes only what the spec lets a client set (no readOnly fields).
// Object-detection fields (regions, bounding boxes) are not modelled: this client covers
// classification.
#pragma once

#include <map>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <vector>

namespace cvmock::client {

struct Domain {
  std::string id;
  std::string name;
  std::string type;  // "Classification" or "ObjectDetection"
  bool exportable = false;
  bool enabled = false;
};
void from_json(const nlohmann::json& j, Domain& domain);

struct ImageProcessingSettings {
  std::optional<std::map<std::string, bool>> augmentationMethods;  // e.g. "rotation" -> true
};
void from_json(const nlohmann::json& j, ImageProcessingSettings& settings);
void to_json(nlohmann::json& j, const ImageProcessingSettings& settings);

struct ProjectSettings {
  std::optional<std::string> domainId;
  std::optional<std::string> classificationType;  // "Multiclass" or "Multilabel"
  std::optional<std::vector<std::string>> targetExportPlatforms;
  std::optional<bool> useNegativeSet;
  std::optional<std::string> detectionParameters;
  std::optional<ImageProcessingSettings> imageProcessingSettings;
};
void from_json(const nlohmann::json& j, ProjectSettings& settings);
void to_json(nlohmann::json& j, const ProjectSettings& settings);

struct Project {
  std::string id;
  std::string name;
  std::optional<std::string> description;
  ProjectSettings settings;
  std::string created;
  std::string lastModified;
  std::optional<std::string> thumbnailUri;
  std::optional<bool> drModeEnabled;
  std::optional<std::string> status;  // v3.4+: "Succeeded", "Importing", "Failed"
};
void from_json(const nlohmann::json& j, Project& project);
// Writes name, description and settings: the body UpdateProject takes.
void to_json(nlohmann::json& j, const Project& project);

struct Tag {
  std::string id;
  std::string name;
  std::optional<std::string> description;  // null when created without one
  std::string type;                        // "Regular", "Negative" or "GeneralProduct"
  int imageCount = 0;
};
void from_json(const nlohmann::json& j, Tag& tag);
// Writes name, description and type: the body UpdateTag takes.
void to_json(nlohmann::json& j, const Tag& tag);

struct ImageTag {
  std::string tagId;
  std::optional<std::string> tagName;  // null in some create results
  std::string created;
};
void from_json(const nlohmann::json& j, ImageTag& tag);

struct Image {
  std::string id;
  std::string created;
  int width = 0;
  int height = 0;
  std::string resizedImageUri;
  std::string thumbnailUri;
  std::string originalImageUri;
  std::optional<std::vector<ImageTag>> tags;  // absent on untagged images
  std::optional<std::map<std::string, std::string>> metadata;
};
void from_json(const nlohmann::json& j, Image& image);

struct ImageCreateResult {
  std::optional<std::string> sourceUrl;
  std::string status;          // "OK", "OKDuplicate", or one of the spec's "Error..." values
  std::optional<Image> image;  // missing when the image was rejected
};
void from_json(const nlohmann::json& j, ImageCreateResult& result);

struct ImageCreateSummary {
  bool isBatchSuccessful = false;  // false on a 207 with some images rejected
  std::vector<ImageCreateResult> images;
};
void from_json(const nlohmann::json& j, ImageCreateSummary& summary);

// One image for CreateImagesFromFiles; contents holds the raw bytes, base64-encoded by to_json.
struct ImageFileCreateEntry {
  std::string name;
  std::string contents;
  std::vector<std::string> tagIds;
};
void to_json(nlohmann::json& j, const ImageFileCreateEntry& entry);

struct ImageTagCreateEntry {
  std::string imageId;
  std::string tagId;
};
void from_json(const nlohmann::json& j, ImageTagCreateEntry& entry);
void to_json(nlohmann::json& j, const ImageTagCreateEntry& entry);

struct ImageTagCreateSummary {
  std::optional<std::vector<ImageTagCreateEntry>> created;
  std::optional<std::vector<ImageTagCreateEntry>> duplicated;
  std::optional<std::vector<ImageTagCreateEntry>> exceeded;
};
void from_json(const nlohmann::json& j, ImageTagCreateSummary& summary);

struct Iteration {
  std::string id;
  std::string name;
  std::string status;  // "Training", then "Completed" or "Failed"
  std::string created;
  std::string lastModified;
  std::optional<std::string> trainedAt;  // appears when training completes
  std::string projectId;
  bool exportable = false;
  std::optional<std::vector<std::string>> exportableTo;
  std::optional<std::string> domainId;
  std::optional<std::string> classificationType;
  std::string trainingType;  // "Regular" or "Advanced"
  int reservedBudgetInHours = 0;
  std::optional<int> trainingTimeInMinutes;  // appears when training completes
  std::optional<std::string> publishName;
  std::optional<std::string> originalPublishResourceId;
};
void from_json(const nlohmann::json& j, Iteration& iteration);
// Writes name, the only field UpdateIteration changes.
void to_json(nlohmann::json& j, const Iteration& iteration);

struct TagPerformance {
  std::string id;
  std::string name;
  double precision = 0;
  double precisionStdDeviation = 0;
  double recall = 0;
  double recallStdDeviation = 0;
  std::optional<double> averagePrecision;
};
void from_json(const nlohmann::json& j, TagPerformance& performance);

struct IterationPerformance {
  std::vector<TagPerformance> perTagPerformance;
  double precision = 0;
  double precisionStdDeviation = 0;
  double recall = 0;
  double recallStdDeviation = 0;
  std::optional<double> averagePrecision;
};
void from_json(const nlohmann::json& j, IterationPerformance& performance);

struct Prediction {
  double probability = 0;
  std::string tagId;
  std::optional<std::string> tagName;
  std::optional<std::string> tagType;
};
void from_json(const nlohmann::json& j, Prediction& prediction);

struct ImagePerformance {
  std::optional<std::vector<Prediction>> predictions;
  std::string id;
  std::string created;
  int width = 0;
  int height = 0;
  std::string imageUri;
  std::string thumbnailUri;
  std::optional<std::vector<ImageTag>> tags;
};
void from_json(const nlohmann::json& j, ImagePerformance& performance);

struct ImagePrediction {
  std::string id;  // equals the response's apim-request-id
  std::string project;
  std::string iteration;
  std::string created;
  std::vector<Prediction> predictions;  // every tag, highest probability first
};
void from_json(const nlohmann::json& j, ImagePrediction& prediction);

}  // namespace cvmock::client
