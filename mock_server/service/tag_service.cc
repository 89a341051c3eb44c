// TagService: the tag operations.
#include "mock_server/service/tag_service.h"

#include <algorithm>

#include "mock_server/base/errors.h"
#include "mock_server/base/text.h"
#include "mock_server/base/unicode.h"
#include "mock_server/service/region_rules.h"

namespace cvmock::server {
namespace {

TagType tagType(const std::string& text) {
  std::optional<TagType> type = parseTagType(text);
  if (!type) throw errors::tagType();
  return *type;
}

int countImagesWithTag(const std::vector<ImageRecord>& images, const std::string& tagId) {
  return static_cast<int>(
      std::count_if(images.begin(), images.end(), [&](const ImageRecord& image) { return carriesTag(image, tagId); }));
}

TagView fromTrainedTag(const std::string& projectId, const TrainedTag& trained) {
  return {TagRecord{trained.id, projectId, trained.name, std::nullopt, trained.type}, trained.imageCount};
}

}  // namespace

TagService::TagService(ServiceState& state) : state_(state) {}

TagView TagService::createTag(const std::string& projectId, const TagCreate& request) {
  const ServiceLimits& limits = state_.config.limits;
  if (!isValidName(request.name, limits.maxNameLength)) throw errors::tagName();
  if (request.description && !isValidDescription(*request.description, limits.maxDescriptionLength)) {
    throw errors::tagDescription();
  }
  const TagType type = request.type ? tagType(*request.type) : TagType::Regular;
  std::unique_lock lock(state_.rules);
  state_.requireProject(projectId);
  const std::vector<TagRecord> existing = state_.store.tags(projectId);
  state_.simulation.quotas.admitTag(existing.size());
  for (const TagRecord& other : existing) {
    if (equalsFoldingCase(other.name, request.name)) throw errors::tagNameNotUnique();
    if (type == TagType::Negative && other.type == TagType::Negative) throw errors::multipleNegativeTag();
  }
  TagRecord tag{state_.ids.next(), projectId, request.name, request.description, type};
  state_.store.putTag(tag);
  return {tag, 0};
}

std::vector<TagView> TagService::getTags(const std::string& projectId,
                                         const std::optional<std::string>& iterationId) const {
  std::shared_lock lock(state_.rules);
  state_.requireProject(projectId);
  std::vector<TagView> views;
  if (iterationId) {
    for (const TrainedTag& trained : state_.requireIteration(projectId, *iterationId).tags) {
      views.push_back(fromTrainedTag(projectId, trained));
    }
    return views;
  }
  const std::vector<ImageRecord> images = state_.store.images(projectId);
  for (const TagRecord& tag : state_.store.tags(projectId)) views.push_back({tag, countImagesWithTag(images, tag.id)});
  return views;
}

TagView TagService::getTag(const std::string& projectId, const std::string& tagId,
                           const std::optional<std::string>& iterationId) const {
  for (const TagView& view : getTags(projectId, iterationId)) {
    if (view.tag.id == tagId) return view;
  }
  throw errors::notFoundTag();
}

TagView TagService::updateTag(const std::string& projectId, const std::string& tagId, const TagUpdate& update) {
  const ServiceLimits& limits = state_.config.limits;
  std::unique_lock lock(state_.rules);
  state_.requireProject(projectId);
  TagRecord tag = state_.requireTag(projectId, tagId);
  const std::vector<TagRecord> others = state_.store.tags(projectId);
  if (update.name) {
    if (!isValidName(*update.name, limits.maxNameLength)) throw errors::tagName();
    for (const TagRecord& other : others) {
      if (other.id != tagId && equalsFoldingCase(other.name, *update.name)) throw errors::tagNameNotUnique();
    }
    tag.name = *update.name;
  }
  if (update.description) {
    if (!isValidDescription(*update.description, limits.maxDescriptionLength)) throw errors::tagDescription();
    tag.description = *update.description;
  }
  if (update.type) {
    const TagType type = tagType(*update.type);
    for (const TagRecord& other : others) {
      if (other.id != tagId && type == TagType::Negative && other.type == TagType::Negative) {
        throw errors::multipleNegativeTag();
      }
    }
    tag.type = type;
  }
  state_.store.putTag(tag);
  return {tag, countImagesWithTag(state_.store.images(projectId), tagId)};
}

void TagService::deleteTag(const std::string& projectId, const std::string& tagId) {
  std::unique_lock lock(state_.rules);
  state_.requireProject(projectId);
  state_.requireTag(projectId, tagId);
  state_.store.eraseTag(projectId, tagId);
}

}  // namespace cvmock::server
