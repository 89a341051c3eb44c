// Typed access to request-body fields.
#include "mock_server/json_fields.h"

#include "mock_server/errors.h"
#include "mock_server/ids.h"

namespace cvmock::server {

std::optional<std::string> optionalStringField(const nlohmann::json& object, const char* key) {
  auto it = object.find(key);
  if (it == object.end() || it->is_null()) return std::nullopt;
  if (!it->is_string()) throw errors::badRequest(std::string("Field ") + key + " must be a string");
  return it->get<std::string>();
}

std::vector<std::string> guidListField(const nlohmann::json& object, const char* key) {
  std::vector<std::string> ids;
  auto it = object.find(key);
  if (it == object.end() || it->is_null()) return ids;
  if (!it->is_array()) throw errors::badRequest(std::string("Field ") + key + " must be an array");
  for (const nlohmann::json& item : *it) {
    std::optional<std::string> id = item.is_string() ? normaliseGuid(item.get<std::string>()) : std::nullopt;
    if (!id) throw errors::invalidIds(key);
    ids.push_back(*id);
  }
  return ids;
}

void checkImageMetadata(const nlohmann::json& batch) {
  constexpr std::size_t kMaxPairs = 50, kMaxKey = 256, kMaxValue = 512;  // CONTRACT.md, per image
  auto metadata = batch.find("metadata");
  if (metadata == batch.end() || metadata->is_null()) return;
  if (!metadata->is_object() || metadata->size() > kMaxPairs) throw errors::imageMetadataKey();
  for (const auto& [key, value] : metadata->items()) {
    if (key.empty() || key.size() > kMaxKey) throw errors::imageMetadataKey();
    if (!value.is_string() || value.get_ref<const std::string&>().size() > kMaxValue) {
      throw errors::imageMetadataValue();
    }
  }
}

std::vector<ImageBatchEntry> imageBatchEntries(const nlohmann::json& body) {
  const nlohmann::json& batch = requireObject(body);
  checkImageMetadata(batch);
  const std::vector<std::string> batchTags = guidListField(batch, "tagIds");
  auto images = batch.find("images");
  if (images == batch.end() || !images->is_array()) throw errors::requiredParamIsNull("images");
  std::vector<ImageBatchEntry> entries;
  for (const nlohmann::json& item : *images) {
    const nlohmann::json& fields = requireObject(item);
    std::vector<std::string> tagIds = guidListField(fields, "tagIds");
    tagIds.insert(tagIds.end(), batchTags.begin(), batchTags.end());
    entries.push_back({&fields, std::move(tagIds)});
  }
  return entries;
}

const nlohmann::json& requireObject(const nlohmann::json& body) {
  if (!body.is_object()) throw errors::badRequest("The request body must be a JSON object");
  return body;
}

}  // namespace cvmock::server
