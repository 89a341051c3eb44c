// Handlers: uploading, listing, counting, tagging and deleting training images.
#include "mock_server/api/handlers.h"
#include "mock_server/api/json_fields.h"
#include "mock_server/base/base64.h"
#include "mock_server/base/errors.h"
#include "mock_server/base/text.h"

namespace cvmock::server::handlers {
namespace {

TaggingStatus parseTaggingStatus(const std::optional<std::string>& text) {
  if (!text) return TaggingStatus::All;
  if (std::optional<TaggingStatus> status = parseEnumName(kTaggingStatusNames, *text)) return *status;
  throw errors::notOneOf("taggingStatus", enumNameList(kTaggingStatusNames));
}

ImageOrder parseOrder(const std::optional<std::string>& text) {
  if (!text) return ImageOrder::Newest;
  if (std::optional<ImageOrder> order = parseEnumName(kImageOrderNames, *text)) return *order;
  throw errors::notOneOf("orderBy", enumNameList(kImageOrderNames));
}

// `$filter` is a parameter of GetImages and GetImageCount only.
std::optional<MetadataFilter> metadataFilter(const Call& call) {
  const std::optional<std::string> text = call.query("$filter");
  if (!text) return std::nullopt;
  return MetadataFilter::parse(*text);
}

ImageQuery listQuery(const Call& call, TaggingStatus status, std::optional<MetadataFilter> filter) {
  const int maxTake = call.limits().maxTake;
  return {status, call.queryGuidList("tagIds"), parseOrder(call.query("orderBy")), std::move(filter),
          call.take(50, maxTake), call.skip()};
}

void writeImages(Call& call, const ImageQuery& query) {
  wire::Json out = wire::Json::array();
  for (const ImageView& image : call.service.images().getImages(call.guid("projectId"), query)) {
    out.push_back(wire::image(image, call.blobs()));
  }
  call.json(200, out);
}

void writeCount(Call& call, TaggingStatus status, std::optional<MetadataFilter> filter) {
  ImageQuery query{status, call.queryGuidList("tagIds"), ImageOrder::Newest, std::move(filter), 0, 0};
  call.json(200, call.service.images().countImages(call.guid("projectId"), query));
}

// 200 when every image was stored, 207 (Multi-Status) when any was not.
void writeSummary(Call& call, const ImageCreateSummaryView& summary) {
  call.json(summary.isBatchSuccessful ? 200 : 207, wire::imageCreateSummary(summary, call.blobs()));
}

}  // namespace

void getImages(Call& call) {
  writeImages(call, listQuery(call, parseTaggingStatus(call.query("taggingStatus")), metadataFilter(call)));
}
void getTaggedImages(Call& call) { writeImages(call, listQuery(call, TaggingStatus::Tagged, std::nullopt)); }
void getUntaggedImages(Call& call) { writeImages(call, listQuery(call, TaggingStatus::Untagged, std::nullopt)); }

void getImagesByIds(Call& call) {
  wire::Json out = wire::Json::array();
  for (const ImageView& image : call.service.images().getImagesByIds(call.guid("projectId"), call.queryGuidList("imageIds"))) {
    out.push_back(wire::image(image, call.blobs()));
  }
  call.json(200, out);
}
void getImageCount(Call& call) {
  writeCount(call, parseTaggingStatus(call.query("taggingStatus")), metadataFilter(call));
}
void getTaggedImageCount(Call& call) { writeCount(call, TaggingStatus::Tagged, std::nullopt); }
void getUntaggedImageCount(Call& call) { writeCount(call, TaggingStatus::Untagged, std::nullopt); }

void createImagesFromData(Call& call) {
  const std::vector<std::string> tagIds = call.queryGuidList("tagIds");
  std::vector<ImageUpload> uploads;
  for (UploadedImage& image : call.images()) uploads.push_back({image.fileName, std::move(image.bytes), tagIds, {}, std::nullopt, {}});
  writeSummary(call, call.service.images().createImages(call.guid("projectId"), std::move(uploads)));
}

void createImagesFromFiles(Call& call) {
  const nlohmann::json body = call.jsonBody();
  std::vector<ImageUpload> uploads;
  for (ImageBatchEntry& entry : imageBatchEntries(body, call.limits())) {
    const nlohmann::json& file = *entry.fields;
    std::optional<std::string> bytes = decodeBase64(optionalStringField(file, "contents").value_or(""));
    if (!bytes) throw errors::contentsNotBase64();
    uploads.push_back({optionalStringField(file, "name").value_or(""), std::move(*bytes), std::move(entry.tagIds),
                       std::move(entry.metadata), std::nullopt, std::move(entry.regions)});
  }
  writeSummary(call, call.service.images().createImages(call.guid("projectId"), std::move(uploads)));
}

// allImages=true answers 202 Accepted, as the service does for its background delete.
void deleteImages(Call& call) {
  const std::string projectId = call.guid("projectId");
  if (call.queryBool("allImages").value_or(false)) {
    call.service.images().deleteAllImages(projectId);
    call.noContent(202);
    return;
  }
  const std::vector<std::string> imageIds = call.queryGuidList("imageIds");
  if (imageIds.empty()) throw errors::requiredParamIsNull("imageIds");
  call.service.images().deleteImages(projectId, imageIds);
  call.noContent();
}

void createImageTags(Call& call) {
  const nlohmann::json body = call.jsonBody();
  const nlohmann::json& batch = requireObject(body);
  auto tags = batch.find("tags");
  if (tags == batch.end() || !tags->is_array()) throw errors::requiredParamIsNull("tags");
  std::vector<ImageTagPair> pairs;
  for (const nlohmann::json& entry : *tags) {
    const nlohmann::json& pair = requireObject(entry);
    std::optional<std::string> imageId = normaliseGuid(optionalStringField(pair, "imageId").value_or(""));
    std::optional<std::string> tagId = normaliseGuid(optionalStringField(pair, "tagId").value_or(""));
    if (!imageId || !tagId) throw errors::invalidIds("tags");
    pairs.push_back({*imageId, *tagId});
  }
  call.json(200, wire::imageTagCreateSummary(call.service.images().createImageTags(call.guid("projectId"), pairs)));
}

// 200 when every image was updated, 207 (Multi-Status) when any was not.
void updateImageMetadata(Call& call) {
  const std::map<std::string, std::string> metadata =
      imageMetadata(requireObject(call.jsonMap()), call.limits());
  const ImageMetadataUpdateSummaryView summary =
      call.service.images().updateImageMetadata(call.guid("projectId"), call.queryGuidList("imageIds"), metadata);
  call.json(summary.isBatchSuccessful ? 200 : 207, wire::imageMetadataUpdateSummary(summary));
}

void deleteImageTags(Call& call) {
  const std::vector<std::string> imageIds = call.queryGuidList("imageIds");
  const std::vector<std::string> tagIds = call.queryGuidList("tagIds");
  if (imageIds.empty()) throw errors::requiredParamIsNull("imageIds");
  if (tagIds.empty()) throw errors::requiredParamIsNull("tagIds");
  call.service.images().deleteImageTags(call.guid("projectId"), imageIds, tagIds);
  call.noContent();
}

}  // namespace cvmock::server::handlers
