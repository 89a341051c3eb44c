// TrainingService: ExportProject (a snapshot behind a token) and ImportProject (the snapshot as a new project).
#include <chrono>
#include <unordered_map>

#include "mock_server/errors.h"
#include "mock_server/project_transfer_snapshot.h"
#include "mock_server/project_transfer_token.h"
#include "mock_server/text.h"
#include "mock_server/training_service.h"

namespace cvmock::server {
namespace {

// The recorded tokens expire 24 hours after the export (se= in ImportExportProject and ImportProject).
constexpr auto kTokenLifetime = std::chrono::hours(24);

// Fitted to the two recorded exports (10 images: 1 iteration 5081 ms, 2 iterations 6121 ms); a guess beyond.
int estimatedImportTimeInMS(int imageCount, int iterationCount) {
  return 3001 + 104 * imageCount + 1040 * iterationCount;
}

// The recordings count 4 tags for a project of 2 tags with 1 trained iteration: the iterations' copies of
// the tags travel too, so they are counted with the project's own.
int exportedTagCount(const ProjectSnapshot& snapshot) {
  std::size_t count = snapshot.tags.size();
  for (const IterationRecord& iteration : snapshot.iterations) count += iteration.tags.size();
  return static_cast<int>(count);
}

// "name (n)" for the first n that no project has (the recordings show " (1)").
std::string importedName(const std::string& source, const std::vector<ProjectRecord>& projects) {
  for (int n = 1;; ++n) {
    std::string candidate = source + " (" + std::to_string(n) + ")";
    bool taken = false;
    for (const ProjectRecord& p : projects) taken = taken || p.name == candidate;
    if (!taken) return candidate;
  }
}

std::string mapped(const std::unordered_map<std::string, std::string>& ids, const std::string& id) {
  auto it = ids.find(id);
  return it == ids.end() ? id : it->second;
}

}  // namespace

ProjectExportView TrainingService::exportProject(const std::string& projectId) {
  std::shared_lock lock(rules_);  // a consistent snapshot: no check-then-write change runs meanwhile
  ProjectSnapshot snapshot;
  snapshot.project = requireProject(projectId);
  snapshot.tags = store_->tags(projectId);
  std::vector<ImageRecord> images = store_->images(projectId);
  std::vector<std::string> imageIds;
  for (const ImageRecord& image : images) imageIds.push_back(image.id);
  std::vector<std::vector<float>> features = store_->imageFeatures(projectId, imageIds);
  for (std::size_t i = 0; i < images.size(); ++i) {
    std::optional<std::string> bytes = store_->imageBytes(projectId, images[i].id);
    snapshot.images.push_back({std::move(images[i]), bytes.value_or(""), std::move(features[i])});
  }
  for (IterationRecord& iteration : store_->iterations(projectId)) {
    if (iteration.status == IterationStatus::Completed) snapshot.iterations.push_back(std::move(iteration));
  }

  ProjectExportRecord record{ids_.next(), projectId, now(), now() + kTokenLifetime, encodeSnapshot(snapshot)};
  store_->putProjectExport(record);
  ProjectExportView view;
  view.exportId = record.id;
  view.projectId = projectId;
  view.expires = record.expires;
  view.iterationCount = static_cast<int>(snapshot.iterations.size());
  view.imageCount = static_cast<int>(snapshot.images.size());
  view.tagCount = exportedTagCount(snapshot);
  view.estimatedImportTimeInMS = estimatedImportTimeInMS(view.imageCount, view.iterationCount);
  return view;
}

ProjectRecord TrainingService::importProject(const std::string& token, const std::optional<std::string>& name) {
  std::optional<ImportToken> parsed = parseImportToken(token);
  std::optional<ProjectExportRecord> exported = parsed ? store_->projectExport(parsed->exportId) : std::nullopt;
  if (!exported || exported->projectId != parsed->projectId || now() > exported->expires) {
    throw errors::invalidImportToken();
  }
  if (name && !isValidName(*name, config_.limits.maxNameLength)) throw errors::projectName();
  ProjectContents imported = decodeSnapshot(exported->snapshot);

  std::unique_lock lock(rules_);
  const std::vector<ProjectRecord> projects = store_->projects();
  simulation_->quotas.admitProject(projects.size());
  ProjectRecord& project = imported.project;
  const std::uint64_t sourceRevision = project.revision;
  project.id = ids_.next();
  project.name = name ? *name : importedName(project.name, projects);
  project.created = project.lastModified = now();
  project.revision = 1;

  std::unordered_map<std::string, std::string> newIds;  // source id -> imported id, tags and images alike
  for (TagRecord& tag : imported.tags) {
    tag.id = newIds[tag.id] = ids_.next();
    tag.projectId = project.id;
  }
  for (NewImage& image : imported.images) {
    image.record.id = newIds[image.record.id] = ids_.next();
    image.record.projectId = project.id;
    for (ImageTagRecord& tag : image.record.tags) tag.tagId = mapped(newIds, tag.tagId);
  }
  // An iteration trained on the source's latest images is trained on the imported ones too.
  for (IterationRecord& iteration : imported.iterations) {
    const bool current = iteration.trainedRevision == sourceRevision;
    iteration.id = ids_.next();
    iteration.projectId = project.id;
    iteration.created = iteration.lastModified = now();
    iteration.publishName.reset();
    iteration.publishResourceId.reset();
    iteration.trainedRevision = current ? project.revision : 0;
    for (TrainedTag& tag : iteration.tags) tag.id = mapped(newIds, tag.id);
    for (HoldoutImage& image : iteration.holdout) image.imageId = mapped(newIds, image.imageId);
  }
  // One store transaction: a failure or a crash leaves no half-imported project.
  store_->addProject(imported);
  return requireProject(project.id);
}

}  // namespace cvmock::server
