// The one interface behind which all state lives; the service holds the rules, the store only keeps records.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "mock_server/store/records.h"

namespace cvmock::server {

// An image as uploaded: its record, its bytes and its features (computed once, at upload).
struct NewImage {
  ImageRecord record;
  std::string bytes;
  std::vector<float> features;
};

// ---- Transfers: project export snapshots (ExportProject/ImportProject) and iteration exports ----

// A project as it was when ExportProject was called: an opaque snapshot (project_transfer_snapshot.h) that
// outlives the project, so that its token can still be imported after the project is deleted.
struct ProjectExportRecord {
  std::string id;  // what the token names
  std::string projectId;
  TimePoint created;
  TimePoint expires;
  std::string snapshot;
};

// One ExportIteration request; (projectId, iterationId, platform, flavor) is its key, flavor "" for none.
struct IterationExportRecord {
  std::string projectId;
  std::string iterationId;
  std::string platform;
  std::string flavor;
  ExportStatus status = ExportStatus::Exporting;
  TimePoint created;
};

// ---- End of transfers ----

// A whole project: its record, tags, images and iterations (what ImportProject writes at once).
struct ProjectContents {
  ProjectRecord project;
  std::vector<TagRecord> tags;
  std::vector<NewImage> images;
  std::vector<IterationRecord> iterations;
};

// Every method is atomic on its own and returns copies, so a reader never sees half a write.
// Lookups of something absent return nullopt / empty; erasing something absent does nothing.
// Compound rules (check, then write) are serialised by the caller.
class Store {
 public:
  virtual ~Store() = default;

  virtual void putProject(const ProjectRecord& project) = 0;  // insert or replace
  virtual std::optional<ProjectRecord> project(const std::string& projectId) const = 0;
  virtual std::vector<ProjectRecord> projects() const = 0;  // in creation order
  // Also erases the project's tags, images, iterations and predictions.
  virtual void eraseProject(const std::string& projectId) = 0;
  // Writes a new project with everything it holds, all or nothing; its revision is stored as given (the
  // images added here do not advance it).
  virtual void addProject(const ProjectContents& contents) = 0;

  virtual void putTag(const TagRecord& tag) = 0;
  virtual std::optional<TagRecord> tag(const std::string& projectId, const std::string& tagId) const = 0;
  virtual std::vector<TagRecord> tags(const std::string& projectId) const = 0;  // in creation order
  // Also removes the tag, and the regions labelled with it, from every image of the project.
  virtual void eraseTag(const std::string& projectId, const std::string& tagId) = 0;

  // addImages, putImageRecords, eraseImages and eraseTag advance the project's revision in the same
  // transaction when they change anything, so that "trained on this revision" can never miss a change.
  virtual void addImages(const std::vector<NewImage>& images) = 0;  // all or nothing
  // Replaces existing records, their tags and regions included.
  virtual void putImageRecords(const std::vector<ImageRecord>& records) = 0;
  // Replaces the metadata of existing images only; the revision stays, since metadata never changes training.
  virtual void putImageMetadata(const std::vector<ImageRecord>& records) = 0;
  virtual std::optional<ImageRecord> image(const std::string& projectId, const std::string& imageId) const = 0;
  virtual std::vector<ImageRecord> images(const std::string& projectId) const = 0;  // in upload order
  virtual int imageCount(const std::string& projectId) const = 0;
  // The last image uploaded to the project (the project's thumbnail), without reading the others.
  virtual std::optional<std::string> newestImageId(const std::string& projectId) const = 0;
  // The images whose contentHash is `hash` (duplicate candidates), found without reading the others.
  virtual std::vector<ImageRecord> imagesWithHash(const std::string& projectId, const std::string& hash) const = 0;
  virtual std::optional<std::string> imageBytes(const std::string& projectId, const std::string& imageId) const = 0;
  // The features of each listed image, in order; an unknown id gives an empty vector. Not one snapshot:
  // an image deleted during the call may be found or not (a back end may let other calls in between).
  virtual std::vector<std::vector<float>> imageFeatures(const std::string& projectId,
                                                       const std::vector<std::string>& imageIds) const = 0;
  virtual void eraseImages(const std::string& projectId, const std::vector<std::string>& imageIds) = 0;

  virtual void putIteration(const IterationRecord& iteration) = 0;
  // Puts `project` (its advanced iteration counter) and a new iteration in one transaction, so that a crash
  // leaves both or neither: no iteration number is used up by a training that never began.
  virtual void addIteration(const ProjectRecord& project, const IterationRecord& iteration) = 0;
  virtual std::optional<IterationRecord> iteration(const std::string& projectId,
                                                   const std::string& iterationId) const = 0;
  virtual std::vector<IterationRecord> iterations(const std::string& projectId) const = 0;  // in creation order
  virtual void eraseIteration(const std::string& projectId, const std::string& iterationId) = 0;
  // The id of the iteration published under publishName, without reading the iteration itself.
  virtual std::optional<std::string> publishedIterationId(const std::string& projectId,
                                                          const std::string& publishName) const = 0;

  // Keeps a prediction with the image it was made on (QueryPredictions lists it, CreateImagesFromPredictions
  // copies the image into the training images).
  virtual void addPrediction(const PredictionRecord& prediction, const std::string& imageBytes) = 0;
  virtual std::vector<PredictionRecord> predictions(const std::string& projectId) const = 0;  // in creation order
  // The image a stored prediction was made on; nullopt when the prediction is unknown or kept no image.
  virtual std::optional<std::string> predictionImage(const std::string& projectId,
                                                     const std::string& predictionId) const = 0;
  // Erases the listed predictions and their images, all or nothing.
  virtual void erasePredictions(const std::string& projectId, const std::vector<std::string>& predictionIds) = 0;

  // ---- Transfers ----
  // Project exports are kept apart from their project: erasing the project leaves them.
  virtual void putProjectExport(const ProjectExportRecord& record) = 0;  // insert or replace by id
  virtual std::optional<ProjectExportRecord> projectExport(const std::string& exportId) const = 0;
  // Insert or replace by key; ignored when the iteration is unknown. Erasing the iteration (or its project)
  // erases its exports.
  virtual void putIterationExport(const IterationExportRecord& record) = 0;
  // In the order they were first put.
  virtual std::vector<IterationExportRecord> iterationExports(const std::string& projectId,
                                                              const std::string& iterationId) const = 0;
  // ---- End of transfers ----

  // Counts one more start of the service on this store and returns how many came before it: 0 for a
  // fresh store. The service derives its id sequence from it, so ids never repeat across restarts.
  virtual std::uint64_t recordStart() = 0;
};

}  // namespace cvmock::server
