// Client of the Custom Vision Training API v3.3, one method per spec operation.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "client/connection.h"
#include "client/image_file.h"
#include "client/models.h"

namespace cvmock::client {

// The option structs are meant for designated initialisers ({.take = 10}); every member has an
// initialiser so that leaving members out does not warn under -Wextra.

// Options of CreateProject; unset ones are not sent, so the service's defaults apply
// (General classification domain, Multilabel).
struct CreateProjectOptions {
  std::optional<std::string> description{};
  std::optional<std::string> domainId{};
  std::optional<std::string> classificationType{};  // "Multiclass" or "Multilabel"
};

// Options of CreateTag.
struct CreateTagOptions {
  std::optional<std::string> description{};
  std::optional<std::string> type{};  // "Regular", "Negative" or "GeneralProduct"
};

// Filters and paging for the image listing and counting operations. Each operation sends only the
// parameters its spec entry lists; the others are ignored.
struct ImageQuery {
  std::optional<std::string> iterationId{};
  std::vector<std::string> tagIds{};
  std::optional<std::string> taggingStatus{};  // "All", "Tagged" or "Untagged"
  std::optional<std::string> filter{};         // sent as $filter
  std::optional<std::string> orderBy{};        // "Newest" or "Oldest"
  std::optional<int> take{};                   // service default 50, at most 256
  std::optional<int> skip{};
};

// Options of DeleteImages.
struct DeleteImagesOptions {
  bool allImages = false;      // delete every image of the project (the service answers 202)
  bool allIterations = false;  // also remove the images from trained iterations
};

// Options of TrainProject.
struct TrainProjectOptions {
  std::optional<std::string> trainingType{};  // "Regular" or "Advanced"
  std::optional<int> reservedBudgetInHours{};
  std::optional<bool> forceTrain{};  // train even when nothing changed since the last iteration
};

// The Training API of one Custom Vision resource. Every method throws CustomVisionError when the
// service answers with an error status, ConnectionError when it does not answer, and
// nlohmann::json::exception when a success body does not match the model (see models.h).
// Not safe for concurrent use; copying is disabled because it owns a connection.
class TrainingClient {
 public:
  // The largest image batch CreateImagesFromData and CreateImagesFromFiles accept in one call.
  static constexpr size_t kMaxImagesPerBatch = 64;

  // endpoint: "http://host:port" (see parseEndpoint); trainingKey goes in the Training-Key header.
  TrainingClient(const std::string& endpoint, const std::string& trainingKey);

  std::vector<Domain> getDomains();
  Domain getDomain(const std::string& domainId);

  Project createProject(const std::string& name, const CreateProjectOptions& options = {});
  std::vector<Project> getProjects();
  Project getProject(const std::string& projectId);
  // Sends project's name, description and settings; returns the project as stored.
  Project updateProject(const std::string& projectId, const Project& project);
  void deleteProject(const std::string& projectId);

  Tag createTag(const std::string& projectId, const std::string& name,
                const CreateTagOptions& options = {});
  // iterationId: the tags as they were in that iteration; unset means the workspace.
  std::vector<Tag> getTags(const std::string& projectId,
                           const std::optional<std::string>& iterationId = {});
  Tag getTag(const std::string& projectId, const std::string& tagId,
             const std::optional<std::string>& iterationId = {});
  // Sends tag's name, description and type; returns the tag as stored.
  Tag updateTag(const std::string& projectId, const std::string& tagId, const Tag& tag);
  void deleteTag(const std::string& projectId, const std::string& tagId);

  // Uploads images as multipart/form-data, all tagged with tagIds. Throws std::invalid_argument
  // for more than kMaxImagesPerBatch images. A partly failed batch is not an error (the service
  // answers 207): check isBatchSuccessful and each result's status.
  ImageCreateSummary createImagesFromData(const std::string& projectId,
                                          const std::vector<ImageFile>& images,
                                          const std::vector<std::string>& tagIds = {});
  // The same upload as one JSON body with base64 contents; each entry has its own tags, and
  // tagIds apply to all. Same limit and 207 behaviour as createImagesFromData.
  ImageCreateSummary createImagesFromFiles(const std::string& projectId,
                                           const std::vector<ImageFileCreateEntry>& images,
                                           const std::vector<std::string>& tagIds = {});
  ImageTagCreateSummary createImageTags(const std::string& projectId,
                                        const std::vector<ImageTagCreateEntry>& tags);
  // Removes every listed tag from every listed image.
  void deleteImageTags(const std::string& projectId, const std::vector<std::string>& imageIds,
                       const std::vector<std::string>& tagIds);

  // Sends iterationId, tagIds, orderBy, take, skip.
  std::vector<Image> getTaggedImages(const std::string& projectId, const ImageQuery& query = {});
  // Sends iterationId, orderBy, take, skip.
  std::vector<Image> getUntaggedImages(const std::string& projectId, const ImageQuery& query = {});
  // Sends iterationId, tagIds, taggingStatus, $filter, orderBy, take, skip.
  std::vector<Image> getImages(const std::string& projectId, const ImageQuery& query = {});
  // Sends iterationId, taggingStatus, $filter, tagIds.
  int getImageCount(const std::string& projectId, const ImageQuery& query = {});
  // Sends iterationId, tagIds.
  int getTaggedImageCount(const std::string& projectId, const ImageQuery& query = {});
  // Sends iterationId.
  int getUntaggedImageCount(const std::string& projectId, const ImageQuery& query = {});
  void deleteImages(const std::string& projectId, const std::vector<std::string>& imageIds,
                    const DeleteImagesOptions& options = {});

  // Queues training and returns the new iteration, still "Training"; see waitForTraining().
  Iteration trainProject(const std::string& projectId, const TrainProjectOptions& options = {});
  std::vector<Iteration> getIterations(const std::string& projectId);
  Iteration getIteration(const std::string& projectId, const std::string& iterationId);
  // Renames the iteration to iteration.name; returns it as stored.
  Iteration updateIteration(const std::string& projectId, const std::string& iterationId,
                            const Iteration& iteration);
  void deleteIteration(const std::string& projectId, const std::string& iterationId);

  // threshold: the probability above which a tag counts as predicted (service default 0.5).
  IterationPerformance getIterationPerformance(const std::string& projectId,
                                               const std::string& iterationId,
                                               std::optional<double> threshold = {});
  // Sends tagIds, orderBy, take, skip.
  std::vector<ImagePerformance> getImagePerformances(const std::string& projectId,
                                                     const std::string& iterationId,
                                                     const ImageQuery& query = {});
  // Sends tagIds.
  int getImagePerformanceCount(const std::string& projectId, const std::string& iterationId,
                               const ImageQuery& query = {});

  // Makes the iteration reachable by the Prediction API under publishName. predictionId is the full
  // resource id of the prediction resource ("/subscriptions/.../accounts/<name>"). Returns the
  // service's answer, true on success.
  bool publishIteration(const std::string& projectId, const std::string& iterationId,
                        const std::string& publishName, const std::string& predictionId);
  void unpublishIteration(const std::string& projectId, const std::string& iterationId);

  // Classifies one image with iterationId, or the latest trained iteration when unset; the service
  // stores the result as a prediction.
  ImagePrediction quickTestImage(const std::string& projectId, const std::string& imageBytes,
                                 const std::optional<std::string>& iterationId = {});

 private:
  Connection connection_;
};

}  // namespace cvmock::client
