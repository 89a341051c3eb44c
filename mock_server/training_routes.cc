// The Training API's route table (Training v3.0 to v3.4-preview share it).
#include "mock_server/handlers.h"
#include "mock_server/routes.h"

namespace cvmock::server {

const std::vector<Route>& trainingRoutes() {
  using namespace handlers;
  static const std::vector<Route> routes = {
      {"GET", "domains", "GetDomains", getDomains},
      {"GET", "domains/{domainId}", "GetDomain", getDomain},
      {"GET", "projects", "GetProjects", getProjects},
      {"POST", "projects", "CreateProject", createProject},
      {"GET", "projects/{projectId}", "GetProject", getProject},
      {"PATCH", "projects/{projectId}", "UpdateProject", updateProject},
      {"DELETE", "projects/{projectId}", "DeleteProject", deleteProject},
      {"GET", "projects/{projectId}/artifacts", "GetArtifact", getArtifact},
      {"GET", "projects/{projectId}/export", "ExportProject", exportProject},
      {"GET", "projects/{projectId}/tags", "GetTags", getTags},
      {"POST", "projects/{projectId}/tags", "CreateTag", createTag},
      {"GET", "projects/{projectId}/tags/{tagId}", "GetTag", getTag},
      {"PATCH", "projects/{projectId}/tags/{tagId}", "UpdateTag", updateTag},
      {"DELETE", "projects/{projectId}/tags/{tagId}", "DeleteTag", deleteTag},
      {"GET", "projects/{projectId}/images", "GetImages", getImages},
      {"POST", "projects/{projectId}/images", "CreateImagesFromData", createImagesFromData},
      {"DELETE", "projects/{projectId}/images", "DeleteImages", deleteImages},
      {"POST", "projects/{projectId}/images/{imageId}/regionproposals", "GetImageRegionProposals",
       getImageRegionProposals},
      {"GET", "projects/{projectId}/images/count", "GetImageCount", getImageCount},
      {"GET", "projects/{projectId}/images/id", "GetImagesByIds", getImagesByIds},
      {"POST", "projects/{projectId}/images/files", "CreateImagesFromFiles", createImagesFromFiles},
      {"POST", "projects/{projectId}/images/urls", "CreateImagesFromUrls", createImagesFromUrls},
      {"POST", "projects/{projectId}/images/metadata", "UpdateImageMetadata", updateImageMetadata},
      {"POST", "projects/{projectId}/images/predictions", "CreateImagesFromPredictions", createImagesFromPredictions},
      {"POST", "projects/{projectId}/images/regions", "CreateImageRegions", createImageRegions},
      {"DELETE", "projects/{projectId}/images/regions", "DeleteImageRegions", deleteImageRegions},
      {"POST", "projects/{projectId}/images/suggested", "QuerySuggestedImages", querySuggestedImages},
      {"POST", "projects/{projectId}/images/suggested/count", "QuerySuggestedImageCount", querySuggestedImageCount},
      {"GET", "projects/{projectId}/images/tagged", "GetTaggedImages", getTaggedImages},
      {"GET", "projects/{projectId}/images/tagged/count", "GetTaggedImageCount", getTaggedImageCount},
      {"GET", "projects/{projectId}/images/untagged", "GetUntaggedImages", getUntaggedImages},
      {"GET", "projects/{projectId}/images/untagged/count", "GetUntaggedImageCount", getUntaggedImageCount},
      {"POST", "projects/{projectId}/images/tags", "CreateImageTags", createImageTags},
      {"DELETE", "projects/{projectId}/images/tags", "DeleteImageTags", deleteImageTags},
      {"POST", "projects/{projectId}/tagsandregions/suggestions", "SuggestTagsAndRegions", suggestTagsAndRegions},
      {"POST", "projects/{projectId}/train", "TrainProject", trainProject},
      {"GET", "projects/{projectId}/iterations", "GetIterations", getIterations},
      {"GET", "projects/{projectId}/iterations/{iterationId}", "GetIteration", getIteration},
      {"PATCH", "projects/{projectId}/iterations/{iterationId}", "UpdateIteration", updateIteration},
      {"DELETE", "projects/{projectId}/iterations/{iterationId}", "DeleteIteration", deleteIteration},
      {"GET", "projects/{projectId}/iterations/{iterationId}/export", "GetExports", getExports},
      {"POST", "projects/{projectId}/iterations/{iterationId}/export", "ExportIteration", exportIteration},
      {"GET", "projects/{projectId}/iterations/{iterationId}/performance", "GetIterationPerformance",
       getIterationPerformance},
      {"GET", "projects/{projectId}/iterations/{iterationId}/performance/images", "GetImagePerformances",
       getImagePerformances},
      {"GET", "projects/{projectId}/iterations/{iterationId}/performance/images/count", "GetImagePerformanceCount",
       getImagePerformanceCount},
      {"POST", "projects/{projectId}/iterations/{iterationId}/publish", "PublishIteration", publishIteration},
      {"DELETE", "projects/{projectId}/iterations/{iterationId}/publish", "UnpublishIteration", unpublishIteration},
      {"POST", "projects/{projectId}/quicktest/image", "QuickTestImage", quickTestImage},
      {"POST", "projects/{projectId}/quicktest/url", "QuickTestImageUrl", quickTestImageUrl},
      {"POST", "projects/{projectId}/predictions/query", "QueryPredictions", queryPredictions},
      {"DELETE", "projects/{projectId}/predictions", "DeletePrediction", deletePrediction},
      {"POST", "projects/import", "ImportProject", importProject},
  };
  return routes;
}

}  // namespace cvmock::server
