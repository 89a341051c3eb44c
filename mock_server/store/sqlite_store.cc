// SqliteStore: records to rows and back, one transaction per multi-row change, space reclaimed on delete.
#include "mock_server/store/sqlite_store.h"

#include <algorithm>
#include <set>
#include <unordered_map>

#include "mock_server/store/sqlite_codec.h"
#include "mock_server/store/sqlite_schema.h"

namespace cvmock::server {
namespace {

using sqlite::Statement;
using sqlite::Transaction;

constexpr const char* kProjectColumns =
    "id, name, description, domain_id, classification_type, target_export_platforms, created, last_modified, "
    "revision, iterations_created";

ProjectRecord readProject(const Statement& row) {
  ProjectRecord project;
  project.id = row.text(0);
  project.name = row.text(1);
  project.description = row.text(2);
  project.domainId = row.text(3);
  project.classificationType = sqlite::fromStored(kClassificationTypeNames, row.integer(4));
  project.targetExportPlatforms = sqlite::decodeStrings(row.text(5));
  project.created = sqlite::fromTicks(row.integer(6));
  project.lastModified = sqlite::fromTicks(row.integer(7));
  project.revision = static_cast<std::uint64_t>(row.integer(8));
  project.iterationsCreated = static_cast<int>(row.integer(9));
  return project;
}

TagRecord readTag(const Statement& row) {
  return {row.text(0), row.text(1), row.text(2), row.optionalText(3), sqlite::fromStored(kTagTypeNames, row.integer(4))};
}

constexpr const char* kIterationColumns =
    "id, project_id, name, status, created, last_modified, trained_at, domain_id, classification_type, "
    "training_type, reserved_budget_in_hours, training_time_in_minutes, publish_name, publish_resource_id, "
    "trained_revision, tags, holdout, failure, model";

IterationRecord readIteration(const Statement& row) {
  IterationRecord iteration;
  iteration.id = row.text(0);
  iteration.projectId = row.text(1);
  iteration.name = row.text(2);
  iteration.status = sqlite::fromStored(kIterationStatusNames, row.integer(3));
  iteration.created = sqlite::fromTicks(row.integer(4));
  iteration.lastModified = sqlite::fromTicks(row.integer(5));
  if (!row.isNull(6)) iteration.trainedAt = sqlite::fromTicks(row.integer(6));
  iteration.domainId = row.text(7);
  iteration.classificationType = sqlite::fromStored(kClassificationTypeNames, row.integer(8));
  iteration.trainingType = row.text(9);
  iteration.reservedBudgetInHours = static_cast<int>(row.integer(10));
  iteration.trainingTimeInMinutes = static_cast<int>(row.integer(11));
  iteration.publishName = row.optionalText(12);
  iteration.publishResourceId = row.optionalText(13);
  iteration.trainedRevision = static_cast<std::uint64_t>(row.integer(14));
  iteration.tags = sqlite::decodeTrainedTags(row.text(15));
  iteration.holdout = sqlite::decodeHoldout(row.text(16));
  iteration.failure = row.optionalText(17);
  iteration.model = row.blob(18);
  return iteration;
}

}  // namespace

SqliteStore::SqliteStore() : SqliteStore(std::nullopt, ":memory:") {}

SqliteStore::SqliteStore(const std::filesystem::path& directory)
    : SqliteStore(DataDirLock(directory, kFileName), (directory / kFileName).string()) {}

SqliteStore::SqliteStore(std::optional<DataDirLock> lock, const std::string& location)
    : lock_(std::move(lock)), db_(location), onDisk_(lock_.has_value()) {
  // auto_vacuum only takes effect before the first table exists, so it comes before the migrations.
  db_.execute("PRAGMA auto_vacuum = INCREMENTAL");
  db_.execute("PRAGMA foreign_keys = ON");
  if (onDisk_) {
    // WAL lets a commit be one append; FULL syncs it, so an acknowledged write survives even power loss.
    db_.execute("PRAGMA journal_mode = WAL");
    db_.execute("PRAGMA synchronous = FULL");
  }
  sqlite::migrate(db_);
}

bool SqliteStore::projectExists(const std::string& projectId) const {
  Statement select(db_, "SELECT 1 FROM projects WHERE id = ?1");
  return select.bind(1, projectId).step();
}

void SqliteStore::reclaimSpace() {
  db_.execute("PRAGMA incremental_vacuum");
  if (onDisk_) db_.execute("PRAGMA wal_checkpoint(TRUNCATE)");
}

void SqliteStore::putProject(const ProjectRecord& project) {
  std::lock_guard lock(mutex_);
  writeProject(project);
}

void SqliteStore::writeProject(const ProjectRecord& project) {
  Statement upsert(db_, std::string("INSERT INTO projects (") + kProjectColumns +
                            ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) ON CONFLICT (id) DO UPDATE SET "
                            "name = excluded.name, description = excluded.description, domain_id = excluded.domain_id, "
                            "classification_type = excluded.classification_type, "
                            "target_export_platforms = excluded.target_export_platforms, created = excluded.created, "
                            "last_modified = excluded.last_modified, revision = excluded.revision, "
                            "iterations_created = excluded.iterations_created");
  upsert.bind(1, project.id)
      .bind(2, project.name)
      .bind(3, project.description)
      .bind(4, project.domainId)
      .bind(5, sqlite::toStored(project.classificationType))
      .bind(6, sqlite::encodeStrings(project.targetExportPlatforms))
      .bind(7, sqlite::toTicks(project.created))
      .bind(8, sqlite::toTicks(project.lastModified))
      .bind(9, static_cast<std::int64_t>(project.revision))
      .bind(10, std::int64_t{project.iterationsCreated})
      .run();
}

std::optional<ProjectRecord> SqliteStore::project(const std::string& projectId) const {
  std::lock_guard lock(mutex_);
  Statement select(db_, std::string("SELECT ") + kProjectColumns + " FROM projects WHERE id = ?1");
  if (!select.bind(1, projectId).step()) return std::nullopt;
  return readProject(select);
}

std::vector<ProjectRecord> SqliteStore::projects() const {
  std::lock_guard lock(mutex_);
  Statement select(db_, std::string("SELECT ") + kProjectColumns + " FROM projects ORDER BY seq");
  std::vector<ProjectRecord> out;
  while (select.step()) out.push_back(readProject(select));
  return out;
}

void SqliteStore::eraseProject(const std::string& projectId) {
  std::lock_guard lock(mutex_);
  // One statement, so one implicit transaction: the foreign keys cascade to everything the project owns.
  Statement(db_, "DELETE FROM projects WHERE id = ?1").bind(1, projectId).run();
  if (db_.changes() > 0) reclaimSpace();
}

void SqliteStore::addProject(const ProjectContents& contents) {
  std::lock_guard lock(mutex_);
  Transaction transaction(db_);
  writeProject(contents.project);
  for (const TagRecord& tag : contents.tags) writeTag(tag);
  insertImages(contents.images);
  for (const IterationRecord& iteration : contents.iterations) writeIteration(iteration);
  transaction.commit();
}

void SqliteStore::putTag(const TagRecord& tag) {
  std::lock_guard lock(mutex_);
  writeTag(tag);
}

void SqliteStore::writeTag(const TagRecord& tag) {
  if (!projectExists(tag.projectId)) return;
  Statement upsert(db_,
                   "INSERT INTO tags (project_id, id, name, description, type) VALUES (?1, ?2, ?3, ?4, ?5) "
                   "ON CONFLICT (project_id, id) DO UPDATE SET name = excluded.name, "
                   "description = excluded.description, type = excluded.type");
  upsert.bind(1, tag.projectId)
      .bind(2, tag.id)
      .bind(3, tag.name)
      .bind(4, tag.description)
      .bind(5, sqlite::toStored(tag.type))
      .run();
}

std::optional<TagRecord> SqliteStore::tag(const std::string& projectId, const std::string& tagId) const {
  std::lock_guard lock(mutex_);
  Statement select(db_,
                   "SELECT id, project_id, name, description, type FROM tags WHERE project_id = ?1 AND id = ?2");
  if (!select.bind(1, projectId).bind(2, tagId).step()) return std::nullopt;
  return readTag(select);
}

std::vector<TagRecord> SqliteStore::tags(const std::string& projectId) const {
  std::lock_guard lock(mutex_);
  Statement select(db_,
                   "SELECT id, project_id, name, description, type FROM tags WHERE project_id = ?1 ORDER BY seq");
  select.bind(1, projectId);
  std::vector<TagRecord> out;
  while (select.step()) out.push_back(readTag(select));
  return out;
}

void SqliteStore::eraseTag(const std::string& projectId, const std::string& tagId) {
  std::lock_guard lock(mutex_);
  Transaction transaction(db_);
  Statement(db_, "DELETE FROM tags WHERE project_id = ?1 AND id = ?2").bind(1, projectId).bind(2, tagId).run();
  Statement(db_, "DELETE FROM image_tags WHERE project_id = ?1 AND tag_id = ?2").bind(1, projectId).bind(2, tagId).run();
  Statement(db_, "DELETE FROM image_regions WHERE project_id = ?1 AND tag_id = ?2")
      .bind(1, projectId)
      .bind(2, tagId)
      .run();
  bumpRevision(projectId);
  transaction.commit();
}

void SqliteStore::bumpRevision(const std::string& projectId) {
  Statement(db_, "UPDATE projects SET revision = revision + 1 WHERE id = ?1").bind(1, projectId).run();
}

void SqliteStore::insertImageTags(const ImageRecord& record) {
  Statement insert(db_, "INSERT INTO image_tags (project_id, image_id, tag_id, created) VALUES (?1, ?2, ?3, ?4)");
  for (const ImageTagRecord& tag : record.tags) {
    insert.bind(1, record.projectId).bind(2, record.id).bind(3, tag.tagId).bind(4, sqlite::toTicks(tag.created));
    insert.run();
    insert.reset();
  }
}

void SqliteStore::insertImageRegions(const ImageRecord& record) {
  Statement insert(db_,
                   "INSERT INTO image_regions (project_id, image_id, id, tag_id, left, top, width, height, created) "
                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
  for (const ImageRegionRecord& region : record.regions) {
    insert.bind(1, record.projectId)
        .bind(2, record.id)
        .bind(3, region.regionId)
        .bind(4, region.tagId)
        .bind(5, double{region.box.left})
        .bind(6, double{region.box.top})
        .bind(7, double{region.box.width})
        .bind(8, double{region.box.height})
        .bind(9, sqlite::toTicks(region.created));
    insert.run();
    insert.reset();
  }
}

void SqliteStore::addImages(const std::vector<NewImage>& images) {
  std::lock_guard lock(mutex_);
  Transaction transaction(db_);
  for (const std::string& projectId : insertImages(images)) bumpRevision(projectId);
  transaction.commit();
}

std::set<std::string> SqliteStore::insertImages(const std::vector<NewImage>& images) {
  Statement insert(db_,
                   "INSERT INTO images (project_id, id, created, width, height, metadata, content_hash, features, "
                   "bytes) SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9 WHERE EXISTS (SELECT 1 FROM projects WHERE id = ?1) "
                   "ON CONFLICT (project_id, id) DO NOTHING");
  std::set<std::string> changedProjects;
  for (const NewImage& image : images) {
    const ImageRecord& record = image.record;
    insert.bind(1, record.projectId)
        .bind(2, record.id)
        .bind(3, sqlite::toTicks(record.created))
        .bind(4, std::int64_t{record.width})
        .bind(5, std::int64_t{record.height})
        .bind(6, sqlite::encodeMetadata(record.metadata))
        .bind(7, record.contentHash)
        .bindBlob(8, sqlite::floatBytes(image.features))
        .bindBlob(9, sqlite::stringBytes(image.bytes));
    insert.run();
    const bool inserted = db_.changes() > 0;
    insert.reset();
    if (!inserted) continue;
    insertImageTags(record);
    insertImageRegions(record);
    changedProjects.insert(record.projectId);
  }
  return changedProjects;
}

void SqliteStore::putImageRecords(const std::vector<ImageRecord>& records) {
  std::lock_guard lock(mutex_);
  Transaction transaction(db_);
  Statement update(db_,
                   "UPDATE images SET created = ?3, width = ?4, height = ?5, metadata = ?6, content_hash = ?7 "
                   "WHERE project_id = ?1 AND id = ?2");
  Statement untag(db_, "DELETE FROM image_tags WHERE project_id = ?1 AND image_id = ?2");
  Statement unregion(db_, "DELETE FROM image_regions WHERE project_id = ?1 AND image_id = ?2");
  std::set<std::string> changedProjects;
  for (const ImageRecord& record : records) {
    update.bind(1, record.projectId)
        .bind(2, record.id)
        .bind(3, sqlite::toTicks(record.created))
        .bind(4, std::int64_t{record.width})
        .bind(5, std::int64_t{record.height})
        .bind(6, sqlite::encodeMetadata(record.metadata))
        .bind(7, record.contentHash);
    update.run();
    const bool found = db_.changes() > 0;
    update.reset();
    if (!found) continue;
    untag.bind(1, record.projectId).bind(2, record.id).run();
    untag.reset();
    unregion.bind(1, record.projectId).bind(2, record.id).run();
    unregion.reset();
    insertImageTags(record);
    insertImageRegions(record);
    changedProjects.insert(record.projectId);
  }
  for (const std::string& projectId : changedProjects) bumpRevision(projectId);
  transaction.commit();
}

void SqliteStore::putImageMetadata(const std::vector<ImageRecord>& records) {
  std::lock_guard lock(mutex_);
  Transaction transaction(db_);
  Statement update(db_, "UPDATE images SET metadata = ?3 WHERE project_id = ?1 AND id = ?2");
  for (const ImageRecord& record : records) {
    update.bind(1, record.projectId).bind(2, record.id).bind(3, sqlite::encodeMetadata(record.metadata));
    update.run();
    update.reset();
  }
  transaction.commit();
}

// One statement per filter (not "?2 IS NULL OR ..."), so that SQLite can use the matching index: a lookup
// of one image or one hash must not read every image of the project.
std::vector<ImageRecord> SqliteStore::selectImages(const std::string& projectId, ImageFilter filter,
                                                   const std::string& value) const {
  const char* where = filter == ImageFilter::All    ? ""
                      : filter == ImageFilter::ById ? " AND id = ?2"
                                                    : " AND content_hash = ?2";
  Statement select(db_, std::string("SELECT id, created, width, height, metadata, content_hash FROM images "
                                    "WHERE project_id = ?1") + where + " ORDER BY seq");
  select.bind(1, projectId);
  if (filter != ImageFilter::All) select.bind(2, value);
  std::vector<ImageRecord> out;
  std::unordered_map<std::string, std::size_t> indexOf;
  while (select.step()) {
    ImageRecord image;
    image.id = select.text(0);
    image.projectId = projectId;
    image.created = sqlite::fromTicks(select.integer(1));
    image.width = static_cast<int>(select.integer(2));
    image.height = static_cast<int>(select.integer(3));
    image.metadata = sqlite::decodeMetadata(select.text(4));
    image.contentHash = select.text(5);
    indexOf.emplace(image.id, out.size());
    out.push_back(std::move(image));
  }
  const auto addTags = [&](Statement& tags) {
    while (tags.step()) {
      auto it = indexOf.find(tags.text(0));
      if (it != indexOf.end()) out[it->second].tags.push_back({tags.text(1), sqlite::fromTicks(tags.integer(2))});
    }
  };
  const auto addRegions = [&](Statement& regions) {
    while (regions.step()) {
      auto it = indexOf.find(regions.text(0));
      if (it == indexOf.end()) continue;
      const BoxRecord box{static_cast<float>(regions.real(3)), static_cast<float>(regions.real(4)),
                          static_cast<float>(regions.real(5)), static_cast<float>(regions.real(6))};
      out[it->second].regions.push_back({regions.text(1), regions.text(2), box, sqlite::fromTicks(regions.integer(7))});
    }
  };
  constexpr const char* kRegionColumns = "SELECT image_id, id, tag_id, left, top, width, height, created FROM image_regions";
  if (filter == ImageFilter::All) {
    Statement tags(db_, "SELECT image_id, tag_id, created FROM image_tags WHERE project_id = ?1 ORDER BY seq");
    tags.bind(1, projectId);
    addTags(tags);
    Statement regions(db_, std::string(kRegionColumns) + " WHERE project_id = ?1 ORDER BY seq");
    regions.bind(1, projectId);
    addRegions(regions);
    return out;
  }
  Statement tags(db_,
                 "SELECT image_id, tag_id, created FROM image_tags WHERE project_id = ?1 AND image_id = ?2 ORDER BY seq");
  Statement regions(db_, std::string(kRegionColumns) + " WHERE project_id = ?1 AND image_id = ?2 ORDER BY seq");
  for (std::size_t i = 0; i < out.size(); ++i) {
    tags.bind(1, projectId).bind(2, out[i].id);
    addTags(tags);
    tags.reset();
    regions.bind(1, projectId).bind(2, out[i].id);
    addRegions(regions);
    regions.reset();
  }
  return out;
}

std::optional<ImageRecord> SqliteStore::image(const std::string& projectId, const std::string& imageId) const {
  std::lock_guard lock(mutex_);
  std::vector<ImageRecord> found = selectImages(projectId, ImageFilter::ById, imageId);
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

std::vector<ImageRecord> SqliteStore::images(const std::string& projectId) const {
  std::lock_guard lock(mutex_);
  return selectImages(projectId, ImageFilter::All, "");
}

int SqliteStore::imageCount(const std::string& projectId) const {
  std::lock_guard lock(mutex_);
  Statement count(db_, "SELECT count(*) FROM images WHERE project_id = ?1");
  count.bind(1, projectId).step();
  return static_cast<int>(count.integer(0));
}

std::optional<std::string> SqliteStore::newestImageId(const std::string& projectId) const {
  std::lock_guard lock(mutex_);
  Statement select(db_, "SELECT id FROM images WHERE project_id = ?1 ORDER BY seq DESC LIMIT 1");
  if (!select.bind(1, projectId).step()) return std::nullopt;
  return select.text(0);
}

std::vector<ImageRecord> SqliteStore::imagesWithHash(const std::string& projectId, const std::string& hash) const {
  std::lock_guard lock(mutex_);
  return selectImages(projectId, ImageFilter::ByHash, hash);
}

std::optional<std::string> SqliteStore::imageBytes(const std::string& projectId, const std::string& imageId) const {
  std::lock_guard lock(mutex_);
  Statement select(db_, "SELECT bytes FROM images WHERE project_id = ?1 AND id = ?2");
  if (!select.bind(1, projectId).bind(2, imageId).step()) return std::nullopt;
  return select.blob(0);
}

// A training reads every image's features (tens of ms per 10,000 images); a prediction's lookups would wait
// for all of it. So the lock is let go every kFeatureReadChunk images, and FifoMutex lets whoever waits go
// first. Each image is still read whole or found missing, as when another call deletes it between two reads.
std::vector<std::vector<float>> SqliteStore::imageFeatures(const std::string& projectId,
                                                           const std::vector<std::string>& imageIds) const {
  constexpr std::size_t kFeatureReadChunk = 128;
  std::vector<std::vector<float>> out(imageIds.size());
  for (std::size_t start = 0; start < imageIds.size(); start += kFeatureReadChunk) {
    std::lock_guard lock(mutex_);
    Statement select(db_, "SELECT features FROM images WHERE project_id = ?1 AND id = ?2");
    for (std::size_t i = start; i < std::min(imageIds.size(), start + kFeatureReadChunk); ++i) {
      if (select.bind(1, projectId).bind(2, imageIds[i]).step()) out[i] = sqlite::floatsFromBlob(select.blob(0));
      select.reset();
    }
  }
  return out;
}

void SqliteStore::eraseImages(const std::string& projectId, const std::vector<std::string>& imageIds) {
  std::lock_guard lock(mutex_);
  Transaction transaction(db_);
  Statement erase(db_, "DELETE FROM images WHERE project_id = ?1 AND id = ?2");
  int erased = 0;
  for (const std::string& imageId : imageIds) {
    erase.bind(1, projectId).bind(2, imageId).run();
    erased += db_.changes();
    erase.reset();
  }
  if (erased > 0) bumpRevision(projectId);
  transaction.commit();
  if (erased > 0) reclaimSpace();
}

void SqliteStore::putIteration(const IterationRecord& iteration) {
  std::lock_guard lock(mutex_);
  writeIteration(iteration);
}

void SqliteStore::addIteration(const ProjectRecord& project, const IterationRecord& iteration) {
  std::lock_guard lock(mutex_);
  if (!projectExists(project.id)) return;
  Transaction transaction(db_);
  writeProject(project);
  writeIteration(iteration);
  transaction.commit();
}

void SqliteStore::writeIteration(const IterationRecord& iteration) {
  if (!projectExists(iteration.projectId)) return;
  Statement upsert(db_, std::string("INSERT INTO iterations (") + kIterationColumns +
                            ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, "
                            "?18, ?19) ON CONFLICT (project_id, id) DO UPDATE SET name = excluded.name, "
                            "status = excluded.status, created = excluded.created, "
                            "last_modified = excluded.last_modified, trained_at = excluded.trained_at, "
                            "domain_id = excluded.domain_id, classification_type = excluded.classification_type, "
                            "training_type = excluded.training_type, "
                            "reserved_budget_in_hours = excluded.reserved_budget_in_hours, "
                            "training_time_in_minutes = excluded.training_time_in_minutes, "
                            "publish_name = excluded.publish_name, publish_resource_id = excluded.publish_resource_id, "
                            "trained_revision = excluded.trained_revision, tags = excluded.tags, "
                            "holdout = excluded.holdout, failure = excluded.failure, model = excluded.model");
  upsert.bind(1, iteration.id)
      .bind(2, iteration.projectId)
      .bind(3, iteration.name)
      .bind(4, sqlite::toStored(iteration.status))
      .bind(5, sqlite::toTicks(iteration.created))
      .bind(6, sqlite::toTicks(iteration.lastModified));
  if (iteration.trainedAt) upsert.bind(7, sqlite::toTicks(*iteration.trainedAt));
  upsert.bind(8, iteration.domainId)
      .bind(9, sqlite::toStored(iteration.classificationType))
      .bind(10, iteration.trainingType)
      .bind(11, std::int64_t{iteration.reservedBudgetInHours})
      .bind(12, std::int64_t{iteration.trainingTimeInMinutes})
      .bind(13, iteration.publishName)
      .bind(14, iteration.publishResourceId)
      .bind(15, static_cast<std::int64_t>(iteration.trainedRevision))
      .bind(16, sqlite::encodeTrainedTags(iteration.tags))
      .bind(17, sqlite::encodeHoldout(iteration.holdout))
      .bind(18, iteration.failure)
      .bindBlob(19, sqlite::stringBytes(iteration.model))
      .run();
}

std::vector<IterationRecord> SqliteStore::selectIterations(const std::string& projectId,
                                                           const std::optional<std::string>& iterationId) const {
  Statement select(db_, std::string("SELECT ") + kIterationColumns +
                            " FROM iterations WHERE project_id = ?1 AND (?2 IS NULL OR id = ?2) ORDER BY seq");
  select.bind(1, projectId).bind(2, iterationId);
  std::vector<IterationRecord> out;
  while (select.step()) out.push_back(readIteration(select));
  return out;
}

std::optional<IterationRecord> SqliteStore::iteration(const std::string& projectId,
                                                      const std::string& iterationId) const {
  std::lock_guard lock(mutex_);
  std::vector<IterationRecord> found = selectIterations(projectId, iterationId);
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

std::vector<IterationRecord> SqliteStore::iterations(const std::string& projectId) const {
  std::lock_guard lock(mutex_);
  return selectIterations(projectId, std::nullopt);
}

void SqliteStore::eraseIteration(const std::string& projectId, const std::string& iterationId) {
  std::lock_guard lock(mutex_);
  Statement(db_, "DELETE FROM iterations WHERE project_id = ?1 AND id = ?2")
      .bind(1, projectId)
      .bind(2, iterationId)
      .run();
  if (db_.changes() > 0) reclaimSpace();
}

std::optional<std::string> SqliteStore::publishedIterationId(const std::string& projectId,
                                                             const std::string& publishName) const {
  std::lock_guard lock(mutex_);
  Statement select(db_, "SELECT id FROM iterations WHERE project_id = ?1 AND publish_name = ?2");
  select.bind(1, projectId).bind(2, publishName);
  if (!select.step()) return std::nullopt;
  return select.text(0);
}

void SqliteStore::addPrediction(const PredictionRecord& prediction, const std::string& imageBytes) {
  std::lock_guard lock(mutex_);
  Statement insert(db_,
                   "INSERT INTO predictions (project_id, id, iteration_id, created, application, entries, image) "
                   "SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7 WHERE EXISTS (SELECT 1 FROM projects WHERE id = ?1)");
  insert.bind(1, prediction.projectId)
      .bind(2, prediction.id)
      .bind(3, prediction.iterationId)
      .bind(4, sqlite::toTicks(prediction.created))
      .bind(5, prediction.application)
      .bind(6, sqlite::encodePredictionEntries(prediction.predictions))
      .bindBlob(7, sqlite::stringBytes(imageBytes))
      .run();
}

std::vector<PredictionRecord> SqliteStore::predictions(const std::string& projectId) const {
  std::lock_guard lock(mutex_);
  Statement select(db_,
                   "SELECT id, iteration_id, created, application, entries FROM predictions "
                   "WHERE project_id = ?1 ORDER BY seq");
  select.bind(1, projectId);
  std::vector<PredictionRecord> out;
  while (select.step()) {
    out.push_back({select.text(0), projectId, select.text(1), sqlite::fromTicks(select.integer(2)), select.text(3),
                   sqlite::decodePredictionEntries(select.text(4))});
  }
  return out;
}

std::optional<std::string> SqliteStore::predictionImage(const std::string& projectId,
                                                        const std::string& predictionId) const {
  std::lock_guard lock(mutex_);
  Statement select(db_, "SELECT image FROM predictions WHERE project_id = ?1 AND id = ?2");
  if (!select.bind(1, projectId).bind(2, predictionId).step()) return std::nullopt;
  std::string image = select.blob(0);
  if (image.empty()) return std::nullopt;  // stored before predictions kept their image (schema version 1)
  return image;
}

void SqliteStore::erasePredictions(const std::string& projectId, const std::vector<std::string>& predictionIds) {
  std::lock_guard lock(mutex_);
  Transaction transaction(db_);
  Statement erase(db_, "DELETE FROM predictions WHERE project_id = ?1 AND id = ?2");
  int erased = 0;
  for (const std::string& predictionId : predictionIds) {
    erase.bind(1, projectId).bind(2, predictionId).run();
    erased += db_.changes();
    erase.reset();
  }
  transaction.commit();
  if (erased > 0) reclaimSpace();
}

void SqliteStore::putProjectExport(const ProjectExportRecord& record) {
  std::lock_guard lock(mutex_);
  Statement(db_,
            "INSERT OR REPLACE INTO project_exports (id, project_id, created, expires, snapshot) "
            "VALUES (?1, ?2, ?3, ?4, ?5)")
      .bind(1, record.id)
      .bind(2, record.projectId)
      .bind(3, sqlite::toTicks(record.created))
      .bind(4, sqlite::toTicks(record.expires))
      .bindBlob(5, sqlite::stringBytes(record.snapshot))
      .run();
}

std::optional<ProjectExportRecord> SqliteStore::projectExport(const std::string& exportId) const {
  std::lock_guard lock(mutex_);
  Statement select(db_, "SELECT id, project_id, created, expires, snapshot FROM project_exports WHERE id = ?1");
  if (!select.bind(1, exportId).step()) return std::nullopt;
  return ProjectExportRecord{select.text(0), select.text(1), sqlite::fromTicks(select.integer(2)),
                             sqlite::fromTicks(select.integer(3)), select.blob(4)};
}

void SqliteStore::putIterationExport(const IterationExportRecord& record) {
  std::lock_guard lock(mutex_);
  Statement upsert(db_,
                   "INSERT INTO iteration_exports (project_id, iteration_id, platform, flavor, status, created) "
                   "SELECT ?1, ?2, ?3, ?4, ?5, ?6 WHERE EXISTS "
                   "(SELECT 1 FROM iterations WHERE project_id = ?1 AND id = ?2) "
                   "ON CONFLICT (project_id, iteration_id, platform, flavor) DO UPDATE SET "
                   "status = excluded.status, created = excluded.created");
  upsert.bind(1, record.projectId)
      .bind(2, record.iterationId)
      .bind(3, record.platform)
      .bind(4, record.flavor)
      .bind(5, sqlite::toStored(record.status))
      .bind(6, sqlite::toTicks(record.created))
      .run();
}

std::vector<IterationExportRecord> SqliteStore::iterationExports(const std::string& projectId,
                                                                 const std::string& iterationId) const {
  std::lock_guard lock(mutex_);
  Statement select(db_,
                   "SELECT platform, flavor, status, created FROM iteration_exports "
                   "WHERE project_id = ?1 AND iteration_id = ?2 ORDER BY seq");
  select.bind(1, projectId).bind(2, iterationId);
  std::vector<IterationExportRecord> out;
  while (select.step()) {
    out.push_back({projectId, iterationId, select.text(0), select.text(1),
                   sqlite::fromStored(kExportStatusNames, select.integer(2)), sqlite::fromTicks(select.integer(3))});
  }
  return out;
}

std::uint64_t SqliteStore::recordStart() {
  std::lock_guard lock(mutex_);
  Transaction transaction(db_);
  Statement select(db_, "SELECT value FROM counters WHERE name = 'starts'");
  const std::int64_t before = select.step() ? select.integer(0) : 0;
  Statement(db_, "UPDATE counters SET value = ?1 WHERE name = 'starts'").bind(1, before + 1).run();
  transaction.commit();
  return static_cast<std::uint64_t>(before);
}

}  // namespace cvmock::server
