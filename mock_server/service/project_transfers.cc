// TransferService: ExportProject (a snapshot behind a token) and ImportProject (the snapshot as a new project).
#include "mock_server/service/transfer_service.h"

#include <chrono>
#include <unordered_map>

#include "mock_server/base/errors.h"
#include "mock_server/base/text.h"
#include "mock_server/service/project_transfer_snapshot.h"
#include "mock_server/service/project_transfer_token.h"

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

TransferService::TransferService(ServiceState& state) : state_(state) {}

ProjectExportView TransferService::exportProject(const std::string& projectId) {
  std::shared_lock lock(state_.rules);  // a consistent snapshot: no check-then-write change runs meanwhile
  ProjectSnapshot snapshot;
  snapshot.project = state_.requireProject(projectId);
  snapshot.tags = state_.store.tags(projectId);
  std::vector<ImageRecord> images = state_.store.images(projectId);
  std::vector<std::string> imageIds;
  for (const ImageRecord& image : images) imageIds.push_back(image.id);
  std::vector<std::vector<float>> features = state_.store.imageFeatures(projectId, imageIds);
  for (std::size_t i = 0; i < images.size(); ++i) {
    std::optional<std::string> bytes = state_.store.imageBytes(projectId, images[i].id);
    snapshot.images.push_back({std::move(images[i]), bytes.value_or(""), std::move(features[i])});
  }
  for (IterationRecord& iteration : state_.store.iterations(projectId)) {
    if (iteration.status == IterationStatus::Completed) snapshot.iterations.push_back(std::move(iteration));
  }

  ProjectExportRecord record{state_.ids.next(), projectId, state_.clock.now(), state_.clock.now() + kTokenLifetime, encodeSnapshot(snapshot)};
  state_.store.putProjectExport(record);
  ProjectExportView view;
  view.exportId = record.id;
  view.projectId = projectId;
  view.expires = record.expires;
  view.iterationCount = static_cast<int>(snapshot.iterations.size());
  view.imageCount = static_cast<int>(snapshot.images.size());
  view.tagCount = exportedTagCount(snapshot);
  for (const NewImage& image : snapshot.images) view.regionCount += static_cast<int>(image.record.regions.size());
  view.estimatedImportTimeInMS = estimatedImportTimeInMS(view.imageCount, view.iterationCount);
  return view;
}

ProjectRecord TransferService::importProject(const std::string& token, const std::optional<std::string>& name) {
  std::optional<ImportToken> parsed = parseImportToken(token);
  std::optional<ProjectExportRecord> exported = parsed ? state_.store.projectExport(parsed->exportId) : std::nullopt;
  if (!exported || exported->projectId != parsed->projectId || state_.clock.now() > exported->expires) {
    throw errors::invalidImportToken();
  }
  if (name && !isValidName(*name, state_.config.limits.maxNameLength)) throw errors::projectName();
  ProjectContents imported = decodeSnapshot(exported->snapshot);

  std::unique_lock lock(state_.rules);
  const std::vector<ProjectRecord> projects = state_.store.projects();
  state_.simulation.quotas.admitProject(projects.size());
  ProjectRecord& project = imported.project;
  const std::uint64_t sourceRevision = project.revision;
  project.id = state_.ids.next();
  project.name = name ? *name : importedName(project.name, projects);
  project.created = project.lastModified = state_.clock.now();
  project.revision = 1;

  std::unordered_map<std::string, std::string> newIds;  // source id -> imported id, tags and images alike
  for (TagRecord& tag : imported.tags) {
    tag.id = newIds[tag.id] = state_.ids.next();
    tag.projectId = project.id;
  }
  for (NewImage& image : imported.images) {
    image.record.id = newIds[image.record.id] = state_.ids.next();
    image.record.projectId = project.id;
    for (ImageTagRecord& tag : image.record.tags) tag.tagId = mapped(newIds, tag.tagId);
    for (ImageRegionRecord& region : image.record.regions) {
      region.regionId = state_.ids.next();
      region.tagId = mapped(newIds, region.tagId);
    }
  }
  // An iteration trained on the source's latest images is trained on the imported ones too.
  for (IterationRecord& iteration : imported.iterations) {
    const bool current = iteration.trainedRevision == sourceRevision;
    iteration.id = state_.ids.next();
    iteration.projectId = project.id;
    iteration.created = iteration.lastModified = state_.clock.now();
    iteration.publishName.reset();
    iteration.publishResourceId.reset();
    iteration.trainedRevision = current ? project.revision : 0;
    for (TrainedTag& tag : iteration.tags) tag.id = mapped(newIds, tag.id);
    for (HoldoutImage& image : iteration.holdout) image.imageId = mapped(newIds, image.imageId);
  }
  // One store transaction: a failure or a crash leaves no half-imported project.
  state_.store.addProject(imported);
  return state_.requireProject(project.id);
}

}  // namespace cvmock::server
