// The JSON mapping of the image create and image tag batches.
#include "client/models/image_batches.h"

#include "client/base64.h"
#include "client/models/fields.h"

namespace cvmock::client {

namespace {

using fields::field;
using fields::sparse;

constexpr auto kFileEntry = std::make_tuple(field("name", &ImageFileCreateEntry::name),
                                            sparse("tagIds", &ImageFileCreateEntry::tagIds),
                                            sparse("regions", &ImageFileCreateEntry::regions));
constexpr auto kFileBatch = std::make_tuple(sparse("images", &ImageFileCreateBatch::images),
                                            sparse("tagIds", &ImageFileCreateBatch::tagIds),
                                            field("metadata", &ImageFileCreateBatch::metadata));
constexpr auto kUrlEntry = std::make_tuple(field("url", &ImageUrlCreateEntry::url),
                                           sparse("tagIds", &ImageUrlCreateEntry::tagIds),
                                           sparse("regions", &ImageUrlCreateEntry::regions));
constexpr auto kUrlBatch = std::make_tuple(sparse("images", &ImageUrlCreateBatch::images),
                                           sparse("tagIds", &ImageUrlCreateBatch::tagIds),
                                           field("metadata", &ImageUrlCreateBatch::metadata));
constexpr auto kIdEntry = std::make_tuple(field("id", &ImageIdCreateEntry::id),
                                          sparse("tagIds", &ImageIdCreateEntry::tagIds),
                                          sparse("regions", &ImageIdCreateEntry::regions));
constexpr auto kIdBatch = std::make_tuple(sparse("images", &ImageIdCreateBatch::images),
                                          sparse("tagIds", &ImageIdCreateBatch::tagIds),
                                          field("metadata", &ImageIdCreateBatch::metadata));
constexpr auto kTagEntry =
    std::make_tuple(field("imageId", &ImageTagCreateEntry::imageId), field("tagId", &ImageTagCreateEntry::tagId));
constexpr auto kTagBatch = std::make_tuple(sparse("tags", &ImageTagCreateBatch::tags));
constexpr auto kTagSummary = std::make_tuple(field("created", &ImageTagCreateSummary::created),
                                             field("duplicated", &ImageTagCreateSummary::duplicated),
                                             field("exceeded", &ImageTagCreateSummary::exceeded));

}  // namespace

void from_json(const nlohmann::json& j, ImageFileCreateEntry& entry) {
  fields::read(j, entry, kFileEntry);
  entry.contents = base64Decode(j.at("contents").get<std::string>());
}
void to_json(nlohmann::json& j, const ImageFileCreateEntry& entry) {
  fields::write(j, entry, kFileEntry);
  j["contents"] = base64Encode(entry.contents);
}

void from_json(const nlohmann::json& j, ImageFileCreateBatch& batch) { fields::read(j, batch, kFileBatch); }
void to_json(nlohmann::json& j, const ImageFileCreateBatch& batch) { fields::write(j, batch, kFileBatch); }
void from_json(const nlohmann::json& j, ImageUrlCreateEntry& entry) { fields::read(j, entry, kUrlEntry); }
void to_json(nlohmann::json& j, const ImageUrlCreateEntry& entry) { fields::write(j, entry, kUrlEntry); }
void from_json(const nlohmann::json& j, ImageUrlCreateBatch& batch) { fields::read(j, batch, kUrlBatch); }
void to_json(nlohmann::json& j, const ImageUrlCreateBatch& batch) { fields::write(j, batch, kUrlBatch); }
void from_json(const nlohmann::json& j, ImageIdCreateEntry& entry) { fields::read(j, entry, kIdEntry); }
void to_json(nlohmann::json& j, const ImageIdCreateEntry& entry) { fields::write(j, entry, kIdEntry); }
void from_json(const nlohmann::json& j, ImageIdCreateBatch& batch) { fields::read(j, batch, kIdBatch); }
void to_json(nlohmann::json& j, const ImageIdCreateBatch& batch) { fields::write(j, batch, kIdBatch); }
void from_json(const nlohmann::json& j, ImageTagCreateEntry& entry) { fields::read(j, entry, kTagEntry); }
void to_json(nlohmann::json& j, const ImageTagCreateEntry& entry) { fields::write(j, entry, kTagEntry); }
void from_json(const nlohmann::json& j, ImageTagCreateBatch& batch) { fields::read(j, batch, kTagBatch); }
void to_json(nlohmann::json& j, const ImageTagCreateBatch& batch) { fields::write(j, batch, kTagBatch); }
void from_json(const nlohmann::json& j, ImageTagCreateSummary& summary) { fields::read(j, summary, kTagSummary); }
void to_json(nlohmann::json& j, const ImageTagCreateSummary& summary) { fields::write(j, summary, kTagSummary); }

}  // namespace cvmock::client
