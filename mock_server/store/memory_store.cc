// MemoryStore: one mutex, value copies in and out.
#include "mock_server/store/memory_store.h"

#include <algorithm>
#include <iterator>
#include <set>
#include <unordered_set>

namespace cvmock::server {
namespace {

template <typename Record>
auto findById(std::vector<Record>& records, const std::string& id) {
  return std::find_if(records.begin(), records.end(), [&](const Record& r) { return r.id == id; });
}

template <typename Record>
auto findById(const std::vector<Record>& records, const std::string& id) {
  return std::find_if(records.begin(), records.end(), [&](const Record& r) { return r.id == id; });
}

template <typename Record>
void upsert(std::vector<Record>& records, const Record& record) {
  auto it = findById(records, record.id);
  if (it == records.end()) {
    records.push_back(record);
  } else {
    *it = record;
  }
}

}  // namespace

MemoryStore::ProjectState* MemoryStore::find(const std::string& projectId) {
  auto it = projects_.find(projectId);
  return it == projects_.end() ? nullptr : &it->second;
}

const MemoryStore::ProjectState* MemoryStore::find(const std::string& projectId) const {
  auto it = projects_.find(projectId);
  return it == projects_.end() ? nullptr : &it->second;
}

void MemoryStore::putProject(const ProjectRecord& project) {
  std::lock_guard lock(mutex_);
  auto [it, inserted] = projects_.try_emplace(project.id);
  it->second.record = project;
  if (inserted) projectOrder_.push_back(project.id);
}

std::optional<ProjectRecord> MemoryStore::project(const std::string& projectId) const {
  std::lock_guard lock(mutex_);
  const ProjectState* state = find(projectId);
  if (!state) return std::nullopt;
  return state->record;
}

std::vector<ProjectRecord> MemoryStore::projects() const {
  std::lock_guard lock(mutex_);
  std::vector<ProjectRecord> out;
  out.reserve(projectOrder_.size());
  for (const std::string& id : projectOrder_) out.push_back(projects_.at(id).record);
  return out;
}

void MemoryStore::eraseProject(const std::string& projectId) {
  std::lock_guard lock(mutex_);
  if (projects_.erase(projectId) == 0) return;
  std::erase(projectOrder_, projectId);
}

void MemoryStore::addProject(const ProjectContents& contents) {
  std::lock_guard lock(mutex_);
  const std::string& id = contents.project.id;
  if (projects_.contains(id)) return;
  ProjectState& state = projects_[id];
  projectOrder_.push_back(id);
  state.record = contents.project;
  state.tags = contents.tags;
  for (const NewImage& image : contents.images) {
    state.imageIndex.emplace(image.record.id, state.images.size());
    state.images.push_back(image);
  }
  state.iterations = contents.iterations;
}

void MemoryStore::putTag(const TagRecord& tag) {
  std::lock_guard lock(mutex_);
  if (ProjectState* state = find(tag.projectId)) upsert(state->tags, tag);
}

std::optional<TagRecord> MemoryStore::tag(const std::string& projectId, const std::string& tagId) const {
  std::lock_guard lock(mutex_);
  const ProjectState* state = find(projectId);
  if (!state) return std::nullopt;
  auto it = findById(state->tags, tagId);
  if (it == state->tags.end()) return std::nullopt;
  return *it;
}

std::vector<TagRecord> MemoryStore::tags(const std::string& projectId) const {
  std::lock_guard lock(mutex_);
  const ProjectState* state = find(projectId);
  return state ? state->tags : std::vector<TagRecord>{};
}

void MemoryStore::eraseTag(const std::string& projectId, const std::string& tagId) {
  std::lock_guard lock(mutex_);
  ProjectState* state = find(projectId);
  if (!state) return;
  std::erase_if(state->tags, [&](const TagRecord& t) { return t.id == tagId; });
  for (NewImage& image : state->images) {
    std::erase_if(image.record.tags, [&](const ImageTagRecord& t) { return t.tagId == tagId; });
    std::erase_if(image.record.regions, [&](const ImageRegionRecord& r) { return r.tagId == tagId; });
  }
  ++state->record.revision;
}

void MemoryStore::addImages(const std::vector<NewImage>& images) {
  std::lock_guard lock(mutex_);
  std::set<ProjectState*> changed;
  for (const NewImage& image : images) {
    ProjectState* state = find(image.record.projectId);
    if (!state || state->imageIndex.contains(image.record.id)) continue;
    state->imageIndex.emplace(image.record.id, state->images.size());
    state->images.push_back(image);
    changed.insert(state);
  }
  for (ProjectState* state : changed) ++state->record.revision;
}

void MemoryStore::putImageRecords(const std::vector<ImageRecord>& records) {
  std::lock_guard lock(mutex_);
  std::set<ProjectState*> changed;
  for (const ImageRecord& record : records) {
    ProjectState* state = find(record.projectId);
    if (!state) continue;
    auto it = state->imageIndex.find(record.id);
    if (it == state->imageIndex.end()) continue;
    state->images[it->second].record = record;
    changed.insert(state);
  }
  for (ProjectState* state : changed) ++state->record.revision;
}

void MemoryStore::putImageMetadata(const std::vector<ImageRecord>& records) {
  std::lock_guard lock(mutex_);
  for (const ImageRecord& record : records) {
    ProjectState* state = find(record.projectId);
    if (!state) continue;
    auto it = state->imageIndex.find(record.id);
    if (it != state->imageIndex.end()) state->images[it->second].record.metadata = record.metadata;
  }
}

std::optional<ImageRecord> MemoryStore::image(const std::string& projectId, const std::string& imageId) const {
  std::lock_guard lock(mutex_);
  const ProjectState* state = find(projectId);
  if (!state) return std::nullopt;
  auto it = state->imageIndex.find(imageId);
  if (it == state->imageIndex.end()) return std::nullopt;
  return state->images[it->second].record;
}

int MemoryStore::imageCount(const std::string& projectId) const {
  std::lock_guard lock(mutex_);
  const ProjectState* state = find(projectId);
  return state ? static_cast<int>(state->images.size()) : 0;
}

std::vector<ImageRecord> MemoryStore::imagesWithHash(const std::string& projectId, const std::string& hash) const {
  std::lock_guard lock(mutex_);
  std::vector<ImageRecord> out;
  const ProjectState* state = find(projectId);
  if (!state) return out;
  for (const NewImage& image : state->images) {
    if (image.record.contentHash == hash) out.push_back(image.record);
  }
  return out;
}

std::optional<std::string> MemoryStore::newestImageId(const std::string& projectId) const {
  std::lock_guard lock(mutex_);
  const ProjectState* state = find(projectId);
  if (!state || state->images.empty()) return std::nullopt;
  return state->images.back().record.id;
}

std::vector<ImageRecord> MemoryStore::images(const std::string& projectId) const {
  std::lock_guard lock(mutex_);
  std::vector<ImageRecord> out;
  const ProjectState* state = find(projectId);
  if (!state) return out;
  out.reserve(state->images.size());
  for (const NewImage& image : state->images) out.push_back(image.record);
  return out;
}

std::optional<std::string> MemoryStore::imageBytes(const std::string& projectId, const std::string& imageId) const {
  std::lock_guard lock(mutex_);
  const ProjectState* state = find(projectId);
  if (!state) return std::nullopt;
  auto it = state->imageIndex.find(imageId);
  if (it == state->imageIndex.end()) return std::nullopt;
  return state->images[it->second].bytes;
}

std::vector<std::vector<float>> MemoryStore::imageFeatures(const std::string& projectId,
                                                           const std::vector<std::string>& imageIds) const {
  std::lock_guard lock(mutex_);
  std::vector<std::vector<float>> out(imageIds.size());
  const ProjectState* state = find(projectId);
  if (!state) return out;
  for (std::size_t i = 0; i < imageIds.size(); ++i) {
    auto it = state->imageIndex.find(imageIds[i]);
    if (it != state->imageIndex.end()) out[i] = state->images[it->second].features;
  }
  return out;
}

void MemoryStore::eraseImages(const std::string& projectId, const std::vector<std::string>& imageIds) {
  std::lock_guard lock(mutex_);
  ProjectState* state = find(projectId);
  if (!state) return;
  const std::unordered_set<std::string> doomed(imageIds.begin(), imageIds.end());
  if (std::erase_if(state->images, [&](const NewImage& image) { return doomed.contains(image.record.id); }) > 0) {
    ++state->record.revision;
  }
  state->imageIndex.clear();
  for (std::size_t i = 0; i < state->images.size(); ++i) state->imageIndex.emplace(state->images[i].record.id, i);
}

void MemoryStore::putIteration(const IterationRecord& iteration) {
  std::lock_guard lock(mutex_);
  if (ProjectState* state = find(iteration.projectId)) upsert(state->iterations, iteration);
}

void MemoryStore::addIteration(const ProjectRecord& project, const IterationRecord& iteration) {
  std::lock_guard lock(mutex_);
  ProjectState* state = find(project.id);
  if (!state) return;
  state->record = project;
  upsert(state->iterations, iteration);
}

std::optional<IterationRecord> MemoryStore::iteration(const std::string& projectId,
                                                      const std::string& iterationId) const {
  std::lock_guard lock(mutex_);
  const ProjectState* state = find(projectId);
  if (!state) return std::nullopt;
  auto it = findById(state->iterations, iterationId);
  if (it == state->iterations.end()) return std::nullopt;
  return *it;
}

std::vector<IterationRecord> MemoryStore::iterations(const std::string& projectId) const {
  std::lock_guard lock(mutex_);
  const ProjectState* state = find(projectId);
  return state ? state->iterations : std::vector<IterationRecord>{};
}

std::optional<std::string> MemoryStore::publishedIterationId(const std::string& projectId,
                                                             const std::string& publishName) const {
  std::lock_guard lock(mutex_);
  const ProjectState* state = find(projectId);
  if (!state) return std::nullopt;
  for (const IterationRecord& iteration : state->iterations) {
    if (iteration.publishName == publishName) return iteration.id;
  }
  return std::nullopt;
}

void MemoryStore::eraseIteration(const std::string& projectId, const std::string& iterationId) {
  std::lock_guard lock(mutex_);
  if (ProjectState* state = find(projectId)) {
    std::erase_if(state->iterations, [&](const IterationRecord& it) { return it.id == iterationId; });
    std::erase_if(state->iterationExports,
                  [&](const IterationExportRecord& e) { return e.iterationId == iterationId; });
  }
}

void MemoryStore::addPrediction(const PredictionRecord& prediction, const std::string& imageBytes) {
  std::lock_guard lock(mutex_);
  ProjectState* state = find(prediction.projectId);
  if (!state) return;
  state->predictions.push_back(prediction);
  state->predictionImages[prediction.id] = imageBytes;
}

std::vector<PredictionRecord> MemoryStore::predictions(const std::string& projectId) const {
  std::lock_guard lock(mutex_);
  const ProjectState* state = find(projectId);
  return state ? state->predictions : std::vector<PredictionRecord>{};
}

std::optional<std::string> MemoryStore::predictionImage(const std::string& projectId,
                                                        const std::string& predictionId) const {
  std::lock_guard lock(mutex_);
  const ProjectState* state = find(projectId);
  if (!state) return std::nullopt;
  auto it = state->predictionImages.find(predictionId);
  if (it == state->predictionImages.end() || it->second.empty()) return std::nullopt;
  return it->second;
}

void MemoryStore::erasePredictions(const std::string& projectId, const std::vector<std::string>& predictionIds) {
  std::lock_guard lock(mutex_);
  ProjectState* state = find(projectId);
  if (!state) return;
  const std::unordered_set<std::string> doomed(predictionIds.begin(), predictionIds.end());
  std::erase_if(state->predictions, [&](const PredictionRecord& p) { return doomed.contains(p.id); });
  for (const std::string& id : doomed) state->predictionImages.erase(id);
}

void MemoryStore::putProjectExport(const ProjectExportRecord& record) {
  std::lock_guard lock(mutex_);
  projectExports_[record.id] = record;
}

std::optional<ProjectExportRecord> MemoryStore::projectExport(const std::string& exportId) const {
  std::lock_guard lock(mutex_);
  auto it = projectExports_.find(exportId);
  if (it == projectExports_.end()) return std::nullopt;
  return it->second;
}

void MemoryStore::putIterationExport(const IterationExportRecord& record) {
  std::lock_guard lock(mutex_);
  ProjectState* state = find(record.projectId);
  if (!state || findById(state->iterations, record.iterationId) == state->iterations.end()) return;
  auto same = std::find_if(state->iterationExports.begin(), state->iterationExports.end(),
                           [&](const IterationExportRecord& e) {
                             return e.iterationId == record.iterationId && e.platform == record.platform &&
                                    e.flavor == record.flavor;
                           });
  if (same == state->iterationExports.end()) {
    state->iterationExports.push_back(record);
  } else {
    *same = record;
  }
}

std::vector<IterationExportRecord> MemoryStore::iterationExports(const std::string& projectId,
                                                                 const std::string& iterationId) const {
  std::lock_guard lock(mutex_);
  std::vector<IterationExportRecord> out;
  if (const ProjectState* state = find(projectId)) {
    std::copy_if(state->iterationExports.begin(), state->iterationExports.end(), std::back_inserter(out),
                 [&](const IterationExportRecord& e) { return e.iterationId == iterationId; });
  }
  return out;
}

std::uint64_t MemoryStore::recordStart() {
  std::lock_guard lock(mutex_);
  return starts_++;
}

}  // namespace cvmock::server
