// Training API operations on training runs: train, iterations, performance, exports, publishing, quick tests and
// stored predictions.
#include <nlohmann/json.hpp>

#include "client/requests.h"
#include "client/training_client.h"

namespace cvmock::client {

using nlohmann::json;
using requests::bodiless;
using requests::withJson;
using P = requests::ImageParam;

namespace {

std::string iterationPath(const std::string& projectId, const std::string& iterationId, std::string_view below = {}) {
  return pathOf({"projects", projectId, "iterations", iterationId}) + std::string(below);
}

Query quickTestQuery(const QuickTestOptions& options) {
  return Query().add("iterationId", options.iterationId).add("store", options.store);
}

}  // namespace

Iteration TrainingClient::trainProject(const std::string& projectId, const TrainProjectOptions& options) {
  Query query = Query()
                    .add("trainingType", options.trainingType)
                    .add("reservedBudgetInHours", options.reservedBudgetInHours)
                    .add("forceTrain", options.forceTrain)
                    .add("notificationEmailAddress", options.notificationEmailAddress);
  const std::string path = pathOf({"projects", projectId, "train"});
  HttpRequest request = options.selectedTags.empty()
                            ? bodiless("POST", path, query)
                            : withJson("POST", path, TrainingParameters{options.selectedTags}, query);
  return connection_.sendForJson(request).get<Iteration>();
}

std::vector<Iteration> TrainingClient::getIterations(const std::string& projectId) {
  return connection_.sendForJson(bodiless("GET", pathOf({"projects", projectId, "iterations"})))
      .get<std::vector<Iteration>>();
}

Iteration TrainingClient::getIteration(const std::string& projectId, const std::string& iterationId) {
  return connection_.sendForJson(bodiless("GET", iterationPath(projectId, iterationId))).get<Iteration>();
}

Iteration TrainingClient::updateIteration(const std::string& projectId, const std::string& iterationId,
                                          const Iteration& iteration) {
  return connection_.sendForJson(withJson("PATCH", iterationPath(projectId, iterationId), updateBody(iteration)))
      .get<Iteration>();
}

void TrainingClient::deleteIteration(const std::string& projectId, const std::string& iterationId) {
  connection_.send(bodiless("DELETE", iterationPath(projectId, iterationId)));
}

IterationPerformance TrainingClient::getIterationPerformance(const std::string& projectId,
                                                             const std::string& iterationId,
                                                             std::optional<double> threshold,
                                                             std::optional<double> overlapThreshold) {
  Query query = Query().add("threshold", threshold).add("overlapThreshold", overlapThreshold);
  return connection_.sendForJson(bodiless("GET", iterationPath(projectId, iterationId, "/performance"), query))
      .get<IterationPerformance>();
}

std::vector<ImagePerformance> TrainingClient::getImagePerformances(const std::string& projectId,
                                                                   const std::string& iterationId,
                                                                   const ImageQuery& query) {
  Query params = requests::imageQuery(query, {P::TagIds, P::OrderBy, P::Take, P::Skip});
  std::string path = iterationPath(projectId, iterationId, "/performance/images");
  return connection_.sendForJson(bodiless("GET", path, params)).get<std::vector<ImagePerformance>>();
}

int TrainingClient::getImagePerformanceCount(const std::string& projectId, const std::string& iterationId,
                                             const ImageQuery& query) {
  Query params = requests::imageQuery(query, {P::TagIds});
  std::string path = iterationPath(projectId, iterationId, "/performance/images/count");
  return connection_.sendForJson(bodiless("GET", path, params)).get<int>();
}

Export TrainingClient::exportIteration(const std::string& projectId, const std::string& iterationId,
                                       ExportPlatform platform, std::optional<ExportFlavor> flavor) {
  Query query = Query().add("platform", std::optional<ExportPlatform>(platform)).add("flavor", flavor);
  return connection_.sendForJson(bodiless("POST", iterationPath(projectId, iterationId, "/export"), query))
      .get<Export>();
}

std::vector<Export> TrainingClient::getExports(const std::string& projectId, const std::string& iterationId) {
  return connection_.sendForJson(bodiless("GET", iterationPath(projectId, iterationId, "/export")))
      .get<std::vector<Export>>();
}

bool TrainingClient::publishIteration(const std::string& projectId, const std::string& iterationId,
                                      const std::string& publishName, const std::string& predictionId,
                                      std::optional<bool> overwrite) {
  Query query =
      Query().add("publishName", publishName).add("predictionId", predictionId).add("overwrite", overwrite);
  return connection_.sendForJson(bodiless("POST", iterationPath(projectId, iterationId, "/publish"), query))
      .get<bool>();
}

void TrainingClient::unpublishIteration(const std::string& projectId, const std::string& iterationId) {
  connection_.send(bodiless("DELETE", iterationPath(projectId, iterationId, "/publish")));
}

ImagePrediction TrainingClient::quickTestImage(const std::string& projectId, const ImageSource& image,
                                               const QuickTestOptions& options) {
  HttpRequest request =
      requests::withImages(pathOf({"projects", projectId, "quicktest", "image"}), {image}, quickTestQuery(options));
  return connection_.sendForJson(request).get<ImagePrediction>();
}

ImagePrediction TrainingClient::quickTestImageUrl(const std::string& projectId, const ImageUrl& imageUrl,
                                                  const QuickTestOptions& options) {
  HttpRequest request =
      withJson("POST", pathOf({"projects", projectId, "quicktest", "url"}), imageUrl, quickTestQuery(options));
  return connection_.sendForJson(request).get<ImagePrediction>();
}

PredictionQueryResult TrainingClient::queryPredictions(const std::string& projectId,
                                                       const PredictionQueryToken& query) {
  return connection_.sendForJson(withJson("POST", pathOf({"projects", projectId, "predictions", "query"}), query))
      .get<PredictionQueryResult>();
}

void TrainingClient::deletePrediction(const std::string& projectId, const std::vector<std::string>& ids) {
  connection_.send(bodiless("DELETE", pathOf({"projects", projectId, "predictions"}), Query().add("ids", ids)));
}

}  // namespace cvmock::client
