// Training API operations on images: uploads, listings and counts, metadata, image tags, regions and suggested tags.
#include <nlohmann/json.hpp>

#include "client/requests.h"
#include "client/training_client.h"

namespace cvmock::client {

using nlohmann::json;
using requests::bodiless;
using requests::checkBatchSize;
using requests::imageQuery;
using requests::withJson;
using P = requests::ImageParam;

namespace {

std::string imagesPath(const std::string& projectId, std::string_view below = {}) {
  return pathOf({"projects", projectId, "images"}) + std::string(below);
}

}  // namespace

ImageCreateSummary TrainingClient::createImagesFromData(const std::string& projectId,
                                                        const std::vector<ImageSource>& images,
                                                        const std::vector<std::string>& tagIds,
                                                        const UploadProgress& progress) {
  checkBatchSize(images.size());
  HttpRequest request = requests::withImages(imagesPath(projectId), images, Query().add("tagIds", tagIds), progress);
  return connection_.sendForJson(request).get<ImageCreateSummary>();
}

ImageCreateSummary TrainingClient::createImagesFromFiles(const std::string& projectId,
                                                         const ImageFileCreateBatch& batch) {
  checkBatchSize(batch.images.size());
  return connection_.sendForJson(withJson("POST", imagesPath(projectId, "/files"), batch)).get<ImageCreateSummary>();
}

ImageCreateSummary TrainingClient::createImagesFromUrls(const std::string& projectId,
                                                        const ImageUrlCreateBatch& batch) {
  checkBatchSize(batch.images.size());
  return connection_.sendForJson(withJson("POST", imagesPath(projectId, "/urls"), batch)).get<ImageCreateSummary>();
}

ImageCreateSummary TrainingClient::createImagesFromPredictions(const std::string& projectId,
                                                               const ImageIdCreateBatch& batch) {
  checkBatchSize(batch.images.size());
  return connection_.sendForJson(withJson("POST", imagesPath(projectId, "/predictions"), batch))
      .get<ImageCreateSummary>();
}

std::vector<Image> TrainingClient::getImages(const std::string& projectId, const ImageQuery& query) {
  Query params = imageQuery(query, {P::IterationId, P::TagIds, P::TaggingStatus, P::Filter, P::OrderBy, P::Take,
                                    P::Skip});
  return connection_.sendForJson(bodiless("GET", imagesPath(projectId), params)).get<std::vector<Image>>();
}

int TrainingClient::getImageCount(const std::string& projectId, const ImageQuery& query) {
  Query params = imageQuery(query, {P::IterationId, P::TaggingStatus, P::Filter, P::TagIds});
  return connection_.sendForJson(bodiless("GET", imagesPath(projectId, "/count"), params)).get<int>();
}

std::vector<Image> TrainingClient::getTaggedImages(const std::string& projectId, const ImageQuery& query) {
  Query params = imageQuery(query, {P::IterationId, P::TagIds, P::OrderBy, P::Take, P::Skip});
  return connection_.sendForJson(bodiless("GET", imagesPath(projectId, "/tagged"), params))
      .get<std::vector<Image>>();
}

int TrainingClient::getTaggedImageCount(const std::string& projectId, const ImageQuery& query) {
  Query params = imageQuery(query, {P::IterationId, P::TagIds});
  return connection_.sendForJson(bodiless("GET", imagesPath(projectId, "/tagged/count"), params)).get<int>();
}

std::vector<Image> TrainingClient::getUntaggedImages(const std::string& projectId, const ImageQuery& query) {
  Query params = imageQuery(query, {P::IterationId, P::OrderBy, P::Take, P::Skip});
  return connection_.sendForJson(bodiless("GET", imagesPath(projectId, "/untagged"), params))
      .get<std::vector<Image>>();
}

int TrainingClient::getUntaggedImageCount(const std::string& projectId, const ImageQuery& query) {
  Query params = imageQuery(query, {P::IterationId});
  return connection_.sendForJson(bodiless("GET", imagesPath(projectId, "/untagged/count"), params)).get<int>();
}

std::vector<Image> TrainingClient::getImagesByIds(const std::string& projectId,
                                                  const std::vector<std::string>& imageIds,
                                                  const std::optional<std::string>& iterationId) {
  Query params = Query().add("imageIds", imageIds).add("iterationId", iterationId);
  return connection_.sendForJson(bodiless("GET", imagesPath(projectId, "/id"), params)).get<std::vector<Image>>();
}

void TrainingClient::deleteImages(const std::string& projectId, const std::vector<std::string>& imageIds,
                                  const DeleteImagesOptions& options) {
  Query query = Query().add("imageIds", imageIds);
  if (options.allImages) query.add("allImages", std::optional<bool>(true));
  if (options.allIterations) query.add("allIterations", std::optional<bool>(true));
  connection_.send(bodiless("DELETE", imagesPath(projectId), query));
}

ImageMetadataUpdateSummary TrainingClient::updateImageMetadata(const std::string& projectId,
                                                               const std::vector<std::string>& imageIds,
                                                               const std::map<std::string, std::string>& metadata) {
  HttpRequest request =
      withJson("POST", imagesPath(projectId, "/metadata"), metadata, Query().add("imageIds", imageIds));
  return connection_.sendForJson(request).get<ImageMetadataUpdateSummary>();
}

ImageTagCreateSummary TrainingClient::createImageTags(const std::string& projectId, const ImageTagCreateBatch& batch) {
  return connection_.sendForJson(withJson("POST", imagesPath(projectId, "/tags"), batch)).get<ImageTagCreateSummary>();
}

void TrainingClient::deleteImageTags(const std::string& projectId, const std::vector<std::string>& imageIds,
                                     const std::vector<std::string>& tagIds) {
  Query query = Query().add("imageIds", imageIds).add("tagIds", tagIds);
  connection_.send(bodiless("DELETE", imagesPath(projectId, "/tags"), query));
}

ImageRegionCreateSummary TrainingClient::createImageRegions(const std::string& projectId,
                                                            const ImageRegionCreateBatch& batch) {
  return connection_.sendForJson(withJson("POST", imagesPath(projectId, "/regions"), batch))
      .get<ImageRegionCreateSummary>();
}

void TrainingClient::deleteImageRegions(const std::string& projectId, const std::vector<std::string>& regionIds) {
  connection_.send(bodiless("DELETE", imagesPath(projectId, "/regions"), Query().add("regionIds", regionIds)));
}

ImageRegionProposal TrainingClient::getImageRegionProposals(const std::string& projectId, const std::string& imageId) {
  const std::string path = pathOf({"projects", projectId, "images", imageId, "regionproposals"});
  return connection_.sendForJson(bodiless("POST", path)).get<ImageRegionProposal>();
}

std::vector<SuggestedTagAndRegion> TrainingClient::suggestTagsAndRegions(const std::string& projectId,
                                                                         const std::string& iterationId,
                                                                         const std::vector<std::string>& imageIds) {
  Query query = Query().add("iterationId", iterationId).add("imageIds", imageIds);
  const std::string path = pathOf({"projects", projectId, "tagsandregions", "suggestions"});
  return connection_.sendForJson(bodiless("POST", path, query)).get<std::vector<SuggestedTagAndRegion>>();
}

SuggestedTagAndRegionQuery TrainingClient::querySuggestedImages(const std::string& projectId,
                                                                const std::string& iterationId,
                                                                const SuggestedTagAndRegionQueryToken& query) {
  HttpRequest request = withJson("POST", imagesPath(projectId, "/suggested"), query,
                                 Query().add("iterationId", iterationId));
  return connection_.sendForJson(request).get<SuggestedTagAndRegionQuery>();
}

std::map<std::string, int> TrainingClient::querySuggestedImageCount(const std::string& projectId,
                                                                    const std::string& iterationId,
                                                                    const TagFilter& query) {
  HttpRequest request = withJson("POST", imagesPath(projectId, "/suggested/count"), query,
                                 Query().add("iterationId", iterationId));
  return connection_.sendForJson(request).get<std::map<std::string, int>>();
}

}  // namespace cvmock::client
