// TrainingService: the tag operations.
#include <algorithm>

#include "mock_server/errors.h"
#include "mock_server/text.h"
#include "mock_server/training_service.h"

namespace cvmock::server {
namespace {

TagType parseTagType(const std::string& text) {
  if (equalsIgnoreCase(text, "Regular")) return TagType::Regular;
  if (equalsIgnoreCase(text, "Negative")) return TagType::Negative;
  if (equalsIgnoreCase(text, "GeneralProduct")) return TagType::GeneralProduct;
  throw errors::tagType();
}

int countImagesWithTag(const std::vector<ImageRecord>& images, const std::string& tagId) {
  return static_cast<int>(std::count_if(images.begin(), images.end(), [&](const ImageRecord& image) {
    return std::any_of(image.tags.begin(), image.tags.end(), [&](const ImageTagRecord& t) { return t.tagId == tagId; });
  }));
}

TagView fromTrainedTag(const std::string& projectId, const TrainedTag& trained) {
  return {TagRecord{trained.id, projectId, trained.name, std::nullopt, trained.type}, trained.imageCount};
}

}  // namespace

TagRecord TrainingService::requireTag(const std::string& projectId, const std::string& tagId) const {
  std::optional<TagRecord> tag = store_->tag(projectId, tagId);
  if (!tag) throw errors::notFoundTag();
  return *tag;
}

TagView TrainingService::createTag(const std::string& projectId, const TagCreate& request) {
  if (!isValidName(request.name, config_.limits.maxNameLength)) throw errors::tagName();
  if (request.description && !isValidDescription(*request.description, config_.limits.maxDescriptionLength)) {
    throw errors::tagDescription();
  }
  const TagType type = request.type ? parseTagType(*request.type) : TagType::Regular;
  std::unique_lock lock(rules_);
  requireProject(projectId);
  const std::vector<TagRecord> existing = store_->tags(projectId);
  simulation_->quotas.admitTag(existing.size());
  for (const TagRecord& other : existing) {
    if (equalsIgnoreCase(other.name, request.name)) throw errors::tagNameNotUnique();
    if (type == TagType::Negative && other.type == TagType::Negative) throw errors::multipleNegativeTag();
  }
  TagRecord tag{ids_.next(), projectId, request.name, request.description, type};
  store_->putTag(tag);
  return {tag, 0};
}

std::vector<TagView> TrainingService::getTags(const std::string& projectId,
                                              const std::optional<std::string>& iterationId) const {
  std::shared_lock lock(rules_);
  requireProject(projectId);
  std::vector<TagView> views;
  if (iterationId) {
    for (const TrainedTag& trained : requireIteration(projectId, *iterationId).tags) {
      views.push_back(fromTrainedTag(projectId, trained));
    }
    return views;
  }
  const std::vector<ImageRecord> images = store_->images(projectId);
  for (const TagRecord& tag : store_->tags(projectId)) views.push_back({tag, countImagesWithTag(images, tag.id)});
  return views;
}

TagView TrainingService::getTag(const std::string& projectId, const std::string& tagId,
                                const std::optional<std::string>& iterationId) const {
  for (const TagView& view : getTags(projectId, iterationId)) {
    if (view.tag.id == tagId) return view;
  }
  throw errors::notFoundTag();
}

TagView TrainingService::updateTag(const std::string& projectId, const std::string& tagId, const TagUpdate& update) {
  std::unique_lock lock(rules_);
  requireProject(projectId);
  TagRecord tag = requireTag(projectId, tagId);
  if (update.name) {
    if (!isValidName(*update.name, config_.limits.maxNameLength)) throw errors::tagName();
    for (const TagRecord& other : store_->tags(projectId)) {
      if (other.id != tagId && equalsIgnoreCase(other.name, *update.name)) throw errors::tagNameNotUnique();
    }
    tag.name = *update.name;
  }
  if (update.description) {
    if (!isValidDescription(*update.description, config_.limits.maxDescriptionLength)) {
      throw errors::tagDescription();
    }
    tag.description = *update.description;
  }
  if (update.type) {
    const TagType type = parseTagType(*update.type);
    for (const TagRecord& other : store_->tags(projectId)) {
      if (other.id != tagId && type == TagType::Negative && other.type == TagType::Negative) {
        throw errors::multipleNegativeTag();
      }
    }
    tag.type = type;
  }
  store_->putTag(tag);
  return {tag, countImagesWithTag(store_->images(projectId), tagId)};
}

void TrainingService::deleteTag(const std::string& projectId, const std::string& tagId) {
  std::unique_lock lock(rules_);
  requireProject(projectId);
  requireTag(projectId, tagId);
  store_->eraseTag(projectId, tagId);
}

}  // namespace cvmock::server
