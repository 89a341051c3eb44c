// The in-memory Store: everything in process memory, gone when cvmock stops.
#pragma once

#include <memory>
#include <mutex>
#include <unordered_map>

#include "mock_server/store/store.h"

namespace cvmock::server {

class MemoryStore final : public Store {
 public:
  MemoryStore() = default;
  MemoryStore(const MemoryStore&) = delete;
  MemoryStore& operator=(const MemoryStore&) = delete;

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
  // Everything one project owns; images keep upload order with an id index beside them.
  struct ProjectState {
    ProjectRecord record;
    std::vector<TagRecord> tags;
    std::vector<NewImage> images;
    std::unordered_map<std::string, std::size_t> imageIndex;
    std::vector<IterationRecord> iterations;
    std::vector<PredictionRecord> predictions;
    std::unordered_map<std::string, std::string> predictionImages;  // by prediction id
    std::vector<IterationExportRecord> iterationExports;
  };

  ProjectState* find(const std::string& projectId);
  const ProjectState* find(const std::string& projectId) const;

  mutable std::mutex mutex_;
  std::vector<std::string> projectOrder_;
  std::unordered_map<std::string, ProjectState> projects_;
  std::unordered_map<std::string, ProjectExportRecord> projectExports_;  // by id; outlive their projects
  std::uint64_t starts_ = 0;
};

}  // namespace cvmock::server
