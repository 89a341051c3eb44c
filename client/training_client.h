// Client of the Custom Vision Training API v3.3: one method per spec operation, named as the official SDKs name it.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "client/client_options.h"
#include "client/connection.h"
#include "client/image_source.h"
#include "client/models.h"

namespace cvmock::client {

// The option structs are meant for designated initialisers ({.take = 10}); every member has an
// initialiser so that leaving members out does not warn under -Wextra. Unset members are not sent, so the
// service's defaults apply.

// Options of CreateProject (the service's defaults: General classification domain, Multilabel).
struct CreateProjectOptions {
  std::optional<std::string> description{};
  std::optional<std::string> domainId{};
  std::optional<ClassificationType> classificationType{};
  std::vector<ExportPlatform> targetExportPlatforms{};
};

// Options of CreateTag.
struct CreateTagOptions {
  std::optional<std::string> description{};
  std::optional<TagType> type{};
};

// Filters and paging for the image listing and counting operations. Each operation sends only the
// parameters its spec entry lists; the others are ignored.
struct ImageQuery {
  std::optional<std::string> iterationId{};
  std::vector<std::string> tagIds{};
  std::optional<TaggingStatus> taggingStatus{};
  std::optional<std::string> filter{};  // sent as $filter, OData on metadata: "shape eq 'circle' and source ne 'web'"
  std::optional<ImageOrder> orderBy{};
  std::optional<int> take{};  // service default 50, at most 256
  std::optional<int> skip{};
};

// Options of DeleteImages.
struct DeleteImagesOptions {
  bool allImages = false;      // delete every image of the project (the service answers 202)
  bool allIterations = false;  // also remove the images from trained iterations
};

// Options of TrainProject.
struct TrainProjectOptions {
  std::optional<TrainingType> trainingType{};
  std::optional<int> reservedBudgetInHours{};  // Advanced training needs at least 1
  std::optional<bool> forceTrain{};            // train even when nothing changed since the last iteration
  std::optional<std::string> notificationEmailAddress{};
  std::vector<std::string> selectedTags{};  // train on these tags only (sent as TrainingParameters)
};

// Options of QuickTestImage and QuickTestImageUrl.
struct QuickTestOptions {
  std::optional<std::string> iterationId{};  // unset: the latest trained iteration
  std::optional<bool> store{};               // the service's default is true: the result is kept as a prediction
};

// The Training API of one Custom Vision resource. Every method throws CustomVisionError when the service answers
// with an error status (after the retries ClientOptions allow), ConnectionError when it does not answer, and
// nlohmann::json::exception when a success body does not match the model (see models.h). Not safe for concurrent
// use; copying is disabled because it owns a connection.
class TrainingClient {
 public:
  // The largest image batch the create-images operations accept in one call.
  static constexpr size_t kMaxImagesPerBatch = 64;

  // endpoint: "http[s]://host[:port]" (see parseEndpoint); trainingKey goes in the Training-Key header. Throws
  // std::invalid_argument for a malformed endpoint.
  TrainingClient(const std::string& endpoint, const std::string& trainingKey, const ClientOptions& options = {});

  // Domains.
  std::vector<Domain> getDomains();
  Domain getDomain(const std::string& domainId);

  // Projects.
  Project createProject(const std::string& name, const CreateProjectOptions& options = {});
  std::vector<Project> getProjects();
  Project getProject(const std::string& projectId);
  // Sends project's name, description and writable settings; returns the project as stored.
  Project updateProject(const std::string& projectId, const Project& project);
  void deleteProject(const std::string& projectId);
  // The bytes of a stored artifact: path is relative to the project's storage, e.g. an image blob's last two
  // segments ("i-<project>/i-<image>").
  std::string getArtifact(const std::string& projectId, const std::string& path);
  ProjectExport exportProject(const std::string& projectId);
  // Starts importing an exported project; it shows status Importing until it is ready.
  Project importProject(const std::string& token, const std::optional<std::string>& name = {});

  // Images. A partly failed batch is not an error (the service answers 207): check isBatchSuccessful and each
  // result's status. Each create call takes at most kMaxImagesPerBatch images (std::invalid_argument otherwise);
  // uploadImages (batch_upload.h) splits any number.
  // Streams images as multipart/form-data (a source is read only when the upload reaches it), all tagged with
  // tagIds; progress reports the bytes sent.
  ImageCreateSummary createImagesFromData(const std::string& projectId, const std::vector<ImageSource>& images,
                                          const std::vector<std::string>& tagIds = {},
                                          const UploadProgress& progress = {});
  // The same upload as one JSON body with base64 contents; each entry may have its own tags.
  ImageCreateSummary createImagesFromFiles(const std::string& projectId, const ImageFileCreateBatch& batch);
  // The service fetches each URL.
  ImageCreateSummary createImagesFromUrls(const std::string& projectId, const ImageUrlCreateBatch& batch);
  // Copies stored predictions' images (by prediction id) into the training images.
  ImageCreateSummary createImagesFromPredictions(const std::string& projectId, const ImageIdCreateBatch& batch);
  // Sends iterationId, tagIds, taggingStatus, $filter, orderBy, take, skip.
  std::vector<Image> getImages(const std::string& projectId, const ImageQuery& query = {});
  // Sends iterationId, taggingStatus, $filter, tagIds.
  int getImageCount(const std::string& projectId, const ImageQuery& query = {});
  // Sends iterationId, tagIds, orderBy, take, skip.
  std::vector<Image> getTaggedImages(const std::string& projectId, const ImageQuery& query = {});
  // Sends iterationId, tagIds.
  int getTaggedImageCount(const std::string& projectId, const ImageQuery& query = {});
  // Sends iterationId, orderBy, take, skip.
  std::vector<Image> getUntaggedImages(const std::string& projectId, const ImageQuery& query = {});
  // Sends iterationId.
  int getUntaggedImageCount(const std::string& projectId, const ImageQuery& query = {});
  // Unknown ids are left out of the answer.
  std::vector<Image> getImagesByIds(const std::string& projectId, const std::vector<std::string>& imageIds,
                                    const std::optional<std::string>& iterationId = {});
  void deleteImages(const std::string& projectId, const std::vector<std::string>& imageIds,
                    const DeleteImagesOptions& options = {});
  // Adds or replaces the given keys on every listed image.
  ImageMetadataUpdateSummary updateImageMetadata(const std::string& projectId,
                                                 const std::vector<std::string>& imageIds,
                                                 const std::map<std::string, std::string>& metadata);
  ImageTagCreateSummary createImageTags(const std::string& projectId, const ImageTagCreateBatch& batch);
  // Removes every listed tag from every listed image.
  void deleteImageTags(const std::string& projectId, const std::vector<std::string>& imageIds,
                       const std::vector<std::string>& tagIds);

  // Object detection: regions on images and proposals for them.
  ImageRegionCreateSummary createImageRegions(const std::string& projectId, const ImageRegionCreateBatch& batch);
  void deleteImageRegions(const std::string& projectId, const std::vector<std::string>& regionIds);
  ImageRegionProposal getImageRegionProposals(const std::string& projectId, const std::string& imageId);

  // Suggested tags, from a trained iteration's predictions on untagged images.
  std::vector<SuggestedTagAndRegion> suggestTagsAndRegions(const std::string& projectId,
                                                           const std::string& iterationId,
                                                           const std::vector<std::string>& imageIds);
  SuggestedTagAndRegionQuery querySuggestedImages(const std::string& projectId, const std::string& iterationId,
                                                  const SuggestedTagAndRegionQueryToken& query);
  // Per tag id: how many untagged images have a suggestion for it at or above the filter's threshold.
  std::map<std::string, int> querySuggestedImageCount(const std::string& projectId, const std::string& iterationId,
                                                      const TagFilter& query);

  // Tags.
  Tag createTag(const std::string& projectId, const std::string& name, const CreateTagOptions& options = {});
  // iterationId: the tags as they were in that iteration; unset means the workspace.
  std::vector<Tag> getTags(const std::string& projectId, const std::optional<std::string>& iterationId = {});
  Tag getTag(const std::string& projectId, const std::string& tagId,
             const std::optional<std::string>& iterationId = {});
  // Sends tag's name, description and type; returns the tag as stored.
  Tag updateTag(const std::string& projectId, const std::string& tagId, const Tag& tag);
  void deleteTag(const std::string& projectId, const std::string& tagId);

  // Training and iterations. TrainProject answers at once with the iteration in status "Training";
  // waitForTraining (training_wait.h) polls it to the end.
  Iteration trainProject(const std::string& projectId, const TrainProjectOptions& options = {});
  std::vector<Iteration> getIterations(const std::string& projectId);
  Iteration getIteration(const std::string& projectId, const std::string& iterationId);
  // Sends iteration's name, the only member UpdateIteration changes.
  Iteration updateIteration(const std::string& projectId, const std::string& iterationId,
                            const Iteration& iteration);
  void deleteIteration(const std::string& projectId, const std::string& iterationId);
  // threshold: the probability a prediction needs to count (service default 0.5); overlapThreshold: object
  // detection's bounding-box overlap.
  IterationPerformance getIterationPerformance(const std::string& projectId, const std::string& iterationId,
                                               std::optional<double> threshold = {},
                                               std::optional<double> overlapThreshold = {});
  // Sends tagIds, orderBy, take, skip.
  std::vector<ImagePerformance> getImagePerformances(const std::string& projectId, const std::string& iterationId,
                                                     const ImageQuery& query = {});
  // Sends tagIds.
  int getImagePerformanceCount(const std::string& projectId, const std::string& iterationId,
                               const ImageQuery& query = {});

  // Exports (compact domains only); poll getExports until the platform's status is Done, then download its
  // downloadUri (download.h).
  Export exportIteration(const std::string& projectId, const std::string& iterationId, ExportPlatform platform,
                         std::optional<ExportFlavor> flavor = {});
  std::vector<Export> getExports(const std::string& projectId, const std::string& iterationId);

  // Makes the iteration reachable by the Prediction API under publishName. predictionId is the full resource id
  // of the prediction resource ("/subscriptions/.../accounts/<name>"). Returns the service's answer, true on
  // success.
  bool publishIteration(const std::string& projectId, const std::string& iterationId, const std::string& publishName,
                        const std::string& predictionId, std::optional<bool> overwrite = {});
  void unpublishIteration(const std::string& projectId, const std::string& iterationId);

  // Quick tests and stored predictions.
  ImagePrediction quickTestImage(const std::string& projectId, const ImageSource& image,
                                 const QuickTestOptions& options = {});
  ImagePrediction quickTestImageUrl(const std::string& projectId, const ImageUrl& imageUrl,
                                    const QuickTestOptions& options = {});
  // Stored predictions, newest first unless the token orders otherwise; pass the answer's token back for the next
  // page.
  PredictionQueryResult queryPredictions(const std::string& projectId, const PredictionQueryToken& query);
  void deletePrediction(const std::string& projectId, const std::vector<std::string>& ids);

 private:
  Connection connection_;
};

}  // namespace cvmock::client
