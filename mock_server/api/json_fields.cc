// Typed access to request-body fields.
#include "mock_server/api/json_fields.h"

#include "mock_server/base/errors.h"
#include "mock_server/base/ids.h"
#include "mock_server/base/unicode.h"

namespace cvmock::server {

std::optional<std::string> optionalStringField(const nlohmann::json& object, const char* key) {
  auto it = object.find(key);
  if (it == object.end() || it->is_null()) return std::nullopt;
  if (!it->is_string()) throw errors::fieldNotString(key);
  return it->get<std::string>();
}

std::vector<std::string> guidListField(const nlohmann::json& object, const char* key) {
  std::vector<std::string> ids;
  auto it = object.find(key);
  if (it == object.end() || it->is_null()) return ids;
  if (!it->is_array()) throw errors::fieldNotArray(key);
  for (const nlohmann::json& item : *it) {
    std::optional<std::string> id = item.is_string() ? normaliseGuid(item.get<std::string>()) : std::nullopt;
    if (!id) throw errors::invalidIds(key);
    ids.push_back(*id);
  }
  return ids;
}

float requiredFloatField(const nlohmann::json& object, const char* key) {
  auto it = object.find(key);
  if (it == object.end() || !it->is_number()) throw errors::fieldNotNumber(key);
  return it->get<float>();
}

RegionLabel regionLabel(const nlohmann::json& region) {
  const nlohmann::json& fields = requireObject(region);
  std::optional<std::string> tagId = normaliseGuid(optionalStringField(fields, "tagId").value_or(""));
  if (!tagId) throw errors::invalidIds("tagId");
  return {*tagId,
          {requiredFloatField(fields, "left"), requiredFloatField(fields, "top"), requiredFloatField(fields, "width"),
           requiredFloatField(fields, "height")}};
}

std::map<std::string, std::string> imageMetadata(const nlohmann::json& metadata, const ServiceLimits& limits) {
  std::map<std::string, std::string> pairs;
  if (metadata.is_null()) return pairs;
  if (!metadata.is_object() || static_cast<int>(metadata.size()) > limits.maxMetadataPairs) {
    throw errors::imageMetadataKey();
  }
  for (const auto& [key, value] : metadata.items()) {
    if (key.empty() || serviceLength(key) > limits.maxMetadataKeyLength) throw errors::imageMetadataKey();
    if (!value.is_string() || serviceLength(value.get_ref<const std::string&>()) > limits.maxMetadataValueLength) {
      throw errors::imageMetadataValue();
    }
    pairs.emplace(key, value.get<std::string>());
  }
  return pairs;
}

std::vector<ImageBatchEntry> imageBatchEntries(const nlohmann::json& body, const ServiceLimits& limits) {
  const nlohmann::json& batch = requireObject(body);
  auto metadataField = batch.find("metadata");
  const std::map<std::string, std::string> metadata =
      metadataField == batch.end() ? std::map<std::string, std::string>{} : imageMetadata(*metadataField, limits);
  const std::vector<std::string> batchTags = guidListField(batch, "tagIds");
  auto images = batch.find("images");
  if (images == batch.end() || !images->is_array()) throw errors::requiredParamIsNull("images");
  std::vector<ImageBatchEntry> entries;
  for (const nlohmann::json& item : *images) {
    const nlohmann::json& fields = requireObject(item);
    std::vector<std::string> tagIds = guidListField(fields, "tagIds");
    tagIds.insert(tagIds.end(), batchTags.begin(), batchTags.end());
    std::vector<RegionLabel> regions;
    auto regionList = fields.find("regions");
    if (regionList != fields.end() && !regionList->is_null()) {
      if (!regionList->is_array()) throw errors::fieldNotArray("regions");
      for (const nlohmann::json& region : *regionList) regions.push_back(regionLabel(region));
    }
    entries.push_back({&fields, std::move(tagIds), metadata, std::move(regions)});
  }
  return entries;
}

const nlohmann::json& requireObject(const nlohmann::json& body) {
  if (!body.is_object()) throw errors::bodyNotObject();
  return body;
}

}  // namespace cvmock::server
