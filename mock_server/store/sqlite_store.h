// The SQLite Store: every record in one database, in memory or in a file that survives restarts.
#pragma once

#include <filesystem>
#include <mutex>
#include <optional>
#include <set>
#include <string>

#include "mock_server/base/fifo_mutex.h"
#include "mock_server/store/data_dir_lock.h"
#include "mock_server/store/sqlite_db.h"
#include "mock_server/store/store.h"

namespace cvmock::server {

// Thread-safe: one connection behind one mutex, granted in arrival order (FifoMutex); a bulk read
// (imageFeatures) lets it go between parts, so a short call waits for one part, not the whole read.
// Every multi-row change (a batch of images, a cascade) is one transaction, so a reader sees all of it or
// none, and a crash keeps all of it or none.
// On disk, a write is durable when the method returns (WAL, synchronous=FULL): a crash right after loses nothing.
class SqliteStore final : public Store {
 public:
  // A private in-memory database: fast, gone when the store is destroyed.
  SqliteStore();
  // The database file `directory`/cvmock.db, creating the directory and the file when missing, with the
  // directory locked against other processes while the store lives (DataDirLock). Throws DataDirError when the
  // directory cannot be made, written or locked, sqlite::Error when the database cannot be opened.
  explicit SqliteStore(const std::filesystem::path& directory);
  SqliteStore(const SqliteStore&) = delete;
  SqliteStore& operator=(const SqliteStore&) = delete;

  // The file name inside the data directory; nothing else is ever written there but SQLite's -wal/-shm and
  // DataDirLock's cvmock.lock.
  static constexpr const char* kFileName = "cvmock.db";

  void putProject(const ProjectRecord& project) override;
  std::optional<ProjectRecord> project(const std::string& projectId) const override;
  std::vector<ProjectRecord> projects() const override;
  void eraseProject(const std::string& projectId) override;
  void addProject(const ProjectContents& contents) override;

  void putTag(const TagRecord& tag) override;
  std::optional<TagRecord> tag(const std::string& projectId, const std::string& tagId) const override;
  std::vector<TagRecord> tags(const std::string& projectId) const override;
  void eraseTag(const std::string& projectId, const std::string& tagId) override;

  void addImages(const std::vector<NewImage>& images) override;
  void putImageRecords(const std::vector<ImageRecord>& records) override;
  void putImageMetadata(const std::vector<ImageRecord>& records) override;
  std::optional<ImageRecord> image(const std::string& projectId, const std::string& imageId) const override;
  std::vector<ImageRecord> images(const std::string& projectId) const override;
  int imageCount(const std::string& projectId) const override;
  std::optional<std::string> newestImageId(const std::string& projectId) const override;
  std::vector<ImageRecord> imagesWithHash(const std::string& projectId, const std::string& hash) const override;
  std::optional<std::string> imageBytes(const std::string& projectId, const std::string& imageId) const override;
  std::vector<std::vector<float>> imageFeatures(const std::string& projectId,
                                               const std::vector<std::string>& imageIds) const override;
  void eraseImages(const std::string& projectId, const std::vector<std::string>& imageIds) override;

  void putIteration(const IterationRecord& iteration) override;
  void addIteration(const ProjectRecord& project, const IterationRecord& iteration) override;
  std::optional<IterationRecord> iteration(const std::string& projectId,
                                           const std::string& iterationId) const override;
  std::vector<IterationRecord> iterations(const std::string& projectId) const override;
  void eraseIteration(const std::string& projectId, const std::string& iterationId) override;
  std::optional<std::string> publishedIterationId(const std::string& projectId,
                                                  const std::string& publishName) const override;

  void addPrediction(const PredictionRecord& prediction, const std::string& imageBytes) override;
  std::vector<PredictionRecord> predictions(const std::string& projectId) const override;
  std::optional<std::string> predictionImage(const std::string& projectId,
                                             const std::string& predictionId) const override;
  void erasePredictions(const std::string& projectId, const std::vector<std::string>& predictionIds) override;

  // Transfers (ExportProject/ImportProject, ExportIteration/GetExports)
  void putProjectExport(const ProjectExportRecord& record) override;
  std::optional<ProjectExportRecord> projectExport(const std::string& exportId) const override;
  void putIterationExport(const IterationExportRecord& record) override;
  std::vector<IterationExportRecord> iterationExports(const std::string& projectId,
                                                      const std::string& iterationId) const override;

  std::uint64_t recordStart() override;

 private:
  SqliteStore(std::optional<DataDirLock> lock, const std::string& location);

  bool projectExists(const std::string& projectId) const;
  // Inside the caller's transaction: the project's images or their tags changed (Store's revision contract).
  void bumpRevision(const std::string& projectId);
  enum class ImageFilter { All, ById, ByHash };
  std::vector<ImageRecord> selectImages(const std::string& projectId, ImageFilter filter, const std::string& value) const;
  std::vector<IterationRecord> selectIterations(const std::string& projectId,
                                                const std::optional<std::string>& iterationId) const;
  void insertImageTags(const ImageRecord& record);
  void insertImageRegions(const ImageRecord& record);
  // The writes behind the public methods, for the caller's lock and transaction.
  void writeProject(const ProjectRecord& project);
  void writeTag(const TagRecord& tag);
  std::set<std::string> insertImages(const std::vector<NewImage>& images);  // the projects that gained images
  void writeIteration(const IterationRecord& iteration);
  // Gives the pages freed by a delete back to the file system, and folds the WAL into the database.
  void reclaimSpace();

  std::optional<DataDirLock> lock_;  // on disk only; taken before the database is opened, released after it closes
  mutable FifoMutex mutex_;  // guards db_ and every statement on it
  mutable sqlite::Database db_;
  const bool onDisk_;
};

}  // namespace cvmock::server
