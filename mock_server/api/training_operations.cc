// The Training API's operation table (Training v3.0 to v3.4-preview share it), grouped by resource.
#include "mock_server/api/handlers.h"
#include "mock_server/api/operation.h"

namespace cvmock::server {

const ApiTable& trainingApi() {
  using namespace handlers;
  using enum BodyKind;
  using enum simulation::OperationClass;
  static const ApiTable table = {
      Api::Training,
      "training",
      {"v3.0", "v3.1", "v3.2", "v3.3", "v3.4-preview"},
      {
          {"GetDomains", "GET", "domains", getDomains, Other, None, {}},
          {"GetDomain", "GET", "domains/{domainId}", getDomain, Other, None, {}},
          {"GetProjects", "GET", "projects", getProjects, Other, None, {}},
          {"CreateProject", "POST", "projects", createProject, Other, None,
           {"name", "description", "domainId", "classificationType", "targetExportPlatforms"}},
          {"GetProject", "GET", "projects/{projectId}", getProject, Other, None, {}},
          {"UpdateProject", "PATCH", "projects/{projectId}", updateProject, Other, Json, {}},
          {"DeleteProject", "DELETE", "projects/{projectId}", deleteProject, Other, None, {}},
          {"GetArtifact", "GET", "projects/{projectId}/artifacts", getArtifact, Other, None, {"path"}},
          {"ExportProject", "GET", "projects/{projectId}/export", exportProject, Other, None, {}},
          {"ImportProject", "POST", "projects/import", importProject, Other, None, {"token", "name"}},

          {"GetTags", "GET", "projects/{projectId}/tags", getTags, Other, None, {"iterationId"}},
          {"CreateTag", "POST", "projects/{projectId}/tags", createTag, Other, None, {"name", "description", "type"}},
          {"GetTag", "GET", "projects/{projectId}/tags/{tagId}", getTag, Other, None, {"iterationId"}},
          {"UpdateTag", "PATCH", "projects/{projectId}/tags/{tagId}", updateTag, Other, Json, {}},
          {"DeleteTag", "DELETE", "projects/{projectId}/tags/{tagId}", deleteTag, Other, None, {}},

          {"GetImages", "GET", "projects/{projectId}/images", getImages, Other, None,
           {"iterationId", "tagIds", "taggingStatus", "$filter", "orderBy", "take", "skip"}},
          {"CreateImagesFromData", "POST", "projects/{projectId}/images", createImagesFromData, Other, Images,
           {"tagIds"}},
          {"DeleteImages", "DELETE", "projects/{projectId}/images", deleteImages, Other, None,
           {"imageIds", "allImages", "allIterations"}},
          {"GetImageCount", "GET", "projects/{projectId}/images/count", getImageCount, Other, None,
           {"iterationId", "taggingStatus", "$filter", "tagIds"}},
          {"GetImagesByIds", "GET", "projects/{projectId}/images/id", getImagesByIds, Other, None,
           {"imageIds", "iterationId"}},
          {"CreateImagesFromFiles", "POST", "projects/{projectId}/images/files", createImagesFromFiles, Other,
           JsonImages, {}},
          {"CreateImagesFromUrls", "POST", "projects/{projectId}/images/urls", createImagesFromUrls, Other, Json, {}},
          {"CreateImagesFromPredictions", "POST", "projects/{projectId}/images/predictions",
           createImagesFromPredictions, Other, Json, {}},
          {"UpdateImageMetadata", "POST", "projects/{projectId}/images/metadata", updateImageMetadata, Other, Json,
           {"imageIds"}},
          {"GetTaggedImages", "GET", "projects/{projectId}/images/tagged", getTaggedImages, Other, None,
           {"iterationId", "tagIds", "orderBy", "take", "skip"}},
          {"GetTaggedImageCount", "GET", "projects/{projectId}/images/tagged/count", getTaggedImageCount, Other, None,
           {"iterationId", "tagIds"}},
          {"GetUntaggedImages", "GET", "projects/{projectId}/images/untagged", getUntaggedImages, Other, None,
           {"iterationId", "orderBy", "take", "skip"}},
          {"GetUntaggedImageCount", "GET", "projects/{projectId}/images/untagged/count", getUntaggedImageCount, Other,
           None, {"iterationId"}},
          {"CreateImageTags", "POST", "projects/{projectId}/images/tags", createImageTags, Other, Json, {}},
          {"DeleteImageTags", "DELETE", "projects/{projectId}/images/tags", deleteImageTags, Other, None,
           {"imageIds", "tagIds"}},

          {"CreateImageRegions", "POST", "projects/{projectId}/images/regions", createImageRegions, Other, Json, {}},
          {"DeleteImageRegions", "DELETE", "projects/{projectId}/images/regions", deleteImageRegions, Other, None,
           {"regionIds"}},
          {"GetImageRegionProposals", "POST", "projects/{projectId}/images/{imageId}/regionproposals",
           getImageRegionProposals, Other, None, {}},

          {"SuggestTagsAndRegions", "POST", "projects/{projectId}/tagsandregions/suggestions", suggestTagsAndRegions,
           Other, None, {"iterationId", "imageIds"}},
          {"QuerySuggestedImages", "POST", "projects/{projectId}/images/suggested", querySuggestedImages, Other, Json,
           {"iterationId"}},
          {"QuerySuggestedImageCount", "POST", "projects/{projectId}/images/suggested/count",
           querySuggestedImageCount, Other, Json, {"iterationId"}},

          {"TrainProject", "POST", "projects/{projectId}/train", trainProject, Train, Json,
           {"trainingType", "reservedBudgetInHours", "forceTrain", "notificationEmailAddress"}},
          {"GetIterations", "GET", "projects/{projectId}/iterations", getIterations, Other, None, {}},
          {"GetIteration", "GET", "projects/{projectId}/iterations/{iterationId}", getIteration, Other, None, {}},
          {"UpdateIteration", "PATCH", "projects/{projectId}/iterations/{iterationId}", updateIteration, Other, Json,
           {}},
          {"DeleteIteration", "DELETE", "projects/{projectId}/iterations/{iterationId}", deleteIteration, Other, None,
           {}},
          {"GetIterationPerformance", "GET", "projects/{projectId}/iterations/{iterationId}/performance",
           getIterationPerformance, Other, None, {"threshold", "overlapThreshold"}},
          {"GetImagePerformances", "GET", "projects/{projectId}/iterations/{iterationId}/performance/images",
           getImagePerformances, Other, None, {"tagIds", "orderBy", "take", "skip"}},
          {"GetImagePerformanceCount", "GET", "projects/{projectId}/iterations/{iterationId}/performance/images/count",
           getImagePerformanceCount, Other, None, {"tagIds"}},
          {"GetExports", "GET", "projects/{projectId}/iterations/{iterationId}/export", getExports, Other, None, {}},
          {"ExportIteration", "POST", "projects/{projectId}/iterations/{iterationId}/export", exportIteration, Other,
           None, {"platform", "flavor"}},

          {"PublishIteration", "POST", "projects/{projectId}/iterations/{iterationId}/publish", publishIteration,
           Other, None, {"publishName", "predictionId", "overwrite"}},
          {"UnpublishIteration", "DELETE", "projects/{projectId}/iterations/{iterationId}/publish",
           unpublishIteration, Other, None, {}},
          {"QuickTestImage", "POST", "projects/{projectId}/quicktest/image", quickTestImage, Other, PredictionImage,
           {"iterationId", "store"}},
          {"QuickTestImageUrl", "POST", "projects/{projectId}/quicktest/url", quickTestImageUrl, Other, Json,
           {"iterationId", "store"}},

          {"QueryPredictions", "POST", "projects/{projectId}/predictions/query", queryPredictions, Other, Json, {}},
          {"DeletePrediction", "DELETE", "projects/{projectId}/predictions", deletePrediction, Other, None, {"ids"}},
      },
  };
  return table;
}

}  // namespace cvmock::server
