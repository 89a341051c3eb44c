// Wire models for the Training and Prediction APIs, one function per spec definition.
#include "mock_server/api/wire.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdlib>

#include "mock_server/base/ids.h"
#include "mock_server/base/text.h"
#include "mock_server/service/blob_paths.h"
#include "mock_server/service/project_transfer_token.h"

namespace cvmock::server::wire {
namespace {

Json augmentationMethods() {
  Json methods = Json::object();
  for (const char* name : {"rotation", "scaling", "translation", "horizontal flip", "equalize", "solarize",
                           "padtosquare"}) {
    methods[name] = true;
  }
  return methods;
}

Json optionalString(const std::optional<std::string>& value) { return value ? Json(*value) : Json(nullptr); }

Json optionalTime(const std::optional<TimePoint>& value) {
  return value ? Json(formatServiceTime(*value)) : Json(nullptr);
}

// Filters the query did not set are null, as recorded (QueryPredictionResults).
Json predictionQueryToken(const PredictionQuery& q) {
  Json tags = nullptr;
  if (q.tags) {
    tags = Json::array();
    for (const PredictionTagFilter& t : *q.tags) {
      tags.push_back({{"id", t.tagId},
                      {"minThreshold", singlePrecision(t.minThreshold)},
                      {"maxThreshold", singlePrecision(t.maxThreshold)}});
    }
  }
  return {{"session", optionalString(q.session)},
          {"continuation", optionalString(q.continuation)},
          {"maxCount", q.maxCount},
          {"orderBy", name(q.orderBy)},
          {"tags", std::move(tags)},
          {"iterationId", optionalString(q.iterationId)},
          {"startTime", optionalTime(q.startTime)},
          {"endTime", optionalTime(q.endTime)},
          {"application", optionalString(q.application)}};
}

// The export platforms v3.3 and older know (their ExportPlatform enum); later ones are left out there.
std::vector<std::string> platformsBefore34(const std::vector<std::string>& platforms) {
  static const std::array<const char*, 5> kKnown = {"CoreML", "TensorFlow", "DockerFile", "ONNX", "VAIDK"};
  std::vector<std::string> known;
  for (const std::string& platform : platforms) {
    if (std::find(kKnown.begin(), kKnown.end(), platform) != kKnown.end()) known.push_back(platform);
  }
  return known;
}

Json tagPerformance(const trainer::TagPerformance& p) {
  return {{"precision", p.precision},
          {"precisionStdDeviation", p.precisionStdDeviation},
          {"recall", p.recall},
          {"recallStdDeviation", p.recallStdDeviation},
          {"averagePrecision", p.averagePrecision}};
}

// A box (BoundingBox, or the coordinates of a region) in the spec's key order.
Json box(const BoxRecord& b) {
  return {{"left", singlePrecision(b.left)},
          {"top", singlePrecision(b.top)},
          {"width", singlePrecision(b.width)},
          {"height", singlePrecision(b.height)}};
}


// An image's regions in the spec's ImageRegion key order.
Json imageRegions(const ImageView& view) {
  Json out = Json::array();
  for (std::size_t k = 0; k < view.image.regions.size(); ++k) {
    const ImageRegionRecord& r = view.image.regions[k];
    Json region = {{"regionId", r.regionId},
                   {"tagName", view.regionTagNames[k]},
                   {"created", formatImageTime(r.created)},
                   {"tagId", r.tagId}};
    region.update(box(r.box));
    out.push_back(std::move(region));
  }
  return out;
}

Json predictionEntries(const std::vector<PredictionEntry>& entries, const Dialect& dialect = {}) {
  Json out = Json::array();
  for (const PredictionEntry& e : entries) {
    Json entry = {{"probability", singlePrecision(e.probability)}, {"tagId", e.tagId}, {"tagName", e.tagName}};
    if (e.boundingBox) entry["boundingBox"] = box(*e.boundingBox);
    if (dialect.predictionTagType) entry["tagType"] = name(e.tagType);
    out.push_back(std::move(entry));
  }
  return out;
}

}  // namespace

std::string BlobLocation::uri(const BlobPath& path) const {
  return baseUrl + std::string(kBlobRoute) + blobPath(path);
}

std::string BlobLocation::imageUri(const std::string& projectId, const std::string& imageId) const {
  return uri({BlobKind::Image, projectId, imageId, {}, {}});
}

std::string BlobLocation::thumbnailUri(const std::string& projectId, const std::string& imageId) const {
  return uri({BlobKind::Thumbnail, projectId, imageId, {}, {}});
}

std::string BlobLocation::predictionImageUri(const std::string& projectId, const std::string& predictionId) const {
  return uri({BlobKind::PredictionImage, projectId, predictionId, {}, {}});
}

std::string BlobLocation::predictionThumbnailUri(const std::string& projectId, const std::string& predictionId) const {
  return uri({BlobKind::PredictionThumbnail, projectId, predictionId, {}, {}});
}

double singlePrecision(float value) {
  char text[32];
  auto [end, ec] = std::to_chars(text, text + sizeof text - 1, value);
  *end = '\0';
  return std::strtod(text, nullptr);
}

Dialect Dialect::training(const std::string& version) {
  Dialect dialect;
  const bool preview = equalsIgnoreCase(version, "v3.4-preview");
  dialect.projectStatus = !equalsIgnoreCase(version, "v3.0") && !equalsIgnoreCase(version, "v3.1");
  dialect.iterationExtras = dialect.exportableToNull = dialect.domainExtras = preview;
  return dialect;
}

Dialect Dialect::prediction(const std::string& version) {
  Dialect dialect;
  dialect.predictionTagType = !equalsIgnoreCase(version, "v3.0");
  dialect.imageDimensionsCode = false;
  return dialect;
}

std::string errorCode(const std::string& code, const Dialect& dialect) {
  if (code == "BadRequestImageDimensions" && !dialect.imageDimensionsCode) return "BadRequestImageFormat";
  return code;
}

Json domain(const Domain& d, const Dialect& dialect) {
  Json out = {{"id", d.id},
              {"name", d.name},
              {"type", name(d.type)},
              {"exportable", d.exportable},
              {"enabled", true}};
  if (!dialect.domainExtras) return out;
  out["exportablePlatforms"] = d.exportablePlatforms;
  if (d.estimatedModelSizeInMegabytes) {
    out["modelInformation"] = {{"estimatedModelSizeInMegabytes", *d.estimatedModelSizeInMegabytes},
                               {"description", d.modelDescription}};
  } else {
    out["modelInformation"] = nullptr;
  }
  return out;
}

Json project(const ProjectRecord& p, const std::optional<std::string>& thumbnailUri, const Dialect& dialect) {
  Json settings = {{"domainId", p.domainId},
                   {"classificationType", name(p.classificationType)},
                   {"targetExportPlatforms", p.targetExportPlatforms},
                   {"useNegativeSet", true},
                   {"detectionParameters", nullptr},
                   {"imageProcessingSettings", {{"augmentationMethods", augmentationMethods()}}}};
  Json out = {{"id", p.id},
              {"name", p.name},
              {"description", p.description},
              {"settings", std::move(settings)},
              {"created", formatServiceTime(p.created)},
              {"lastModified", formatServiceTime(p.lastModified)},
              {"thumbnailUri", optionalString(thumbnailUri)},
              {"drModeEnabled", false}};
  if (dialect.projectStatus) out["status"] = "Succeeded";
  return out;
}

Json tag(const TagView& t) {
  return {{"id", t.tag.id},
          {"name", t.tag.name},
          {"description", optionalString(t.tag.description)},
          {"type", name(t.tag.type)},
          {"imageCount", t.imageCount}};
}

// Untagged images have no "tags" key at all (recordings: GetUntaggedImages).
Json image(const ImageView& view, const BlobLocation& blobs, TagNames tagNames) {
  const ImageRecord& i = view.image;
  const std::string uri = blobs.imageUri(i.projectId, i.id);
  Json out = {{"id", i.id},
              {"created", formatImageTime(i.created)},
              {"width", i.width},
              {"height", i.height},
              {"resizedImageUri", uri},
              {"thumbnailUri", blobs.thumbnailUri(i.projectId, i.id)},
              {"originalImageUri", uri}};
  if (!i.tags.empty()) {
    Json tags = Json::array();
    for (std::size_t k = 0; k < i.tags.size(); ++k) {
      tags.push_back({{"tagId", i.tags[k].tagId},
                      {"tagName", tagNames == TagNames::Null ? Json(nullptr) : Json(view.tagNames[k])},
                      {"created", formatImageTime(i.tags[k].created)}});
    }
    out["tags"] = std::move(tags);
  }
  if (!i.regions.empty()) out["regions"] = imageRegions(view);
  if (!i.metadata.empty()) out["metadata"] = i.metadata;
  return out;
}

Json imageCreateSummary(const ImageCreateSummaryView& summary, const BlobLocation& blobs, TagNames tagNames) {
  Json images = Json::array();
  for (const ImageCreateResultView& r : summary.images) {
    Json entry = {{"sourceUrl", r.sourceUrl}, {"status", name(r.status)}};
    entry["image"] = r.image ? image(*r.image, blobs, tagNames) : Json(nullptr);
    images.push_back(std::move(entry));
  }
  return {{"isBatchSuccessful", summary.isBatchSuccessful}, {"images", std::move(images)}};
}

Json imageTagCreateSummary(const ImageTagCreateSummaryView& summary) {
  auto pairs = [](const std::vector<ImageTagPair>& list) {
    Json out = Json::array();
    for (const ImageTagPair& p : list) out.push_back({{"imageId", p.imageId}, {"tagId", p.tagId}});
    return out;
  };
  return {{"created", pairs(summary.created)},
          {"duplicated", pairs(summary.duplicated)},
          {"exceeded", pairs(summary.exceeded)}};
}

// ImageRegionCreateSummary: created in ImageRegionCreateResult's key order, the others as the entries sent.
Json imageRegionCreateSummary(const RegionCreateSummaryView& summary) {
  const auto entries = [](const std::vector<RegionCreate>& list) {
    Json out = Json::array();
    for (const RegionCreate& entry : list) {
      Json item = {{"imageId", entry.imageId}, {"tagId", entry.label.tagId}};
      item.update(box(entry.label.box));
      out.push_back(std::move(item));
    }
    return out;
  };
  Json created = Json::array();
  for (const RegionCreatedView& c : summary.created) {
    Json item = {{"imageId", c.imageId},
                 {"regionId", c.region.regionId},
                 {"tagName", c.tagName},
                 {"created", formatImageTime(c.region.created)},
                 {"tagId", c.region.tagId}};
    item.update(box(c.region.box));
    created.push_back(std::move(item));
  }
  return {{"created", std::move(created)},
          {"duplicated", entries(summary.duplicated)},
          {"exceeded", entries(summary.exceeded)}};
}

Json imageRegionProposal(const ImageRegionProposalView& view) {
  Json proposals = Json::array();
  for (const RegionProposalView& p : view.proposals) {
    proposals.push_back({{"confidence", singlePrecision(p.confidence)}, {"boundingBox", box(p.box)}});
  }
  return {{"projectId", view.projectId}, {"imageId", view.imageId}, {"proposals", std::move(proposals)}};
}

// Recordings (UpdateImageMetadata): the image's metadata after the call; null for an image not found.
Json imageMetadataUpdateSummary(const ImageMetadataUpdateSummaryView& summary) {
  Json images = Json::array();
  for (const ImageMetadataUpdateView& entry : summary.images) {
    const bool found = entry.status != ImageMetadataUpdateStatus::ErrorImageNotFound;
    images.push_back({{"imageId", entry.imageId},
                      {"status", name(entry.status)},
                      {"metadata", found ? Json(entry.metadata) : Json(nullptr)}});
  }
  return {{"isBatchSuccessful", summary.isBatchSuccessful}, {"images", std::move(images)}};
}

// While training, domainId and classificationType are null and there is no trainedAt key (recordings).
Json iteration(const IterationRecord& it, const Dialect& dialect) {
  const bool trained = it.status == IterationStatus::Completed;
  Json out = {{"id", it.id},
              {"name", it.name},
              {"status", name(it.status)},
              {"created", formatServiceTime(it.created)},
              {"lastModified", formatServiceTime(it.lastModified)}};
  if (it.trainedAt) out["trainedAt"] = formatServiceTime(*it.trainedAt);
  out["projectId"] = it.projectId;
  // Exportable: trained on a compact domain. exportableTo is null in every v3.4-preview recording, an
  // exportable iteration of General (compact) included (ExportTests); v3.2 writes a list ([] when not
  // exportable), so older versions list the domain's platforms.
  const Domain* domain = trained ? findDomain(it.domainId) : nullptr;
  const bool exportable = domain != nullptr && domain->exportable;
  out["exportable"] = exportable;
  out["exportableTo"] = dialect.exportableToNull ? Json(nullptr)
                        : exportable            ? Json(platformsBefore34(domain->exportablePlatforms))
                                                : Json::array();
  out["domainId"] = trained ? Json(it.domainId) : Json(nullptr);
  out["classificationType"] = trained ? Json(name(it.classificationType)) : Json(nullptr);
  out["trainingType"] = it.trainingType;
  out["reservedBudgetInHours"] = it.reservedBudgetInHours;
  out["trainingTimeInMinutes"] = it.status == IterationStatus::Training ? 0 : it.trainingTimeInMinutes;
  out["publishName"] = optionalString(it.publishName);
  out["originalPublishResourceId"] = optionalString(it.publishResourceId);
  if (dialect.iterationExtras) {
    out["customBaseModelInfo"] = nullptr;
    out["trainingErrorDetails"] = optionalString(it.failure);
  }
  return out;
}

Json iterationPerformance(const IterationPerformanceView& view) {
  Json perTag = Json::array();
  for (std::size_t i = 0; i < view.tags.size(); ++i) {
    Json entry = {{"id", view.tags[i].id}, {"name", view.tags[i].name}};
    entry.update(tagPerformance(view.performance.perTag[i]));
    perTag.push_back(std::move(entry));
  }
  Json out = {{"perTagPerformance", std::move(perTag)}};
  out.update(tagPerformance(view.performance.overall));
  return out;
}

Json imagePerformance(const ImagePerformanceView& view, const BlobLocation& blobs) {
  const ImageRecord& i = view.image.image;
  Json tags = Json::array();
  for (std::size_t k = 0; k < i.tags.size(); ++k) {
    tags.push_back({{"tagId", i.tags[k].tagId},
                    {"tagName", view.image.tagNames[k]},
                    {"created", formatImageTime(i.tags[k].created)}});
  }
  return {{"predictions", predictionEntries(view.predictions)},
          {"id", i.id},
          {"created", formatImageTime(i.created)},
          {"width", i.width},
          {"height", i.height},
          {"imageUri", blobs.imageUri(i.projectId, i.id)},
          {"thumbnailUri", blobs.thumbnailUri(i.projectId, i.id)},
          {"tags", std::move(tags)},
          {"regions", i.regions.empty() ? Json(nullptr) : imageRegions(view.image)}};
}

Json imagePrediction(const PredictionRecord& p, const Dialect& dialect) {
  return {{"id", p.id},
          {"project", p.projectId},
          {"iteration", p.iterationId},
          {"created", formatServiceTime(p.created)},
          {"predictions", predictionEntries(p.predictions, dialect)}};
}

// The StoredImagePrediction key order of the recordings (QueryPredictionResults).
Json predictionQueryResult(const PredictionQueryView& view, const BlobLocation& blobs) {
  Json results = Json::array();
  for (const StoredPredictionView& stored : view.results) {
    const PredictionRecord& p = stored.prediction;
    const std::string uri = blobs.predictionImageUri(p.projectId, p.id);
    results.push_back({{"resizedImageUri", uri},
                       {"thumbnailUri", blobs.predictionThumbnailUri(p.projectId, p.id)},
                       {"originalImageUri", uri},
                       {"domain", stored.domainId},
                       {"id", p.id},
                       {"project", p.projectId},
                       {"iteration", p.iterationId},
                       {"created", formatServiceTime(p.created)},
                       {"predictions", predictionEntries(p.predictions)}});
  }
  return {{"token", predictionQueryToken(view.token)}, {"results", std::move(results)}};
}

// SuggestedTagAndRegion; `id` is the image's id (suggested_tags.h says why).
Json suggestedTags(const SuggestedTagsView& view) {
  return {{"id", view.image.id},
          {"project", view.image.projectId},
          {"iteration", view.iterationId},
          {"created", formatServiceTime(view.created)},
          {"predictions", predictionEntries(view.predictions)},
          {"predictionUncertainty", view.uncertainty}};
}

// SuggestedTagAndRegionQuery: StoredSuggestedTagAndRegion results in the spec's key order.
Json suggestedTagQueryResult(const SuggestedTagQueryView& view, const BlobLocation& blobs) {
  Json results = Json::array();
  for (const SuggestedTagsView& suggested : view.results) {
    const ImageRecord& image = suggested.image;
    const std::string uri = blobs.imageUri(image.projectId, image.id);
    Json entry = {{"width", image.width},
                  {"height", image.height},
                  {"resizedImageUri", uri},
                  {"thumbnailUri", blobs.thumbnailUri(image.projectId, image.id)},
                  {"originalImageUri", uri},
                  {"domain", suggested.domainId}};
    entry.update(suggestedTags(suggested));
    results.push_back(std::move(entry));
  }
  const SuggestedTagQuery& q = view.token;
  Json token = {{"tagIds", q.tagIds},
                {"threshold", q.threshold},
                {"session", optionalString(q.session)},
                {"continuation", optionalString(q.continuation)},
                {"maxCount", q.maxCount},
                {"sortBy", name(q.sortBy)}};
  return {{"token", std::move(token)}, {"results", std::move(results)}};
}

Json projectExport(const ProjectExportView& view, const BlobLocation& blobs) {
  return {{"iterationCount", view.iterationCount},
          {"imageCount", view.imageCount},
          {"tagCount", view.tagCount},
          {"regionCount", view.regionCount},
          {"estimatedImportTimeInMS", view.estimatedImportTimeInMS},
          {"token", formatImportToken(blobs.baseUrl, {view.exportId, view.projectId, {}, view.expires, {}})}};
}

// downloadUri is null until the export is Done; flavor is null for an export without one.
Json iterationExport(const IterationExportRecord& e, const BlobLocation& blobs) {
  const bool done = e.status == ExportStatus::Done;
  const BlobPath archive{BlobKind::Export, e.projectId, e.iterationId, e.platform, e.flavor};
  return {{"platform", e.platform},
          {"status", name(e.status)},
          {"downloadUri", done ? Json(blobs.uri(archive)) : Json(nullptr)},
          {"flavor", e.flavor.empty() ? Json(nullptr) : Json(e.flavor)},
          {"newerVersionAvailable", false}};
}

}  // namespace cvmock::server::wire
