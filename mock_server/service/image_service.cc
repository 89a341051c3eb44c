// ImageService: uploading, listing, tagging and deleting training images.
#include "mock_server/service/image_service.h"

#include <algorithm>
#include <unordered_set>

#include "mock_server/base/errors.h"
#include "trainer/decode.h"
#include "trainer/features.h"

namespace cvmock::server {
namespace {

// FNV-1a over the bytes; a match is confirmed byte for byte before an upload is called a duplicate.
std::string hashBytes(const std::string& bytes) {
  std::uint64_t hash = 1469598103934665603ULL;
  for (unsigned char c : bytes) hash = (hash ^ c) * 1099511628211ULL;
  return std::to_string(hash) + ":" + std::to_string(bytes.size());
}

bool hasTag(const ImageRecord& image, const std::string& tagId) {
  return std::any_of(image.tags.begin(), image.tags.end(), [&](const ImageTagRecord& t) { return t.tagId == tagId; });
}

// An image labelled only by regions counts as tagged with their tags (object detection).
bool matches(const ImageRecord& image, const ImageQuery& query) {
  if (query.taggingStatus == TaggingStatus::Tagged && !isLabelled(image)) return false;
  if (query.taggingStatus == TaggingStatus::Untagged && isLabelled(image)) return false;
  if (query.filter && !query.filter->matches(image.metadata)) return false;
  if (query.tagIds.empty()) return true;
  return std::any_of(query.tagIds.begin(), query.tagIds.end(),
                     [&](const std::string& id) { return carriesTag(image, id); });
}

// The regions of an upload, checked: boxes (checkRegionBox), tags known, a project that detects objects.
void checkUploadRegions(const std::vector<ImageUpload>& uploads, bool detects) {
  for (const ImageUpload& upload : uploads) {
    if (upload.regions.empty()) continue;
    if (!detects) throw errors::regionsOnClassificationProject();
    for (const RegionLabel& region : upload.regions) checkRegionBox(region.box);
  }
}

// Keeps the first of each id, in order.
void removeRepeats(std::vector<std::string>& ids) {
  std::unordered_set<std::string> seen;
  std::erase_if(ids, [&](const std::string& id) { return !seen.insert(id).second; });
}

// An upload decoded and featurised before any lock is taken: the slow part runs in parallel.
struct PreparedUpload {
  ImageUpload upload;
  std::optional<ImageCreateStatus> failure;  // set when the image cannot be stored
  int width = 0;
  int height = 0;
  std::vector<float> features;
};

PreparedUpload prepare(ImageUpload upload, std::size_t maxBytes) {
  PreparedUpload prepared{std::move(upload), std::nullopt, 0, 0, {}};
  if (prepared.upload.sourceFailure) {
    prepared.failure = prepared.upload.sourceFailure;
    return prepared;
  }
  if (prepared.upload.bytes.size() > maxBytes) {
    prepared.failure = ImageCreateStatus::ErrorImageSize;
    return prepared;
  }
  try {
    const trainer::ImageInfo info = trainer::probeImage(prepared.upload.bytes);
    prepared.width = info.width;
    prepared.height = info.height;
    // The same path as prediction, so a stored image and the same image predicted get the same features.
    const trainer::FeatureVector features = trainer::featuresFromBytes(prepared.upload.bytes);
    prepared.features.assign(features.data(), features.data() + features.size());
  } catch (const trainer::DecodeError& error) {
    prepared.failure = error.failure() == trainer::DecodeFailure::Dimensions ? ImageCreateStatus::ErrorImageSize
                                                                             : ImageCreateStatus::ErrorImageFormat;
  }
  return prepared;
}

}  // namespace

ImageService::ImageService(ServiceState& state) : state_(state) {}

ImageCreateSummaryView ImageService::createImages(const std::string& projectId, std::vector<ImageUpload> uploads) {
  const ServiceLimits& limits = state_.config.limits;
  if (uploads.empty()) throw errors::imageStream();
  if (static_cast<int>(uploads.size()) > limits.maxImagesPerBatch) {
    throw errors::tooManyImagesInBatch(limits.maxImagesPerBatch);
  }
  checkUploadRegions(uploads, detectsObjects(state_.requireProject(projectId).domainId));
  std::vector<PreparedUpload> prepared;
  prepared.reserve(uploads.size());
  for (ImageUpload& upload : uploads) {
    removeRepeats(upload.tagIds);  // a tag named twice (in the entry and the batch, say) is one tag
    if (static_cast<int>(upload.tagIds.size()) > limits.maxTagsPerBatch) {
      throw errors::tooManyTagsInBatch(limits.maxTagsPerBatch);
    }
    prepared.push_back(prepare(std::move(upload), limits.maxTrainingImageBytes));
  }

  std::unique_lock lock(state_.rules);
  state_.requireProject(projectId);
  std::unordered_map<std::string, TagRecord> tags;
  for (const TagRecord& tag : state_.store.tags(projectId)) tags.emplace(tag.id, tag);
  for (const PreparedUpload& p : prepared) {
    for (const std::string& tagId : p.upload.tagIds) {
      if (!tags.contains(tagId)) throw errors::notFoundTag();
    }
    for (const RegionLabel& region : p.upload.regions) {
      if (!tags.contains(region.tagId)) throw errors::notFoundTag();
    }
  }
  state_.simulation.quotas.admitImages(static_cast<std::size_t>(state_.store.imageCount(projectId)), prepared.size());

  ImageCreateSummaryView summary;
  std::vector<NewImage> accepted;
  // The same bytes twice is OKDuplicate, within the batch as against what is stored; a hash match is
  // confirmed on the bytes.
  std::unordered_map<std::string, std::size_t> acceptedByHash;  // index in accepted
  const auto findDuplicate = [&](const std::string& hash, const std::string& bytes) -> std::optional<ImageRecord> {
    if (auto inBatch = acceptedByHash.find(hash); inBatch != acceptedByHash.end()) {
      const NewImage& earlier = accepted[inBatch->second];
      if (earlier.bytes == bytes) return earlier.record;
    }
    for (ImageRecord& stored : state_.store.imagesWithHash(projectId, hash)) {
      if (state_.store.imageBytes(projectId, stored.id) == bytes) return std::move(stored);
    }
    return std::nullopt;
  };
  const TimePoint created = state_.clock.now();
  for (PreparedUpload& p : prepared) {
    std::optional<ImageCreateStatus> status = p.failure;
    const bool negative = std::any_of(p.upload.tagIds.begin(), p.upload.tagIds.end(),
                                      [&](const std::string& id) { return tags.at(id).type == TagType::Negative; });
    if (!status && negative && p.upload.tagIds.size() > 1) {
      status = ImageCreateStatus::ErrorNegativeAndRegularTagOnSameImage;
    }
    if (!status && static_cast<int>(p.upload.regions.size()) > limits.maxRegionsPerImage) {
      status = ImageCreateStatus::ErrorRegionLimitExceed;
    }
    ImageCreateResultView result{p.upload.source, status.value_or(ImageCreateStatus::OK), std::nullopt};
    const std::string hash = hashBytes(p.upload.bytes);
    if (!status) {
      if (std::optional<ImageRecord> duplicate = findDuplicate(hash, p.upload.bytes)) {
        status = result.status = ImageCreateStatus::OKDuplicate;
        result.image = state_.withTagNames(projectId, {std::move(*duplicate)}).front();
      }
    }
    if (!status) {
      ImageRecord record{state_.ids.next(), projectId, created, p.width, p.height, {}, p.upload.metadata, hash, {}};
      for (const std::string& tagId : p.upload.tagIds) record.tags.push_back({tagId, created});
      for (const RegionLabel& region : p.upload.regions) {
        record.regions.push_back({state_.ids.next(), region.tagId, region.box, created});
      }
      acceptedByHash.emplace(hash, accepted.size());
      result.image = state_.withTagNames(projectId, {record}).front();
      accepted.push_back({std::move(record), std::move(p.upload.bytes), std::move(p.features)});
    }
    summary.isBatchSuccessful = summary.isBatchSuccessful && result.status == ImageCreateStatus::OK;
    summary.images.push_back(std::move(result));
  }
  if (!accepted.empty()) state_.store.addImages(accepted);
  return summary;
}

std::vector<ImageView> ImageService::getImagesByIds(const std::string& projectId,
                                                       const std::vector<std::string>& imageIds) const {
  if (static_cast<int>(imageIds.size()) > state_.config.limits.maxTake) {
    throw errors::tooManyImageIds(state_.config.limits.maxTake);
  }
  std::shared_lock lock(state_.rules);
  state_.requireProject(projectId);
  const std::unordered_set<std::string> wanted(imageIds.begin(), imageIds.end());
  std::vector<ImageRecord> found = state_.store.images(projectId);  // in upload order: oldest first
  std::erase_if(found, [&](const ImageRecord& image) { return !wanted.contains(image.id); });
  return state_.withTagNames(projectId, std::move(found));
}

std::vector<ImageView> ImageService::getImages(const std::string& projectId, const ImageQuery& query) const {
  std::shared_lock lock(state_.rules);
  state_.requireProject(projectId);
  std::vector<ImageRecord> all = state_.store.images(projectId);
  if (query.order == ImageOrder::Newest) std::reverse(all.begin(), all.end());
  std::vector<ImageRecord> page;
  int skipped = 0;
  for (ImageRecord& image : all) {
    if (!matches(image, query)) continue;
    if (skipped++ < query.skip) continue;
    if (static_cast<int>(page.size()) >= query.take) break;
    page.push_back(std::move(image));
  }
  return state_.withTagNames(projectId, std::move(page));
}

int ImageService::countImages(const std::string& projectId, const ImageQuery& query) const {
  std::shared_lock lock(state_.rules);
  state_.requireProject(projectId);
  const std::vector<ImageRecord> all = state_.store.images(projectId);
  return static_cast<int>(std::count_if(all.begin(), all.end(), [&](const ImageRecord& i) { return matches(i, query); }));
}

void ImageService::deleteImages(const std::string& projectId, const std::vector<std::string>& imageIds) {
  if (static_cast<int>(imageIds.size()) > state_.config.limits.maxDeleteImageIds) {
    throw errors::tooManyImagesToDelete(state_.config.limits.maxDeleteImageIds);
  }
  std::unique_lock lock(state_.rules);
  state_.requireProject(projectId);
  state_.store.eraseImages(projectId, imageIds);
}

void ImageService::deleteAllImages(const std::string& projectId) {
  std::unique_lock lock(state_.rules);
  state_.requireProject(projectId);
  std::vector<std::string> ids;
  for (const ImageRecord& image : state_.store.images(projectId)) ids.push_back(image.id);
  state_.store.eraseImages(projectId, ids);
}

ImageTagCreateSummaryView ImageService::createImageTags(const std::string& projectId,
                                                           const std::vector<ImageTagPair>& pairs) {
  if (static_cast<int>(pairs.size()) > state_.config.limits.maxImageTagsPerBatch) {
    throw errors::tooManyImageTags(state_.config.limits.maxImageTagsPerBatch);
  }
  std::unique_lock lock(state_.rules);
  state_.requireProject(projectId);
  std::unordered_map<std::string, ImageRecord> changed;
  ImageTagCreateSummaryView summary;
  const TimePoint created = state_.clock.now();
  for (const ImageTagPair& pair : pairs) {
    const TagRecord tag = state_.requireTag(projectId, pair.tagId);
    auto it = changed.find(pair.imageId);
    if (it == changed.end()) {
      std::optional<ImageRecord> image = state_.store.image(projectId, pair.imageId);
      if (!image) throw errors::notFoundImage();
      it = changed.emplace(pair.imageId, std::move(*image)).first;
    }
    ImageRecord& image = it->second;
    if (hasTag(image, tag.id)) {
      summary.duplicated.push_back(pair);
      continue;
    }
    if (static_cast<int>(image.tags.size()) >= state_.config.limits.maxTagsPerImage) {
      summary.exceeded.push_back(pair);
      continue;
    }
    const bool imageHasNegative = std::any_of(image.tags.begin(), image.tags.end(), [&](const ImageTagRecord& t) {
      std::optional<TagRecord> other = state_.store.tag(projectId, t.tagId);
      return other && other->type == TagType::Negative;
    });
    if (!image.tags.empty() && (tag.type == TagType::Negative || imageHasNegative)) {
      throw errors::negativeAndRegularTagOnSameImage();
    }
    image.tags.push_back({tag.id, created});
    summary.created.push_back(pair);
  }
  std::vector<ImageRecord> records;
  for (auto& [id, image] : changed) records.push_back(std::move(image));
  if (!summary.created.empty()) state_.store.putImageRecords(records);
  return summary;
}

void ImageService::deleteImageTags(const std::string& projectId, const std::vector<std::string>& imageIds,
                                      const std::vector<std::string>& tagIds) {
  if (static_cast<int>(imageIds.size()) > state_.config.limits.maxDeleteImageTagIds ||
      static_cast<int>(tagIds.size()) > state_.config.limits.maxTagsPerBatch) {
    throw errors::tooManyImageOrTagIds();
  }
  std::unique_lock lock(state_.rules);
  state_.requireProject(projectId);
  const std::unordered_set<std::string> doomed(tagIds.begin(), tagIds.end());
  std::vector<ImageRecord> records;
  for (const std::string& imageId : imageIds) {
    std::optional<ImageRecord> image = state_.store.image(projectId, imageId);
    if (!image) continue;
    std::erase_if(image->tags, [&](const ImageTagRecord& t) { return doomed.contains(t.tagId); });
    records.push_back(std::move(*image));
  }
  state_.store.putImageRecords(records);
}

ImageMetadataUpdateSummaryView ImageService::updateImageMetadata(
    const std::string& projectId, const std::vector<std::string>& imageIds,
    const std::map<std::string, std::string>& metadata) {
  const ServiceLimits& limits = state_.config.limits;
  if (imageIds.empty()) throw errors::requiredParamIsNull("imageIds");
  if (static_cast<int>(imageIds.size()) > limits.maxMetadataImageIds) {
    throw errors::tooManyMetadataImages(limits.maxMetadataImageIds);
  }
  std::unique_lock lock(state_.rules);
  state_.requireProject(projectId);
  ImageMetadataUpdateSummaryView summary;
  std::vector<ImageRecord> changed;
  for (const std::string& imageId : imageIds) {
    std::optional<ImageRecord> image = state_.store.image(projectId, imageId);
    if (!image) {
      summary.images.push_back({imageId, ImageMetadataUpdateStatus::ErrorImageNotFound, {}});
      summary.isBatchSuccessful = false;
      continue;
    }
    std::map<std::string, std::string> merged = image->metadata;
    for (const auto& [key, value] : metadata) merged[key] = value;
    if (static_cast<int>(merged.size()) > limits.maxMetadataPairs) {
      summary.images.push_back({imageId, ImageMetadataUpdateStatus::ErrorLimitExceed, image->metadata});
      summary.isBatchSuccessful = false;
      continue;
    }
    image->metadata = merged;
    summary.images.push_back({imageId, ImageMetadataUpdateStatus::OK, std::move(merged)});
    changed.push_back(std::move(*image));
  }
  if (!changed.empty()) state_.store.putImageMetadata(changed);
  return summary;
}

std::optional<std::string> ImageService::imageBytes(const std::string& projectId, const std::string& imageId) const {
  return state_.store.imageBytes(projectId, imageId);
}

}  // namespace cvmock::server
