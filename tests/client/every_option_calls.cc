// Every method called with everything set: all query options, full bodies, read-only model members filled in.
#include "tests/client/every_option_calls.h"

namespace cvmock::client::testing {
namespace {

using Call = std::function<void(Clients&)>;

const ImageQuery kFullQuery{.iterationId = "it", .tagIds = {"t1", "t2"}, .taggingStatus = TaggingStatus::Tagged,
                            .filter = "shape eq 'circle'", .orderBy = ImageOrder::Oldest, .take = 10, .skip = 5};
const std::map<std::string, std::string> kMetadata{{"source", "camera"}};
const Region kRegion{.tagId = "t1", .left = 0.1, .top = 0.2, .width = 0.3, .height = 0.4};
const ImageUrl kUrl{.url = "http://example.com/a.jpg"};
const ImageFile kImage{"image bytes", "a.jpg"};
const std::map<std::string, bool> kAugmentation{{"rotation", true}};

// A project as GetProject returns it: every member set, read-only ones too.
Project fullProject() {
  return {.id = "p", .name = "n", .description = "d",
          .settings = {.domainId = "d", .classificationType = ClassificationType::Multilabel,
                       .targetExportPlatforms = std::vector{ExportPlatform::ONNX}, .useNegativeSet = true,
                       .detectionParameters = "x",
                       .imageProcessingSettings = ImageProcessingSettings{.augmentationMethods = kAugmentation}},
          .created = "c", .lastModified = "l", .thumbnailUri = "u", .drModeEnabled = false,
          .status = ProjectStatus::Succeeded};
}

Iteration fullIteration() {
  return {.id = "it", .name = "renamed", .status = "Completed", .created = "c", .lastModified = "l",
          .trainedAt = "t", .projectId = "p", .exportable = true, .exportableTo = std::vector{ExportPlatform::CoreML},
          .domainId = "d", .classificationType = ClassificationType::Multiclass,
          .trainingType = TrainingType::Advanced, .reservedBudgetInHours = 1, .trainingTimeInMinutes = 3,
          .publishName = "pub", .originalPublishResourceId = "r"};
}

std::map<std::string, Call> trainingCalls() {
  return {
      {"GetDomains", [](Clients& c) { c.training.getDomains(); }},
      {"GetDomain", [](Clients& c) { c.training.getDomain("d"); }},
      {"GetProjects", [](Clients& c) { c.training.getProjects(); }},
      {"CreateProject",
       [](Clients& c) {
         c.training.createProject("n", {.description = "d", .domainId = "d",
                                        .classificationType = ClassificationType::Multiclass,
                                        .targetExportPlatforms = {ExportPlatform::CoreML, ExportPlatform::ONNX}});
       }},
      {"GetProject", [](Clients& c) { c.training.getProject("p"); }},
      {"DeleteProject", [](Clients& c) { c.training.deleteProject("p"); }},
      {"UpdateProject", [](Clients& c) { c.training.updateProject("p", fullProject()); }},
      {"GetArtifact", [](Clients& c) { c.training.getArtifact("p", "i-p/i-x"); }},
      {"ExportProject", [](Clients& c) { c.training.exportProject("p"); }},
      {"ImportProject", [](Clients& c) { c.training.importProject("token", std::string("copy")); }},
      {"GetImages", [](Clients& c) { c.training.getImages("p", kFullQuery); }},
      {"GetImageCount", [](Clients& c) { c.training.getImageCount("p", kFullQuery); }},
      {"GetTaggedImages", [](Clients& c) { c.training.getTaggedImages("p", kFullQuery); }},
      {"GetTaggedImageCount", [](Clients& c) { c.training.getTaggedImageCount("p", kFullQuery); }},
      {"GetUntaggedImages", [](Clients& c) { c.training.getUntaggedImages("p", kFullQuery); }},
      {"GetUntaggedImageCount", [](Clients& c) { c.training.getUntaggedImageCount("p", kFullQuery); }},
      {"GetImagesByIds", [](Clients& c) { c.training.getImagesByIds("p", {"i1", "i2"}, std::string("it")); }},
      {"CreateImagesFromData", [](Clients& c) { c.training.createImagesFromData("p", {kImage}, {"t1", "t2"}); }},
      {"CreateImagesFromFiles",
       [](Clients& c) {
         c.training.createImagesFromFiles(
             "p", {.images = {{.name = "a.jpg", .contents = "x", .tagIds = {"t1"}, .regions = {kRegion}}},
                   .tagIds = {"t2"}, .metadata = kMetadata});
       }},
      {"CreateImagesFromUrls",
       [](Clients& c) {
         c.training.createImagesFromUrls(
             "p", {.images = {{.url = kUrl.url, .tagIds = {"t1"}, .regions = {kRegion}}}, .tagIds = {"t2"},
                   .metadata = kMetadata});
       }},
      {"CreateImagesFromPredictions",
       [](Clients& c) {
         c.training.createImagesFromPredictions(
             "p", {.images = {{.id = "i1", .tagIds = {"t1"}, .regions = {kRegion}}}, .tagIds = {"t2"},
                   .metadata = kMetadata});
       }},
      {"DeleteImages",
       [](Clients& c) { c.training.deleteImages("p", {"i1"}, {.allImages = true, .allIterations = true}); }},
      {"UpdateImageMetadata", [](Clients& c) { c.training.updateImageMetadata("p", {"i1", "i2"}, kMetadata); }},
      {"CreateImageTags",
       [](Clients& c) { c.training.createImageTags("p", {.tags = {{.imageId = "i1", .tagId = "t1"}}}); }},
      {"DeleteImageTags", [](Clients& c) { c.training.deleteImageTags("p", {"i1"}, {"t1"}); }},
      {"CreateImageRegions",
       [](Clients& c) {
         c.training.createImageRegions(
             "p", {.regions = {{.imageId = "i1", .tagId = "t1", .left = 0.1, .top = 0.2, .width = 0.3,
                                .height = 0.4}}});
       }},
      {"DeleteImageRegions", [](Clients& c) { c.training.deleteImageRegions("p", {"r1", "r2"}); }},
      {"GetImageRegionProposals", [](Clients& c) { c.training.getImageRegionProposals("p", "i1"); }},
      {"SuggestTagsAndRegions", [](Clients& c) { c.training.suggestTagsAndRegions("p", "it", {"i1", "i2"}); }},
      {"QuerySuggestedImages",
       [](Clients& c) {
         c.training.querySuggestedImages("p", "it",
                                         {.tagIds = {"t1"}, .threshold = 0.5, .session = "s", .continuation = "c",
                                          .maxCount = 10, .sortBy = SuggestionSortBy::UncertaintyDescending});
       }},
      {"QuerySuggestedImageCount",
       [](Clients& c) { c.training.querySuggestedImageCount("p", "it", {.tagIds = {"t1"}, .threshold = 0.5}); }},
      {"CreateTag",
       [](Clients& c) { c.training.createTag("p", "n", {.description = "d", .type = TagType::Negative}); }},
      {"GetTags", [](Clients& c) { c.training.getTags("p", std::string("it")); }},
      {"GetTag", [](Clients& c) { c.training.getTag("p", "t1", std::string("it")); }},
      {"UpdateTag",
       [](Clients& c) {
         c.training.updateTag("p", "t1",
                              {.id = "t1", .name = "n", .description = "d", .type = TagType::Regular,
                               .imageCount = 4});
       }},
      {"DeleteTag", [](Clients& c) { c.training.deleteTag("p", "t1"); }},
      {"TrainProject",
       [](Clients& c) {
         c.training.trainProject("p", {.trainingType = TrainingType::Advanced, .reservedBudgetInHours = 1,
                                       .forceTrain = true, .notificationEmailAddress = "a@example.com",
                                       .selectedTags = {"t1"}});
       }},
      {"GetIterations", [](Clients& c) { c.training.getIterations("p"); }},
      {"GetIteration", [](Clients& c) { c.training.getIteration("p", "it"); }},
      {"UpdateIteration", [](Clients& c) { c.training.updateIteration("p", "it", fullIteration()); }},
      {"DeleteIteration", [](Clients& c) { c.training.deleteIteration("p", "it"); }},
      {"GetIterationPerformance", [](Clients& c) { c.training.getIterationPerformance("p", "it", 0.5, 0.3); }},
      {"GetImagePerformances", [](Clients& c) { c.training.getImagePerformances("p", "it", kFullQuery); }},
      {"GetImagePerformanceCount", [](Clients& c) { c.training.getImagePerformanceCount("p", "it", kFullQuery); }},
      {"ExportIteration",
       [](Clients& c) { c.training.exportIteration("p", "it", ExportPlatform::ONNX, ExportFlavor::ONNX12); }},
      {"GetExports", [](Clients& c) { c.training.getExports("p", "it"); }},
      {"PublishIteration", [](Clients& c) { c.training.publishIteration("p", "it", "pub", "resource", true); }},
      {"UnpublishIteration", [](Clients& c) { c.training.unpublishIteration("p", "it"); }},
      {"QuickTestImage",
       [](Clients& c) { c.training.quickTestImage("p", kImage, {.iterationId = "it", .store = false}); }},
      {"QuickTestImageUrl",
       [](Clients& c) { c.training.quickTestImageUrl("p", kUrl, {.iterationId = "it", .store = false}); }},
      {"QueryPredictions",
       [](Clients& c) {
         c.training.queryPredictions(
             "p", {.session = "s", .continuation = "c", .maxCount = 10, .orderBy = PredictionOrder::Oldest,
                   .tags = std::vector<PredictionQueryTag>{{.id = "t1", .minThreshold = 0.1, .maxThreshold = 0.9}},
                   .iterationId = "it", .startTime = "2024-01-01T00:00:00Z", .endTime = "2024-02-01T00:00:00Z",
                   .application = "app"});
       }},
      {"DeletePrediction", [](Clients& c) { c.training.deletePrediction("p", {"x1", "x2"}); }},
  };
}

std::map<std::string, Call> predictionCalls() {
  const std::optional<std::string> app = "app";
  return {
      {"ClassifyImage", [app](Clients& c) { c.prediction.classifyImage("p", "pub", kImage, app); }},
      {"ClassifyImageUrl", [app](Clients& c) { c.prediction.classifyImageUrl("p", "pub", kUrl, app); }},
      {"ClassifyImageWithNoStore",
       [app](Clients& c) { c.prediction.classifyImageWithNoStore("p", "pub", kImage, app); }},
      {"ClassifyImageUrlWithNoStore",
       [app](Clients& c) { c.prediction.classifyImageUrlWithNoStore("p", "pub", kUrl, app); }},
      {"DetectImage", [app](Clients& c) { c.prediction.detectImage("p", "pub", kImage, app); }},
      {"DetectImageUrl", [app](Clients& c) { c.prediction.detectImageUrl("p", "pub", kUrl, app); }},
      {"DetectImageWithNoStore", [app](Clients& c) { c.prediction.detectImageWithNoStore("p", "pub", kImage, app); }},
      {"DetectImageUrlWithNoStore",
       [app](Clients& c) { c.prediction.detectImageUrlWithNoStore("p", "pub", kUrl, app); }},
  };
}

}  // namespace

const std::map<std::string, std::function<void(Clients&)>>& everyOptionCalls() {
  static const std::map<std::string, Call> kCalls = [] {
    std::map<std::string, Call> calls = trainingCalls();
    calls.merge(predictionCalls());
    return calls;
  }();
  return kCalls;
}

}  // namespace cvmock::client::testing
