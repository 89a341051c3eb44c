// The rules of the Training and Prediction APIs: projects, tags, images, training, publishing, prediction.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "mock_server/ids.h"
#include "mock_server/metadata_filter.h"
#include "mock_server/prediction_query.h"
#include "mock_server/service_config.h"
#include "mock_server/simulation/simulation.h"
#include "mock_server/store.h"
#include "mock_server/suggested_tags.h"
#include "mock_server/training_queue.h"
#include "mock_server/views.h"
#include "trainer/features.h"
#include "trainer/model.h"

namespace cvmock::server {

struct ProjectCreate {
  std::string name;
  std::optional<std::string> description;
  std::optional<std::string> domainId;
  std::optional<std::string> classificationType;  // "Multiclass" | "Multilabel"
  std::vector<std::string> targetExportPlatforms;
};

// A PATCH body: only the fields present change.
struct ProjectUpdate {
  std::optional<std::string> name;
  std::optional<std::string> description;
  std::optional<std::string> domainId;
  std::optional<std::string> classificationType;
};

struct TagCreate {
  std::string name;
  std::optional<std::string> description;
  std::optional<std::string> type;  // "Regular" | "Negative" | "GeneralProduct"
};

struct TagUpdate {
  std::optional<std::string> name;
  std::optional<std::string> description;
  std::optional<std::string> type;
};

// One image of an upload batch. `source` is what the answer's sourceUrl echoes (a file name or URL).
struct ImageUpload {
  std::string source;
  std::string bytes;
  std::vector<std::string> tagIds;  // normalised GUIDs
  // A URL operation's per-image status (ErrorSource, ErrorImageSize) when its image could not be fetched.
  std::string fetchFailure;
  std::map<std::string, std::string> metadata;  // the batch's, checked against the limits by the handler
};

enum class TaggingStatus { All, Tagged, Untagged };
enum class ImageOrder { Newest, Oldest };

struct ImageQuery {
  TaggingStatus taggingStatus = TaggingStatus::All;
  std::vector<std::string> tagIds;  // any of them; empty means no tag filter
  ImageOrder order = ImageOrder::Newest;
  std::optional<MetadataFilter> filter;  // `$filter`
  int take = 50;
  int skip = 0;
};

struct TrainRequest {
  std::string trainingType = "Regular";  // "Regular" | "Advanced"
  int reservedBudgetInHours = 0;
  bool forceTrain = false;
  // Only checked: cvmock sends no mail.
  std::optional<std::string> notificationEmailAddress;
  std::vector<std::string> selectedTags;  // empty means every tag
};

// Thread-safe. Writes that check and then change state are serialised; reads run in parallel.
// Every failure is a ServiceError from errors.h.
class TrainingService {
 public:
  // `simulation` holds the tier quotas and the training lifecycle it consults; nullptr makes a default
  // one (unlimited tier, background training).
  TrainingService(ServiceConfig config, std::unique_ptr<Store> store,
                  std::shared_ptr<simulation::Simulation> simulation = nullptr);
  ~TrainingService();
  TrainingService(const TrainingService&) = delete;
  TrainingService& operator=(const TrainingService&) = delete;

  const ServiceConfig& config() const { return config_; }
  // How many times a service was started on this store's state before this one (0 on fresh state).
  std::uint64_t restarts() const { return restarts_; }

  // Projects
  ProjectRecord createProject(const ProjectCreate& request);
  std::vector<ProjectRecord> getProjects() const;
  ProjectRecord getProject(const std::string& projectId) const;
  ProjectRecord updateProject(const std::string& projectId, const ProjectUpdate& update);
  void deleteProject(const std::string& projectId);
  // The image whose thumbnail stands for the project (the newest); none while the project has no image.
  std::optional<std::string> projectThumbnailImageId(const std::string& projectId) const;

  // Tags
  TagView createTag(const std::string& projectId, const TagCreate& request);
  std::vector<TagView> getTags(const std::string& projectId, const std::optional<std::string>& iterationId) const;
  TagView getTag(const std::string& projectId, const std::string& tagId,
                 const std::optional<std::string>& iterationId) const;
  TagView updateTag(const std::string& projectId, const std::string& tagId, const TagUpdate& update);
  void deleteTag(const std::string& projectId, const std::string& tagId);

  // Images
  ImageCreateSummaryView createImages(const std::string& projectId, std::vector<ImageUpload> uploads);
  std::vector<ImageView> getImages(const std::string& projectId, const ImageQuery& query) const;
  int countImages(const std::string& projectId, const ImageQuery& query) const;
  // The listed images that exist, oldest first (as the service answers, whatever the order asked); at most
  // maxTake ids.
  std::vector<ImageView> getImagesByIds(const std::string& projectId, const std::vector<std::string>& imageIds) const;
  void deleteImages(const std::string& projectId, const std::vector<std::string>& imageIds);
  void deleteAllImages(const std::string& projectId);
  ImageTagCreateSummaryView createImageTags(const std::string& projectId, const std::vector<ImageTagPair>& pairs);
  void deleteImageTags(const std::string& projectId, const std::vector<std::string>& imageIds,
                       const std::vector<std::string>& tagIds);
  std::optional<std::string> imageBytes(const std::string& projectId, const std::string& imageId) const;
  // Sets the given keys on each listed image, keeping its other keys; an image that would exceed the pair
  // limit is left as it was (ErrorLimitExceed), an unknown one is ErrorImageNotFound.
  ImageMetadataUpdateSummaryView updateImageMetadata(const std::string& projectId,
                                                     const std::vector<std::string>& imageIds,
                                                     const std::map<std::string, std::string>& metadata);

  // Iterations
  // Advanced training needs reservedBudgetInHours >= 1; Regular training ignores the budget (recorded as 0).
  IterationRecord trainProject(const std::string& projectId, TrainRequest request);
  std::vector<IterationRecord> getIterations(const std::string& projectId) const;
  IterationRecord getIteration(const std::string& projectId, const std::string& iterationId) const;
  IterationRecord updateIteration(const std::string& projectId, const std::string& iterationId,
                                  const std::optional<std::string>& name);
  void deleteIteration(const std::string& projectId, const std::string& iterationId);
  IterationPerformanceView getIterationPerformance(const std::string& projectId, const std::string& iterationId,
                                                   double threshold) const;
  std::vector<ImagePerformanceView> getImagePerformances(const std::string& projectId,
                                                         const std::string& iterationId,
                                                         const std::vector<std::string>& tagIds, int take,
                                                         int skip) const;
  int countImagePerformances(const std::string& projectId, const std::string& iterationId,
                             const std::vector<std::string>& tagIds) const;
  void publishIteration(const std::string& projectId, const std::string& iterationId, const std::string& publishName,
                        const std::string& predictionId, bool overwrite);
  void unpublishIteration(const std::string& projectId, const std::string& iterationId);

  // Predictions. `predictionId` is the request id the response carries (the service makes them equal).
  PredictionRecord quickTestImage(const std::string& projectId, const std::optional<std::string>& iterationId,
                                  const std::string& bytes, bool store, const std::string& predictionId);
  PredictionRecord classifyImage(const std::string& projectId, const std::string& publishedName,
                                 const std::string& bytes, const std::optional<std::string>& application,
                                 bool store, const std::string& predictionId);

  // Stored predictions (QueryPredictions, DeletePrediction, CreateImagesFromPredictions).
  PredictionQueryView queryPredictions(const std::string& projectId, const PredictionQuery& query) const;
  void deletePredictions(const std::string& projectId, const std::vector<std::string>& predictionIds);
  // A prediction that is not stored is ErrorSource in the answer; the rest is createImages.
  ImageCreateSummaryView createImagesFromPredictions(const std::string& projectId,
                                                     std::vector<PredictionImageEntry> entries);
  std::optional<std::string> predictionImageBytes(const std::string& projectId, const std::string& predictionId) const;

  // Suggested tags (the portal's Smart Labeler), from a completed iteration's predictions on stored features.
  std::vector<SuggestedTagsView> suggestTags(const std::string& projectId, const std::string& iterationId,
                                             const std::vector<std::string>& imageIds) const;
  SuggestedTagQueryView querySuggestedImages(const std::string& projectId, const std::string& iterationId,
                                             const SuggestedTagQuery& query) const;
  // For each asked tag (every trained tag when none is asked): the untagged images suggested it at or above
  // the threshold.
  std::map<std::string, int> countSuggestedImages(const std::string& projectId, const std::string& iterationId,
                                                  const std::vector<std::string>& tagIds, double threshold) const;

  // Object detection is not built: its operations are refused as the service refuses them for a
  // classification project, after the checks that come first (project, then publish name if given).
  [[noreturn]] void refuseDetection(const std::string& projectId, const std::optional<std::string>& publishedName,
                                    const std::string& operationId) const;

  // ---- Transfers: project export/import, artifacts, iteration exports ----
  // (project_transfer_operations.cc, export_operations.cc; docs/EXPORT.md)
  // Freezes the project as it is now (settings, tags, images, completed iterations) in a snapshot that
  // outlives it; its token expires after 24 hours, as the service's does.
  ProjectExportView exportProject(const std::string& projectId);
  // Recreates the snapshot a token names as a new project, synchronously; its iterations come along,
  // unpublished. `name` defaults to the source's name with " (n)", the first n not taken.
  // A malformed, unknown or expired token is BadRequestInvalidImportToken.
  ProjectRecord importProject(const std::string& token, const std::optional<std::string>& name);
  // The bytes of one of the project's artifacts: "i-{project}/{i|t}-{image}" (an image) or an export's
  // "m-{project}/{iteration}.{platform}[.{flavor}].zip" once Done. Anything else, including another
  // project's path, is BadRequestInvalidArtifactUri.
  std::string getArtifact(const std::string& projectId, const std::string& relativePath) const;
  // An export archive by its artifact path alone (the download URI); nullopt when there is none.
  std::optional<std::string> exportDownload(const std::string& relativePath) const;
  // Starts an export of a completed iteration trained on a compact domain; answered with status Exporting.
  IterationExportRecord exportIteration(const std::string& projectId, const std::string& iterationId,
                                        const std::string& platform, const std::optional<std::string>& flavor);
  // The iteration's exports, first requested first. An export reads Exporting until the first GetExports
  // after it, which (like the service ~2 s later) finds it Done.
  std::vector<IterationExportRecord> getExports(const std::string& projectId, const std::string& iterationId);
  // ---- End of transfers ----

  // Blocks until no training is queued or running; for tests and clean shutdown.
  void waitForIdle();

  // Simulation controls (the admin API).
  simulation::Simulation& simulation() { return *simulation_; }
  // Stores every finished training the lifecycle holds back, hung ones included; returns how many.
  int advanceTrainings();
  // Deletes every project with all it holds, and the simulation's runtime state.
  void resetState();

 private:
  ProjectRecord requireProject(const std::string& projectId) const;
  TagRecord requireTag(const std::string& projectId, const std::string& tagId) const;
  IterationRecord requireIteration(const std::string& projectId, const std::string& iterationId) const;
  std::vector<ImageView> withTagNames(const std::string& projectId, std::vector<ImageRecord> images) const;
  ImageCreateResultView acceptUpload(const ProjectRecord& project, const std::vector<TagRecord>& tags,
                                     ImageUpload upload, std::vector<NewImage>& accepted,
                                     std::unordered_map<std::string, std::string>& hashes);
  // What a prediction needs of a completed iteration. A trained iteration never changes, so it is built
  // once per iteration id and kept until the iteration or its project is deleted.
  struct PredictionModel {
    std::string projectId;
    std::string iterationId;
    std::vector<TrainedTag> tags;
    trainer::Model model;
  };
  PredictionRecord predict(const PredictionModel& model, const std::string& bytes, const std::string& predictionId);
  // The suggestions of a completed iteration for the listed images, from their stored features.
  std::vector<SuggestedTagsView> suggestFor(const IterationRecord& iteration, std::vector<ImageRecord> images) const;
  std::shared_ptr<const PredictionModel> loadModel(const IterationRecord& iteration) const;
  // The cached model when there is one, without reading the iteration (and its holdout) from the store.
  std::shared_ptr<const PredictionModel> loadModel(const std::string& projectId, const std::string& iterationId) const;
  // A training that was running when the process died has no worker any more: it becomes Failed.
  void failInterruptedTrainings();
  void runTraining(const std::string& projectId, const std::string& iterationId, std::vector<std::string> imageIds,
                   std::vector<std::vector<int>> labels, simulation::TrainingOutcome outcome);
  // Before a read of iterations: lets the lifecycle count the read and stores the results now due.
  void settleTrainings(const std::string& projectId, const std::string& iterationId) const;
  void storeSettled(const std::vector<IterationRecord>& settled) const;

  ServiceConfig config_;
  std::unique_ptr<Store> store_;
  std::uint64_t restarts_;
  IdGenerator ids_;
  mutable std::shared_mutex rules_;  // held exclusively by check-then-write operations
  mutable std::mutex modelsMutex_;
  mutable std::unordered_map<std::string, std::shared_ptr<const PredictionModel>> models_;  // by iteration id
  std::shared_ptr<simulation::Simulation> simulation_;
  mutable TrainingQueue queue_;  // last: its workers stop before the state they use is destroyed
};

}  // namespace cvmock::server
