// SqliteStore on disk: state survives reopening, the schema is versioned, deletes give the space back.
#include <gtest/gtest.h>

#include <fstream>
#include <random>

#include <unistd.h>

#include <sqlite3.h>

#include "mock_server/store/sqlite_schema.h"
#include "mock_server/store/sqlite_store.h"
#include "tests/support/temp_dir.h"

namespace cvmock::server {
namespace {

ProjectRecord projectNamed(const std::string& id) {
  ProjectRecord project;
  project.id = id;
  project.name = id;
  return project;
}

// Random bytes do not compress or share pages, so the file grows by about their size.
NewImage noiseImage(const std::string& projectId, const std::string& id, std::size_t size, std::mt19937& random) {
  NewImage image;
  image.record = {id, projectId, std::chrono::system_clock::now(), 8, 8, {{"t", std::chrono::system_clock::now()}}, {}, "hash-" + id};
  image.bytes.resize(size);
  for (char& c : image.bytes) c = static_cast<char>(random());
  image.features.assign(819, 0.5f);
  return image;
}

std::uintmax_t databaseBytes(const std::filesystem::path& dir) {
  std::uintmax_t total = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) total += entry.file_size();
  return total;
}

std::string pragma(const std::filesystem::path& file, const std::string& sql) {
  sqlite::Database db(file.string());
  sqlite::Statement statement(db, sql);
  return statement.step() ? statement.text(0) : "";
}

TEST(SqliteStore, StateSurvivesReopening) {
  testing::TempDir dir;
  {
    SqliteStore store(dir.path());
    EXPECT_EQ(store.recordStart(), 0u);
    store.putProject(projectNamed("p"));
    std::mt19937 random(1);
    store.addImages({noiseImage("p", "i", 100, random)});
    IterationRecord iteration;
    iteration.id = "it";
    iteration.projectId = "p";
    iteration.model = "model-bytes";
    store.putIteration(iteration);
  }
  SqliteStore store(dir.path());
  EXPECT_EQ(store.recordStart(), 1u);
  ASSERT_EQ(store.projects().size(), 1u);
  ASSERT_EQ(store.images("p").size(), 1u);
  EXPECT_EQ(store.imageBytes("p", "i")->size(), 100u);
  EXPECT_EQ(store.iteration("p", "it")->model, "model-bytes");
}

TEST(SqliteStore, CreatesTheDirectoryAndUsesWalWithAVersionedSchema) {
  testing::TempDir dir;
  const std::filesystem::path nested = dir.path() / "a" / "b";
  { SqliteStore store(nested); }
  const std::filesystem::path file = nested / SqliteStore::kFileName;
  ASSERT_TRUE(std::filesystem::exists(file));
  EXPECT_EQ(pragma(file, "PRAGMA journal_mode"), "wal");
  EXPECT_EQ(pragma(file, "PRAGMA auto_vacuum"), "2");  // incremental
  EXPECT_EQ(pragma(file, "SELECT version FROM schema_version"), std::to_string(sqlite::currentSchemaVersion()));
}

TEST(SqliteStore, LocksItsDirectoryWhileItLives) {
  testing::TempDir dir;
  {
    SqliteStore first(dir.path());
    try {
      SqliteStore second(dir.path());
      FAIL() << "a second store opened a locked directory";
    } catch (const DataDirError& error) {
      EXPECT_EQ(error.kind(), DataDirError::Kind::InUse);
      EXPECT_EQ(error.directory(), dir.path());
      EXPECT_EQ(error.holderPid(), ::getpid());
    }
  }
  EXPECT_NO_THROW(SqliteStore again(dir.path()));  // released with the first
}

TEST(SqliteStore, RefusesAFileAsItsDirectory) {
  testing::TempDir dir;
  std::ofstream(dir.path() / "file") << "x";
  try {
    SqliteStore store(dir.path() / "file");
    FAIL() << "a file was taken for a directory";
  } catch (const DataDirError& error) {
    EXPECT_EQ(error.kind(), DataDirError::Kind::NotADirectory);
  }
}

// A data dir written before regions existed (schema 4) opens, its images without regions, and takes some.
TEST(SqliteStore, ADataDirFromBeforeRegionsMigrates) {
  testing::TempDir dir;
  {
    SqliteStore store(dir.path());
    store.putProject(projectNamed("p"));
    std::mt19937 random(1);
    store.addImages({noiseImage("p", "i", 10, random)});
  }
  {
    sqlite::Database db((dir.path() / SqliteStore::kFileName).string());
    db.execute("DROP TABLE image_regions; UPDATE schema_version SET version = 4");
  }
  SqliteStore store(dir.path());
  EXPECT_EQ(pragma(dir.path() / SqliteStore::kFileName, "SELECT version FROM schema_version"),
            std::to_string(sqlite::currentSchemaVersion()));
  ImageRecord image = *store.image("p", "i");
  EXPECT_TRUE(image.regions.empty());
  EXPECT_EQ(image.tags.size(), 1u);
  image.regions.push_back({"r", "t", {0.25f, 0.25f, 0.5f, 0.5f}, std::chrono::system_clock::now()});
  store.putImageRecords({image});
  ASSERT_EQ(store.image("p", "i")->regions.size(), 1u);
  EXPECT_EQ(store.image("p", "i")->regions[0].box.width, 0.5f);
}

TEST(SqliteStore, RefusesADatabaseFromANewerBuild) {
  testing::TempDir dir;
  { SqliteStore store(dir.path()); }
  {
    sqlite::Database db((dir.path() / SqliteStore::kFileName).string());
    db.execute("UPDATE schema_version SET version = 999");
  }
  EXPECT_THROW(SqliteStore store(dir.path()), sqlite::Error);
}

TEST(SqliteStore, DeletingAProjectReturnsDiskUseToBaseline) {
  testing::TempDir dir;
  SqliteStore store(dir.path());
  store.putProject(projectNamed("keep"));
  const std::uintmax_t baseline = databaseBytes(dir.path());

  store.putProject(projectNamed("p"));
  std::mt19937 random(7);
  for (int batch = 0; batch < 10; ++batch) {
    std::vector<NewImage> images;
    for (int i = 0; i < 10; ++i) {
      images.push_back(noiseImage("p", std::to_string(batch) + "-" + std::to_string(i), 40 * 1024, random));
    }
    store.addImages(images);
  }
  const std::uintmax_t full = databaseBytes(dir.path());
  EXPECT_GT(full, baseline + 4'000'000u);

  store.eraseProject("p");
  const std::uintmax_t after = databaseBytes(dir.path());
  std::cout << "[ disk    ] baseline " << baseline << " B, with 100 images " << full << " B, after delete " << after
            << " B\n";
  EXPECT_LE(after, baseline + 64 * 1024u);
}

TEST(SqliteStore, DeletingImagesGivesTheirSpaceBack) {
  testing::TempDir dir;
  SqliteStore store(dir.path());
  store.putProject(projectNamed("p"));
  const std::uintmax_t baseline = databaseBytes(dir.path());
  std::mt19937 random(3);
  std::vector<NewImage> images;
  std::vector<std::string> ids;
  for (int i = 0; i < 40; ++i) {
    images.push_back(noiseImage("p", "i" + std::to_string(i), 50 * 1024, random));
    ids.push_back("i" + std::to_string(i));
  }
  store.addImages(images);
  EXPECT_GT(databaseBytes(dir.path()), baseline + 1'500'000u);
  store.eraseImages("p", ids);
  EXPECT_LE(databaseBytes(dir.path()), baseline + 64 * 1024u);
  EXPECT_TRUE(store.images("p").empty());
}

// A trigger, installed through a second connection, makes SQLite abort the insert of one chosen image: a
// failure in the middle of the store's transaction, after earlier rows of the same batch were written.
TEST(SqliteStore, AFailureHalfWayThroughABatchLeavesNothingOfIt) {
  testing::TempDir dir;
  SqliteStore store(dir.path());
  store.putProject(projectNamed("p"));
  std::mt19937 random(4);
  store.addImages({noiseImage("p", "kept", 100, random)});
  {
    sqlite::Database other((dir.path() / SqliteStore::kFileName).string());
    other.execute(
        "CREATE TRIGGER fail_on_bad BEFORE INSERT ON images WHEN NEW.id = 'bad' "
        "BEGIN SELECT RAISE(ABORT, 'forced failure'); END");
  }
  std::vector<NewImage> batch;
  for (const char* id : {"a", "b", "bad", "c"}) batch.push_back(noiseImage("p", id, 100, random));
  batch[0].record.tags = {{"tag", std::chrono::system_clock::now()}};
  const std::uint64_t revision = store.project("p")->revision;
  EXPECT_THROW(store.addImages(batch), sqlite::Error);

  // Nothing of the failed batch (images, their tags, the revision it would have advanced), everything
  // from before, and the store still works.
  const std::vector<ImageRecord> images = store.images("p");
  ASSERT_EQ(images.size(), 1u);
  EXPECT_EQ(images[0].id, "kept");
  EXPECT_EQ(store.project("p")->revision, revision);
  batch.erase(batch.begin() + 2);
  store.addImages(batch);
  EXPECT_EQ(store.images("p").size(), 4u);
  EXPECT_EQ(store.image("p", "a")->tags.size(), 1u);
  EXPECT_EQ(store.project("p")->revision, revision + 1);
}

// ImportProject's write: the whole project, or nothing of it when the last row fails.
TEST(SqliteStore, AProjectAddedWholeIsAllOrNothing) {
  testing::TempDir dir;
  SqliteStore store(dir.path());
  std::mt19937 random(6);
  const auto contents = [&](const std::string& id) {
    ProjectContents c{projectNamed(id), {}, {}, {}};
    c.project.revision = 7;
    c.tags.push_back({"t1", id, "cat", std::nullopt, TagType::Regular});
    c.images = {noiseImage(id, "a", 100, random), noiseImage(id, "b", 100, random)};
    c.images[0].record.tags = {{"t1", std::chrono::system_clock::now()}};
    IterationRecord iteration;
    iteration.id = id == "broken" ? "bad" : "it";
    iteration.projectId = id;
    iteration.status = IterationStatus::Completed;
    iteration.trainedRevision = 7;
    c.iterations.push_back(iteration);
    return c;
  };
  store.addProject(contents("whole"));
  EXPECT_EQ(store.project("whole")->revision, 7u);  // as given: its images do not advance it
  EXPECT_EQ(store.tags("whole").size(), 1u);
  EXPECT_EQ(store.images("whole").size(), 2u);
  EXPECT_EQ(store.image("whole", "a")->tags.size(), 1u);
  EXPECT_EQ(store.iteration("whole", "it")->trainedRevision, 7u);

  {
    sqlite::Database other((dir.path() / SqliteStore::kFileName).string());
    other.execute(
        "CREATE TRIGGER fail_on_bad BEFORE INSERT ON iterations WHEN NEW.id = 'bad' "
        "BEGIN SELECT RAISE(ABORT, 'forced failure'); END");
  }
  EXPECT_THROW(store.addProject(contents("broken")), sqlite::Error);
  EXPECT_FALSE(store.project("broken"));
  EXPECT_TRUE(store.tags("broken").empty());
  EXPECT_TRUE(store.images("broken").empty());
  EXPECT_EQ(store.projects().size(), 1u);
}

// The revision says "the training data changed": it moves with every change to images or their tags, in
// the same transaction, and not when nothing changed.
TEST(SqliteStore, ImageAndTagChangesAdvanceTheRevision) {
  testing::TempDir dir;
  SqliteStore store(dir.path());
  store.putProject(projectNamed("p"));
  std::mt19937 random(5);
  const auto revision = [&] { return store.project("p")->revision; };
  std::uint64_t expected = revision();
  store.addImages({noiseImage("p", "a", 100, random)});
  EXPECT_EQ(revision(), ++expected);
  store.addImages({noiseImage("p", "a", 100, random)});  // already there: nothing changes
  EXPECT_EQ(revision(), expected);
  ImageRecord tagged = *store.image("p", "a");
  tagged.tags = {{"tag", std::chrono::system_clock::now()}};
  store.putImageRecords({tagged});
  EXPECT_EQ(revision(), ++expected);
  store.eraseTag("p", "tag");
  EXPECT_EQ(revision(), ++expected);
  store.eraseImages("p", {"missing"});
  EXPECT_EQ(revision(), expected);
  store.eraseImages("p", {"a"});
  EXPECT_EQ(revision(), ++expected);
}

}  // namespace
}  // namespace cvmock::server
