// Schema migrations: an append-only list; migration N turns version N-1 into version N.
#include "mock_server/store/sqlite_schema.h"

#include <array>
#include <string>

namespace cvmock::server::sqlite {
namespace {

// Times are system_clock ticks since the epoch; `seq` columns keep creation order; an entity's id is
// unique within its project, as in the service. Lists that are only ever read whole (trained tags,
// holdout, metadata, prediction entries) are JSON; image bytes, features and models are BLOBs,
// placed last in their row so listings never read them.
constexpr const char* kVersion1 = R"sql(
CREATE TABLE projects (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  description TEXT NOT NULL,
  domain_id TEXT NOT NULL,
  classification_type INTEGER NOT NULL,
  target_export_platforms TEXT NOT NULL,
  created INTEGER NOT NULL,
  last_modified INTEGER NOT NULL,
  revision INTEGER NOT NULL,
  iterations_created INTEGER NOT NULL
);
CREATE TABLE tags (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  project_id TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  id TEXT NOT NULL,
  name TEXT NOT NULL,
  description TEXT,
  type INTEGER NOT NULL,
  UNIQUE (project_id, id)
);
CREATE TABLE images (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  project_id TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  id TEXT NOT NULL,
  created INTEGER NOT NULL,
  width INTEGER NOT NULL,
  height INTEGER NOT NULL,
  metadata TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  features BLOB NOT NULL,
  bytes BLOB NOT NULL,
  UNIQUE (project_id, id)
);
CREATE TABLE image_tags (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  project_id TEXT NOT NULL,
  image_id TEXT NOT NULL,
  tag_id TEXT NOT NULL,
  created INTEGER NOT NULL,
  FOREIGN KEY (project_id, image_id) REFERENCES images(project_id, id) ON DELETE CASCADE
);
CREATE INDEX image_tags_by_image ON image_tags (project_id, image_id);
CREATE INDEX image_tags_by_tag ON image_tags (project_id, tag_id);
CREATE TABLE iterations (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  project_id TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  id TEXT NOT NULL,
  name TEXT NOT NULL,
  status INTEGER NOT NULL,
  created INTEGER NOT NULL,
  last_modified INTEGER NOT NULL,
  trained_at INTEGER,
  domain_id TEXT NOT NULL,
  classification_type INTEGER NOT NULL,
  training_type TEXT NOT NULL,
  reserved_budget_in_hours INTEGER NOT NULL,
  training_time_in_minutes INTEGER NOT NULL,
  publish_name TEXT,
  publish_resource_id TEXT,
  trained_revision INTEGER NOT NULL,
  tags TEXT NOT NULL,
  holdout TEXT NOT NULL,
  failure TEXT,
  model BLOB NOT NULL,
  UNIQUE (project_id, id)
);
CREATE TABLE predictions (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  project_id TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  id TEXT NOT NULL,
  iteration_id TEXT NOT NULL,
  created INTEGER NOT NULL,
  application TEXT NOT NULL,
  entries TEXT NOT NULL
);
CREATE INDEX predictions_by_project ON predictions (project_id);
CREATE TABLE counters (
  name TEXT PRIMARY KEY,
  value INTEGER NOT NULL
);
INSERT INTO counters (name, value) VALUES ('starts', 0);
)sql";

// A stored prediction keeps the image it was made on, for QueryPredictions and CreateImagesFromPredictions;
// predictions stored before keep an empty one.
constexpr const char* kVersion2 = R"sql(
ALTER TABLE predictions ADD COLUMN image BLOB NOT NULL DEFAULT x'';
CREATE INDEX predictions_by_id ON predictions (project_id, id);
)sql";

// Duplicate detection looks images up by content hash on every upload.
constexpr const char* kVersion3 = R"sql(
CREATE INDEX images_by_hash ON images (project_id, content_hash);
)sql";

// Transfers: a project export's snapshot outlives its project (no foreign key); an iteration's exports go
// with the iteration.
constexpr const char* kVersion4 = R"sql(
CREATE TABLE project_exports (
  id TEXT PRIMARY KEY,
  project_id TEXT NOT NULL,
  created INTEGER NOT NULL,
  expires INTEGER NOT NULL,
  snapshot BLOB NOT NULL
);
CREATE TABLE iteration_exports (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  project_id TEXT NOT NULL,
  iteration_id TEXT NOT NULL,
  platform TEXT NOT NULL,
  flavor TEXT NOT NULL,
  status INTEGER NOT NULL,
  created INTEGER NOT NULL,
  UNIQUE (project_id, iteration_id, platform, flavor),
  FOREIGN KEY (project_id, iteration_id) REFERENCES iterations(project_id, id) ON DELETE CASCADE
);
)sql";

// Object detection: the regions labelled on an image (boxes as fractions of its size), kept like its tags.
// Data dirs written before have no regions, which is what every image of theirs had.
constexpr const char* kVersion5 = R"sql(
CREATE TABLE image_regions (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  project_id TEXT NOT NULL,
  image_id TEXT NOT NULL,
  id TEXT NOT NULL,
  tag_id TEXT NOT NULL,
  left REAL NOT NULL,
  top REAL NOT NULL,
  width REAL NOT NULL,
  height REAL NOT NULL,
  created INTEGER NOT NULL,
  FOREIGN KEY (project_id, image_id) REFERENCES images(project_id, id) ON DELETE CASCADE
);
CREATE INDEX image_regions_by_image ON image_regions (project_id, image_id);
CREATE INDEX image_regions_by_tag ON image_regions (project_id, tag_id);
)sql";

constexpr std::array kMigrations = {kVersion1, kVersion2, kVersion3, kVersion4, kVersion5};

int storedVersion(Database& db) {
  Statement select(db, "SELECT version FROM schema_version");
  return select.step() ? static_cast<int>(select.integer(0)) : 0;
}

}  // namespace

int currentSchemaVersion() { return static_cast<int>(kMigrations.size()); }

void migrate(Database& db) {
  db.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
  const int found = storedVersion(db);
  if (found > currentSchemaVersion()) {
    throw Error("sqlite: the database has schema version " + std::to_string(found) + "; this cvmock knows up to " +
                std::to_string(currentSchemaVersion()));
  }
  for (int version = found + 1; version <= currentSchemaVersion(); ++version) {
    Transaction transaction(db);
    db.execute(kMigrations[static_cast<std::size_t>(version - 1)]);
    db.execute("DELETE FROM schema_version");
    Statement(db, "INSERT INTO schema_version (version) VALUES (?1)").bind(1, std::int64_t{version}).run();
    transaction.commit();
  }
}

}  // namespace cvmock::server::sqlite
