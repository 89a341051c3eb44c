// Training API operations: each builds the spec's method, path and query, and parses the model.
#include "client/training_client.h"

#include <nlohmann/json.hpp>
#include <stdexcept>

#include "client/multipart.h"

namespace cvmock::client {

using nlohmann::json;

namespace {

constexpr char kTrainingBasePath[] = "/customvision/v3.3/training";

HttpRequest bodiless(std::string method, std::string path, Query query = {}) {
  return {std::move(method), std::move(path), std::move(query), "", ""};
}

HttpRequest withJson(std::string method, std::string path, const json& body) {
  return {std::move(method), std::move(path), Query(), body.dump(), "application/json"};
}

void checkBatchSize(size_t count) {
  if (count > TrainingClient::kMaxImagesPerBatch) {
    throw std::invalid_argument("at most " + std::to_string(TrainingClient::kMaxImagesPerBatch) +
                                " images per upload call, got " + std::to_string(count));
  }
}

// The parameters GetTaggedImages sends; GetImages adds its own on top.
Query listingQuery(const ImageQuery& query) {
  return Query()
      .add("iterationId", query.iterationId)
      .add("tagIds", query.tagIds)
      .add("orderBy", query.orderBy)
      .add("take", query.take)
      .add("skip", query.skip);
}

std::string imagesPath(const std::string& projectId) {
  return pathOf({"projects", projectId, "images"});
}

std::string iterationPath(const std::string& projectId, const std::string& iterationId) {
  return pathOf({"projects", projectId, "iterations", iterationId});
}

}  // namespace

TrainingClient::TrainingClient(const std::string& endpoint, const std::string& trainingKey)
    : connection_(endpoint, kTrainingBasePath, "Training-Key", trainingKey) {}

std::vector<Domain> TrainingClient::getDomains() {
  return connection_.sendForJson(bodiless("GET", "/domains")).get<std::vector<Domain>>();
}

Domain TrainingClient::getDomain(const std::string& domainId) {
  return connection_.sendForJson(bodiless("GET", pathOf({"domains", domainId}))).get<Domain>();
}

Project TrainingClient::createProject(const std::string& name,
                                      const CreateProjectOptions& options) {
  Query query = Query()
                    .add("name", name)
                    .add("description", options.description)
                    .add("domainId", options.domainId)
                    .add("classificationType", options.classificationType);
  return connection_.sendForJson(bodiless("POST", "/projects", query)).get<Project>();
}

std::vector<Project> TrainingClient::getProjects() {
  return connection_.sendForJson(bodiless("GET", "/projects")).get<std::vector<Project>>();
}

Project TrainingClient::getProject(const std::string& projectId) {
  return connection_.sendForJson(bodiless("GET", pathOf({"projects", projectId}))).get<Project>();
}

Project TrainingClient::updateProject(const std::string& projectId, const Project& project) {
  return connection_.sendForJson(withJson("PATCH", pathOf({"projects", projectId}), project))
      .get<Project>();
}

void TrainingClient::deleteProject(const std::string& projectId) {
  connection_.send(bodiless("DELETE", pathOf({"projects", projectId})));
}

Tag TrainingClient::createTag(const std::string& projectId, const std::string& name,
                              const CreateTagOptions& options) {
  Query query =
      Query().add("name", name).add("description", options.description).add("type", options.type);
  return connection_.sendForJson(bodiless("POST", pathOf({"projects", projectId, "tags"}), query))
      .get<Tag>();
}

std::vector<Tag> TrainingClient::getTags(const std::string& projectId,
                                         const std::optional<std::string>& iterationId) {
  Query query = Query().add("iterationId", iterationId);
  return connection_.sendForJson(bodiless("GET", pathOf({"projects", projectId, "tags"}), query))
      .get<std::vector<Tag>>();
}

Tag TrainingClient::getTag(const std::string& projectId, const std::string& tagId,
                           const std::optional<std::string>& iterationId) {
  Query query = Query().add("iterationId", iterationId);
  return connection_
      .sendForJson(bodiless("GET", pathOf({"projects", projectId, "tags", tagId}), query))
      .get<Tag>();
}

Tag TrainingClient::updateTag(const std::string& projectId, const std::string& tagId,
                              const Tag& tag) {
  return connection_
      .sendForJson(withJson("PATCH", pathOf({"projects", projectId, "tags", tagId}), tag))
      .get<Tag>();
}

void TrainingClient::deleteTag(const std::string& projectId, const std::string& tagId) {
  connection_.send(bodiless("DELETE", pathOf({"projects", projectId, "tags", tagId})));
}

ImageCreateSummary TrainingClient::createImagesFromData(const std::string& projectId,
                                                        const std::vector<ImageFile>& images,
                                                        const std::vector<std::string>& tagIds) {
  checkBatchSize(images.size());
  MultipartBody multipart = encodeImageParts(images);
  HttpRequest request{"POST", imagesPath(projectId), Query().add("tagIds", tagIds),
                      std::move(multipart.body), std::move(multipart.contentType)};
  return connection_.sendForJson(request).get<ImageCreateSummary>();
}

ImageCreateSummary TrainingClient::createImagesFromFiles(
    const std::string& projectId, const std::vector<ImageFileCreateEntry>& images,
    const std::vector<std::string>& tagIds) {
  checkBatchSize(images.size());
  json body{{"images", images}, {"tagIds", tagIds}};
  return connection_.sendForJson(withJson("POST", imagesPath(projectId) + "/files", body))
      .get<ImageCreateSummary>();
}

ImageTagCreateSummary TrainingClient::createImageTags(
    const std::string& projectId, const std::vector<ImageTagCreateEntry>& tags) {
  json body{{"tags", tags}};
  return connection_.sendForJson(withJson("POST", imagesPath(projectId) + "/tags", body))
      .get<ImageTagCreateSummary>();
}

void TrainingClient::deleteImageTags(const std::string& projectId,
                                     const std::vector<std::string>& imageIds,
                                     const std::vector<std::string>& tagIds) {
  Query query = Query().add("imageIds", imageIds).add("tagIds", tagIds);
  connection_.send(bodiless("DELETE", imagesPath(projectId) + "/tags", query));
}

std::vector<Image> TrainingClient::getTaggedImages(const std::string& projectId,
                                                   const ImageQuery& query) {
  return connection_
      .sendForJson(bodiless("GET", imagesPath(projectId) + "/tagged", listingQuery(query)))
      .get<std::vector<Image>>();
}

std::vector<Image> TrainingClient::getUntaggedImages(const std::string& projectId,
                                                     const ImageQuery& query) {
  Query params = Query()
                     .add("iterationId", query.iterationId)
                     .add("orderBy", query.orderBy)
                     .add("take", query.take)
                     .add("skip", query.skip);
  return connection_.sendForJson(bodiless("GET", imagesPath(projectId) + "/untagged", params))
      .get<std::vector<Image>>();
}

std::vector<Image> TrainingClient::getImages(const std::string& projectId,
                                             const ImageQuery& query) {
  Query params =
      listingQuery(query).add("taggingStatus", query.taggingStatus).add("$filter", query.filter);
  return connection_.sendForJson(bodiless("GET", imagesPath(projectId), params))
      .get<std::vector<Image>>();
}

int TrainingClient::getImageCount(const std::string& projectId, const ImageQuery& query) {
  Query params = Query()
                     .add("iterationId", query.iterationId)
                     .add("taggingStatus", query.taggingStatus)
                     .add("$filter", query.filter)
                     .add("tagIds", query.tagIds);
  return connection_.sendForJson(bodiless("GET", imagesPath(projectId) + "/count", params))
      .get<int>();
}

int TrainingClient::getTaggedImageCount(const std::string& projectId, const ImageQuery& query) {
  Query params = Query().add("iterationId", query.iterationId).add("tagIds", query.tagIds);
  return connection_.sendForJson(bodiless("GET", imagesPath(projectId) + "/tagged/count", params))
      .get<int>();
}

int TrainingClient::getUntaggedImageCount(const std::string& projectId, const ImageQuery& query) {
  Query params = Query().add("iterationId", query.iterationId);
  return connection_.sendForJson(bodiless("GET", imagesPath(projectId) + "/untagged/count", params))
      .get<int>();
}

void TrainingClient::deleteImages(const std::string& projectId,
                                  const std::vector<std::string>& imageIds,
                                  const DeleteImagesOptions& options) {
  Query query = Query().add("imageIds", imageIds);
  if (options.allImages) query.add("allImages", std::optional<bool>(true));
  if (options.allIterations) query.add("allIterations", std::optional<bool>(true));
  connection_.send(bodiless("DELETE", imagesPath(projectId), query));
}

Iteration TrainingClient::trainProject(const std::string& projectId,
                                       const TrainProjectOptions& options) {
  Query query = Query()
                    .add("trainingType", options.trainingType)
                    .add("reservedBudgetInHours", options.reservedBudgetInHours)
                    .add("forceTrain", options.forceTrain);
  return connection_.sendForJson(bodiless("POST", pathOf({"projects", projectId, "train"}), query))
      .get<Iteration>();
}

std::vector<Iteration> TrainingClient::getIterations(const std::string& projectId) {
  return connection_.sendForJson(bodiless("GET", pathOf({"projects", projectId, "iterations"})))
      .get<std::vector<Iteration>>();
}

Iteration TrainingClient::getIteration(const std::string& projectId,
                                       const std::string& iterationId) {
  return connection_.sendForJson(bodiless("GET", iterationPath(projectId, iterationId)))
      .get<Iteration>();
}

Iteration TrainingClient::updateIteration(const std::string& projectId,
                                          const std::string& iterationId,
                                          const Iteration& iteration) {
  return connection_
      .sendForJson(withJson("PATCH", iterationPath(projectId, iterationId), iteration))
      .get<Iteration>();
}

void TrainingClient::deleteIteration(const std::string& projectId, const std::string& iterationId) {
  connection_.send(bodiless("DELETE", iterationPath(projectId, iterationId)));
}

IterationPerformance TrainingClient::getIterationPerformance(const std::string& projectId,
                                                             const std::string& iterationId,
                                                             std::optional<double> threshold) {
  Query query = Query().add("threshold", threshold);
  return connection_
      .sendForJson(bodiless("GET", iterationPath(projectId, iterationId) + "/performance", query))
      .get<IterationPerformance>();
}

std::vector<ImagePerformance> TrainingClient::getImagePerformances(const std::string& projectId,
                                                                   const std::string& iterationId,
                                                                   const ImageQuery& query) {
  Query params = Query()
                     .add("tagIds", query.tagIds)
                     .add("orderBy", query.orderBy)
                     .add("take", query.take)
                     .add("skip", query.skip);
  std::string path = iterationPath(projectId, iterationId) + "/performance/images";
  return connection_.sendForJson(bodiless("GET", path, params))
      .get<std::vector<ImagePerformance>>();
}

int TrainingClient::getImagePerformanceCount(const std::string& projectId,
                                             const std::string& iterationId,
                                             const ImageQuery& query) {
  Query params = Query().add("tagIds", query.tagIds);
  std::string path = iterationPath(projectId, iterationId) + "/performance/images/count";
  return connection_.sendForJson(bodiless("GET", path, params)).get<int>();
}

bool TrainingClient::publishIteration(const std::string& projectId, const std::string& iterationId,
                                      const std::string& publishName,
                                      const std::string& predictionId) {
  Query query = Query().add("publishName", publishName).add("predictionId", predictionId);
  return connection_
      .sendForJson(bodiless("POST", iterationPath(projectId, iterationId) + "/publish", query))
      .get<bool>();
}

void TrainingClient::unpublishIteration(const std::string& projectId,
                                        const std::string& iterationId) {
  connection_.send(bodiless("DELETE", iterationPath(projectId, iterationId) + "/publish"));
}

ImagePrediction TrainingClient::quickTestImage(const std::string& projectId,
                                               const std::string& imageBytes,
                                               const std::optional<std::string>& iterationId) {
  MultipartBody multipart = encodeImageParts({ImageFile{imageBytes, std::nullopt}});
  HttpRequest request{"POST", pathOf({"projects", projectId, "quicktest", "image"}),
                      Query().add("iterationId", iterationId), std::move(multipart.body),
                      std::move(multipart.contentType)};
  return connection_.sendForJson(request).get<ImagePrediction>();
}

}  // namespace cvmock::client
