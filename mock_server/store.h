// The one interface behind which all state lives; the service holds the rules, the store only keeps records.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "mock_server/records.h"

namespace cvmock::server {

// An image as uploaded: its record, its bytes and its features (computed once, at upload).
struct NewImage {
  ImageRecord record;
  std::string bytes;
  std::vector<float> features;
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

  virtual void putTag(const TagRecord& tag) = 0;
  virtual std::optional<TagRecord> tag(const std::string& projectId, const std::string& tagId) const = 0;
  virtual std::vector<TagRecord> tags(const std::string& projectId) const = 0;  // in creation order
  // Also removes the tag from every image of the project.
  virtual void eraseTag(const std::string& projectId, const std::string& tagId) = 0;

  // addImages, putImageRecords, eraseImages and eraseTag advance the project's revision in the same
  // transaction when they change anything, so that "trained on this revision" can never miss a change.
  virtual void addImages(const std::vector<NewImage>& images) = 0;  // all or nothing
  virtual void putImageRecords(const std::vector<ImageRecord>& records) = 0;  // replaces existing records
  virtual std::optional<ImageRecord> image(const std::string& projectId, const std::string& imageId) const = 0;
  virtual std::vector<ImageRecord> images(const std::string& projectId) const = 0;  // in upload order
  virtual int imageCount(const std::string& projectId) const = 0;
  // The images whose contentHash is `hash` (duplicate candidates), found without reading the others.
  virtual std::vector<ImageRecord> imagesWithHash(const std::string& projectId, const std::string& hash) const = 0;
  virtual std::optional<std::string> imageBytes(const std::string& projectId, const std::string& imageId) const = 0;
  // The features of each listed image, in order; an unknown id gives an empty vector.
  virtual std::vector<std::vector<float>> imageFeatures(const std::string& projectId,
                                                       const std::vector<std::string>& imageIds) const = 0;
  virtual void eraseImages(const std::string& projectId, const std::vector<std::string>& imageIds) = 0;

  virtual void putIteration(const IterationRecord& iteration) = 0;
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

  // Counts one more start of the service on this store and returns how many came before it: 0 for a
  // fresh store. The service derives its id sequence from it, so ids never repeat across restarts.
  virtual std::uint64_t recordStart() = 0;
};

}  // namespace cvmock::server
