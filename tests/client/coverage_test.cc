// Every operation of the Training v3.3 and Prediction v3.0 specs has a client method, client/README.md's coverage
// table says which, and each method's model reads the spec's examples and the recorded real traffic.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>

#include "client/prediction_client.h"
#include "client/training_client.h"
#include "tests/client/spec_operations.h"

namespace cvmock::client {
namespace {

using nlohmann::json;
using testing::findOperation;
using testing::kPredictionApi;
using testing::kTrainingApi;
using testing::operationsOf;
using testing::readJson;
using testing::recordingsDir;
using testing::SpecApi;
using testing::SpecOperation;
using testing::specDir;
namespace fs = std::filesystem;

struct Covered {
  std::string operationId;
  std::string method;                         // as the README names it: "TrainingClient::getDomains"
  std::function<void(const json&)> readBody;  // reads a 2xx body as the method does; empty for bodiless answers
};

template <class Model>
std::function<void(const json&)> reads() {
  return [](const json& body) { body.get<Model>(); };
}

// Naming the method takes its address, so a method that is renamed or removed fails the build, not just this test.
#define CVMOCK_COVERED(Client, method, operationId, reader) \
  Covered { operationId, #Client "::" #method, (static_cast<void>(&Client::method), reader) }

const std::vector<Covered>& coveredOperations() {
  static const std::vector<Covered> kCovered = {
      CVMOCK_COVERED(TrainingClient, getDomains, "GetDomains", reads<std::vector<Domain>>()),
      CVMOCK_COVERED(TrainingClient, getDomain, "GetDomain", reads<Domain>()),
      CVMOCK_COVERED(TrainingClient, getProjects, "GetProjects", reads<std::vector<Project>>()),
      CVMOCK_COVERED(TrainingClient, createProject, "CreateProject", reads<Project>()),
      CVMOCK_COVERED(TrainingClient, getProject, "GetProject", reads<Project>()),
      CVMOCK_COVERED(TrainingClient, deleteProject, "DeleteProject", nullptr),
      CVMOCK_COVERED(TrainingClient, updateProject, "UpdateProject", reads<Project>()),
      CVMOCK_COVERED(TrainingClient, getArtifact, "GetArtifact", nullptr),
      CVMOCK_COVERED(TrainingClient, exportProject, "ExportProject", reads<ProjectExport>()),
      CVMOCK_COVERED(TrainingClient, getImages, "GetImages", reads<std::vector<Image>>()),
      CVMOCK_COVERED(TrainingClient, createImagesFromData, "CreateImagesFromData", reads<ImageCreateSummary>()),
      CVMOCK_COVERED(TrainingClient, deleteImages, "DeleteImages", nullptr),
      CVMOCK_COVERED(TrainingClient, getImageRegionProposals, "GetImageRegionProposals",
                     reads<ImageRegionProposal>()),
      CVMOCK_COVERED(TrainingClient, getImageCount, "GetImageCount", reads<int>()),
      CVMOCK_COVERED(TrainingClient, createImagesFromFiles, "CreateImagesFromFiles", reads<ImageCreateSummary>()),
      CVMOCK_COVERED(TrainingClient, getImagesByIds, "GetImagesByIds", reads<std::vector<Image>>()),
      CVMOCK_COVERED(TrainingClient, updateImageMetadata, "UpdateImageMetadata", reads<ImageMetadataUpdateSummary>()),
      CVMOCK_COVERED(TrainingClient, createImagesFromPredictions, "CreateImagesFromPredictions",
                     reads<ImageCreateSummary>()),
      CVMOCK_COVERED(TrainingClient, createImageRegions, "CreateImageRegions", reads<ImageRegionCreateSummary>()),
      CVMOCK_COVERED(TrainingClient, deleteImageRegions, "DeleteImageRegions", nullptr),
      CVMOCK_COVERED(TrainingClient, querySuggestedImages, "QuerySuggestedImages",
                     reads<SuggestedTagAndRegionQuery>()),
      CVMOCK_COVERED(TrainingClient, querySuggestedImageCount, "QuerySuggestedImageCount",
                     (reads<std::map<std::string, int>>())),
      CVMOCK_COVERED(TrainingClient, getTaggedImages, "GetTaggedImages", reads<std::vector<Image>>()),
      CVMOCK_COVERED(TrainingClient, getTaggedImageCount, "GetTaggedImageCount", reads<int>()),
      CVMOCK_COVERED(TrainingClient, createImageTags, "CreateImageTags", reads<ImageTagCreateSummary>()),
      CVMOCK_COVERED(TrainingClient, deleteImageTags, "DeleteImageTags", nullptr),
      CVMOCK_COVERED(TrainingClient, getUntaggedImages, "GetUntaggedImages", reads<std::vector<Image>>()),
      CVMOCK_COVERED(TrainingClient, getUntaggedImageCount, "GetUntaggedImageCount", reads<int>()),
      CVMOCK_COVERED(TrainingClient, createImagesFromUrls, "CreateImagesFromUrls", reads<ImageCreateSummary>()),
      CVMOCK_COVERED(TrainingClient, getIterations, "GetIterations", reads<std::vector<Iteration>>()),
      CVMOCK_COVERED(TrainingClient, getIteration, "GetIteration", reads<Iteration>()),
      CVMOCK_COVERED(TrainingClient, deleteIteration, "DeleteIteration", nullptr),
      CVMOCK_COVERED(TrainingClient, updateIteration, "UpdateIteration", reads<Iteration>()),
      CVMOCK_COVERED(TrainingClient, getExports, "GetExports", reads<std::vector<Export>>()),
      CVMOCK_COVERED(TrainingClient, exportIteration, "ExportIteration", reads<Export>()),
      CVMOCK_COVERED(TrainingClient, getIterationPerformance, "GetIterationPerformance",
                     reads<IterationPerformance>()),
      CVMOCK_COVERED(TrainingClient, getImagePerformances, "GetImagePerformances",
                     reads<std::vector<ImagePerformance>>()),
      CVMOCK_COVERED(TrainingClient, getImagePerformanceCount, "GetImagePerformanceCount", reads<int>()),
      CVMOCK_COVERED(TrainingClient, publishIteration, "PublishIteration", reads<bool>()),
      CVMOCK_COVERED(TrainingClient, unpublishIteration, "UnpublishIteration", nullptr),
      CVMOCK_COVERED(TrainingClient, deletePrediction, "DeletePrediction", nullptr),
      CVMOCK_COVERED(TrainingClient, queryPredictions, "QueryPredictions", reads<PredictionQueryResult>()),
      CVMOCK_COVERED(TrainingClient, quickTestImage, "QuickTestImage", reads<ImagePrediction>()),
      CVMOCK_COVERED(TrainingClient, quickTestImageUrl, "QuickTestImageUrl", reads<ImagePrediction>()),
      CVMOCK_COVERED(TrainingClient, getTags, "GetTags", reads<std::vector<Tag>>()),
      CVMOCK_COVERED(TrainingClient, createTag, "CreateTag", reads<Tag>()),
      CVMOCK_COVERED(TrainingClient, getTag, "GetTag", reads<Tag>()),
      CVMOCK_COVERED(TrainingClient, deleteTag, "DeleteTag", nullptr),
      CVMOCK_COVERED(TrainingClient, updateTag, "UpdateTag", reads<Tag>()),
      CVMOCK_COVERED(TrainingClient, suggestTagsAndRegions, "SuggestTagsAndRegions",
                     reads<std::vector<SuggestedTagAndRegion>>()),
      CVMOCK_COVERED(TrainingClient, trainProject, "TrainProject", reads<Iteration>()),
      CVMOCK_COVERED(TrainingClient, importProject, "ImportProject", reads<Project>()),
      CVMOCK_COVERED(PredictionClient, classifyImageUrl, "ClassifyImageUrl", reads<ImagePrediction>()),
      CVMOCK_COVERED(PredictionClient, classifyImage, "ClassifyImage", reads<ImagePrediction>()),
      CVMOCK_COVERED(PredictionClient, classifyImageUrlWithNoStore, "ClassifyImageUrlWithNoStore",
                     reads<ImagePrediction>()),
      CVMOCK_COVERED(PredictionClient, classifyImageWithNoStore, "ClassifyImageWithNoStore",
                     reads<ImagePrediction>()),
      CVMOCK_COVERED(PredictionClient, detectImageUrl, "DetectImageUrl", reads<ImagePrediction>()),
      CVMOCK_COVERED(PredictionClient, detectImage, "DetectImage", reads<ImagePrediction>()),
      CVMOCK_COVERED(PredictionClient, detectImageUrlWithNoStore, "DetectImageUrlWithNoStore",
                     reads<ImagePrediction>()),
      CVMOCK_COVERED(PredictionClient, detectImageWithNoStore, "DetectImageWithNoStore", reads<ImagePrediction>()),
  };
  return kCovered;
}

const Covered* coverageOf(const std::string& operationId) {
  for (const Covered& covered : coveredOperations()) {
    if (covered.operationId == operationId) return &covered;
  }
  return nullptr;
}

std::set<std::string> operationIdsOf(const SpecApi& api) {
  std::set<std::string> ids;
  for (const SpecOperation& operation : operationsOf(api)) ids.insert(operation.operationId);
  return ids;
}

TEST(CoverageTest, EverySpecOperationHasAMethodAndNoMethodNamesAMissingOne) {
  std::set<std::string> expected = operationIdsOf(kTrainingApi);
  const std::set<std::string> prediction = operationIdsOf(kPredictionApi);
  EXPECT_EQ(expected.size(), 52u);
  EXPECT_EQ(prediction.size(), 8u);
  expected.insert(prediction.begin(), prediction.end());
  std::set<std::string> covered;
  for (const Covered& operation : coveredOperations()) covered.insert(operation.operationId);
  EXPECT_EQ(covered, expected);
  EXPECT_EQ(coveredOperations().size(), expected.size()) << "an operation is listed twice";
}

// Each row: operationId, the method, and the operation's HTTP method and path as the spec writes them.
TEST(CoverageTest, TheReadmeTableIsTheCoverage) {
  std::ifstream in(CVMOCK_CLIENT_README);
  ASSERT_TRUE(in) << CVMOCK_CLIENT_README;
  const std::regex row(R"(^\| `?([A-Za-z]+)`? \| `([A-Za-z]+::[A-Za-z]+)` \| `([A-Z]+ [^`]+)` \|)");
  std::map<std::string, std::string> documented;
  for (std::string line; std::getline(in, line);) {
    std::smatch match;
    if (!std::regex_search(line, match, row)) continue;
    documented[match[1]] = match[2].str() + " " + match[3].str();
  }
  std::map<std::string, std::string> actual;
  for (const Covered& covered : coveredOperations()) {
    const SpecOperation* operation = findOperation(covered.operationId);
    ASSERT_NE(operation, nullptr) << covered.operationId;
    actual[covered.operationId] = covered.method + " " + operation->method + " " + operation->path;
  }
  EXPECT_EQ(documented, actual) << "client/README.md's coverage table differs from the client or the spec";
}

// The spec's own examples: every 2xx response body reads into the method's model.
TEST(CoverageTest, SpecExamplesReadIntoTheModels) {
  int read = 0;
  for (const SpecApi* api : {&kTrainingApi, &kPredictionApi}) {
    for (const auto& entry : fs::directory_iterator(specDir() / api->examplesFolder)) {
      const json example = readJson(entry.path());
      const Covered* covered = coverageOf(entry.path().stem().string());
      ASSERT_NE(covered, nullptr) << entry.path();
      for (const auto& [status, response] : example.at("responses").items()) {
        if (!covered->readBody || status[0] != '2' || !response.contains("body")) continue;
        EXPECT_NO_THROW(covered->readBody(response.at("body"))) << entry.path() << " " << status;
        ++read;
      }
    }
  }
  EXPECT_GE(read, 15);
}

// The real service's answers (recordings/, v3.x only): each recorded 2xx JSON body reads into its operation's model.
TEST(CoverageTest, RecordedRealAnswersReadIntoTheModels) {
  int read = 0;
  for (const SpecApi* api : {&kTrainingApi, &kPredictionApi}) {
    const std::vector<SpecOperation>& operations = operationsOf(*api);
    const std::regex base(std::string("^/+") + (api->basePathPattern + 1) + "(/[^?]*)", std::regex::icase);
    for (const auto& entry : fs::recursive_directory_iterator(recordingsDir() / api->recordingsFolder)) {
      if (entry.path().extension() != ".json") continue;
      const json recording = readJson(entry.path());
      for (const json& call : recording.at("Entries")) {
        const std::string uri = call.at("RequestUri").get<std::string>();
        std::smatch match;
        const std::string status = call.at("StatusCode").dump();
        if (!std::regex_search(uri, match, base) || status[0] != '2') continue;  // v1.2 and errors
        const std::string below = match[1];
        const std::string method = call.at("RequestMethod").get<std::string>();
        auto operation = std::find_if(operations.begin(), operations.end(), [&](const SpecOperation& candidate) {
          return candidate.method == method && std::regex_match(below, candidate.pathPattern);
        });
        ASSERT_NE(operation, operations.end()) << method << " " << uri;
        const Covered* covered = coverageOf(operation->operationId);
        const std::string body = call.at("ResponseBody").get<std::string>();
        if (!covered->readBody || body.empty()) continue;
        EXPECT_NO_THROW(covered->readBody(json::parse(body))) << entry.path() << ": " << operation->operationId;
        ++read;
      }
    }
  }
  EXPECT_GE(read, 40);
}

}  // namespace
}  // namespace cvmock::client
