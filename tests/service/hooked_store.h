// A Store for service tests that need to act in the middle of an operation: it forwards every call to a
// SqliteStore in memory and, before each image read (imageBytes, imageFeatures), runs the test's hook on the
// calling thread. The hook is set before the service runs the operation and must not be changed during it.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "mock_server/store/sqlite_store.h"

namespace cvmock::server::testing {

class HookedStore final : public Store {
 public:
  // Runs before each image read, with the project and the first image id read.
  std::function<void(const std::string& projectId, const std::string& imageId)> beforeImageRead;

  void putProject(const ProjectRecord& p) override { store_->putProject(p); }
  std::optional<ProjectRecord> project(const std::string& id) const override { return store_->project(id); }
  std::vector<ProjectRecord> projects() const override { return store_->projects(); }
  void eraseProject(const std::string& id) override { store_->eraseProject(id); }
  void addProject(const ProjectContents& c) override { store_->addProject(c); }

  void putTag(const TagRecord& t) override { store_->putTag(t); }
  std::optional<TagRecord> tag(const std::string& p, const std::string& t) const override { return store_->tag(p, t); }
  std::vector<TagRecord> tags(const std::string& p) const override { return store_->tags(p); }
  void eraseTag(const std::string& p, const std::string& t) override { store_->eraseTag(p, t); }

  void addImages(const std::vector<NewImage>& images) override { store_->addImages(images); }
  void putImageRecords(const std::vector<ImageRecord>& r) override { store_->putImageRecords(r); }
  void putImageMetadata(const std::vector<ImageRecord>& r) override { store_->putImageMetadata(r); }
  std::optional<ImageRecord> image(const std::string& p, const std::string& i) const override {
    return store_->image(p, i);
  }
  std::vector<ImageRecord> images(const std::string& p) const override { return store_->images(p); }
  int imageCount(const std::string& p) const override { return store_->imageCount(p); }
  std::optional<std::string> newestImageId(const std::string& p) const override { return store_->newestImageId(p); }
  std::vector<ImageRecord> imagesWithHash(const std::string& p, const std::string& h) const override {
    return store_->imagesWithHash(p, h);
  }
  std::optional<std::string> imageBytes(const std::string& p, const std::string& i) const override {
    if (beforeImageRead) beforeImageRead(p, i);
    return store_->imageBytes(p, i);
  }
  std::vector<std::vector<float>> imageFeatures(const std::string& p,
                                                const std::vector<std::string>& ids) const override {
    if (beforeImageRead && !ids.empty()) beforeImageRead(p, ids.front());
    return store_->imageFeatures(p, ids);
  }
  void eraseImages(const std::string& p, const std::vector<std::string>& ids) override { store_->eraseImages(p, ids); }

  void putIteration(const IterationRecord& i) override { store_->putIteration(i); }
  void addIteration(const ProjectRecord& p, const IterationRecord& i) override { store_->addIteration(p, i); }
  std::optional<IterationRecord> iteration(const std::string& p, const std::string& i) const override {
    return store_->iteration(p, i);
  }
  std::vector<IterationRecord> iterations(const std::string& p) const override { return store_->iterations(p); }
  void eraseIteration(const std::string& p, const std::string& i) override { store_->eraseIteration(p, i); }
  std::optional<std::string> publishedIterationId(const std::string& p, const std::string& n) const override {
    return store_->publishedIterationId(p, n);
  }

  void addPrediction(const PredictionRecord& r, const std::string& bytes) override { store_->addPrediction(r, bytes); }
  std::vector<PredictionRecord> predictions(const std::string& p) const override { return store_->predictions(p); }
  std::optional<std::string> predictionImage(const std::string& p, const std::string& id) const override {
    return store_->predictionImage(p, id);
  }
  void erasePredictions(const std::string& p, const std::vector<std::string>& ids) override {
    store_->erasePredictions(p, ids);
  }

  void putProjectExport(const ProjectExportRecord& r) override { store_->putProjectExport(r); }
  std::optional<ProjectExportRecord> projectExport(const std::string& id) const override {
    return store_->projectExport(id);
  }
  void putIterationExport(const IterationExportRecord& r) override { store_->putIterationExport(r); }
  std::vector<IterationExportRecord> iterationExports(const std::string& p, const std::string& i) const override {
    return store_->iterationExports(p, i);
  }

  std::uint64_t recordStart() override { return store_->recordStart(); }

 private:
  std::unique_ptr<SqliteStore> store_ = std::make_unique<SqliteStore>();
};

}  // namespace cvmock::server::testing
