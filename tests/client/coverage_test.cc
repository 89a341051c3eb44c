// Every operation of the Training v3.3 and Prediction v3.0 specs has a client method, client/README.md's coverage
// table says which, and each method's model reads the spec's examples and the recorded real traffic.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>

#include "client/prediction_client.h"
#include "client/training_client.h"

namespace cvmock::client {
namespace {

using nlohmann::json;
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

json readJson(const fs::path& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  return json::parse(in);
}

// One route of a spec: its method, its path as a regex over the path below the API's base, and its operationId.
struct Route {
  std::string method;
  std::regex path;
  std::string operationId;
};

struct Api {
  const char* specFile;
  const char* basePathPattern;  // any v3.x version the recordings use (v1.2 has another schema)
};
const Api kTraining{"training-v3.3/Training.json", "/customvision/v3[^/]*/training"};
const Api kPrediction{"prediction-v3.0/Prediction.json", "/customvision/v3[^/]*/prediction"};

std::vector<Route> routesOf(const json& spec) {
  std::vector<Route> routes;
  for (const auto& [path, operations] : spec.at("paths").items()) {
    const std::string pattern = std::regex_replace(path, std::regex(R"(\{[^}]+\})"), "[^/]+");
    for (const auto& [method, operation] : operations.items()) {
      std::string upper = method;
      for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      routes.push_back({upper, std::regex(pattern), operation.at("operationId").get<std::string>()});
    }
  }
  return routes;
}

std::set<std::string> operationIdsOf(const json& spec) {
  std::set<std::string> ids;
  for (const Route& route : routesOf(spec)) ids.insert(route.operationId);
  return ids;
}

const fs::path kSpecDir = CVMOCK_SPEC_DIR;
const fs::path kRecordingsDir = CVMOCK_RECORDINGS_DIR;
const fs::path kReadme = CVMOCK_CLIENT_README;

TEST(CoverageTest, EverySpecOperationHasAMethodAndNoMethodNamesAMissingOne) {
  std::set<std::string> expected = operationIdsOf(readJson(kSpecDir / kTraining.specFile));
  const std::set<std::string> prediction = operationIdsOf(readJson(kSpecDir / kPrediction.specFile));
  EXPECT_EQ(expected.size(), 52u);
  EXPECT_EQ(prediction.size(), 8u);
  expected.insert(prediction.begin(), prediction.end());
  std::set<std::string> covered;
  for (const Covered& operation : coveredOperations()) covered.insert(operation.operationId);
  EXPECT_EQ(covered, expected);
  EXPECT_EQ(coveredOperations().size(), expected.size()) << "an operation is listed twice";
}

TEST(CoverageTest, TheReadmeTableIsTheCoverage) {
  std::ifstream in(kReadme);
  ASSERT_TRUE(in) << kReadme;
  const std::regex row(R"(^\| `?([A-Za-z]+)`? \| `([A-Za-z]+::[A-Za-z]+)` \|)");
  std::map<std::string, std::string> documented;
  for (std::string line; std::getline(in, line);) {
    std::smatch match;
    if (std::regex_search(line, match, row)) documented[match[1]] = match[2];
  }
  std::map<std::string, std::string> actual;
  for (const Covered& operation : coveredOperations()) actual[operation.operationId] = operation.method;
  EXPECT_EQ(documented, actual) << "client/README.md's coverage table differs from the client";
}

// The spec's own examples: every 2xx response body reads into the method's model.
TEST(CoverageTest, SpecExamplesReadIntoTheModels) {
  int read = 0;
  for (const char* folder : {"training-v3.3/examples", "prediction-v3.0/examples"}) {
    for (const auto& entry : fs::directory_iterator(kSpecDir / folder)) {
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
  for (const auto& [api, folder] : {std::pair{kTraining, "training"}, std::pair{kPrediction, "prediction"}}) {
    const std::vector<Route> routes = routesOf(readJson(kSpecDir / api.specFile));
    const std::regex base(std::string("^/+") + (api.basePathPattern + 1) + "(/[^?]*)", std::regex::icase);
    for (const auto& entry : fs::recursive_directory_iterator(kRecordingsDir / folder)) {
      if (entry.path().extension() != ".json") continue;
      const json recording = readJson(entry.path());
      for (const json& call : recording.at("Entries")) {
        const std::string uri = call.at("RequestUri").get<std::string>();
        std::smatch match;
        const std::string status = call.at("StatusCode").dump();
        if (!std::regex_search(uri, match, base) || status[0] != '2') continue;  // v1.2 and errors
        const std::string below = match[1];
        const std::string method = call.at("RequestMethod").get<std::string>();
        auto route = std::find_if(routes.begin(), routes.end(), [&](const Route& r) {
          return r.method == method && std::regex_match(below, r.path);
        });
        ASSERT_NE(route, routes.end()) << method << " " << uri;
        const Covered* covered = coverageOf(route->operationId);
        const std::string body = call.at("ResponseBody").get<std::string>();
        if (!covered->readBody || body.empty()) continue;
        EXPECT_NO_THROW(covered->readBody(json::parse(body))) << entry.path() << ": " << route->operationId;
        ++read;
      }
    }
  }
  EXPECT_GE(read, 40);
}

}  // namespace
}  // namespace cvmock::client
