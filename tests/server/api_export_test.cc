// ExportProject/ImportProject, GetArtifact, ExportIteration/GetExports over HTTP, and the export archive in use.
#include <cstdint>
#include <map>
#include <regex>

#include <gtest/gtest.h>

#include "fixtures/generator.h"
#include "mock_server/base/ids.h"
#include "mock_server/service/export_zip.h"
#include "mock_server/service/project_transfer_snapshot.h"
#include "mock_server/service/service.h"
#include "mock_server/store/memory_store.h"
#include "mock_server/store/sqlite_store.h"
#include "tests/support/http_session.h"
#include "tests/support/labelled_project.h"
#include "tests/support/stored_zip.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_server.h"
#include "trainer/features.h"
#include "trainer/model.h"

namespace cvmock::testing {
namespace {

constexpr const char* kCompactDomain = "0732100f-1a38-4e49-a514-c9b44c697ab5";  // General (compact)
constexpr const char* kGeneralDomain = "ee85a74c-405e-4adc-bb47-ffa8ca0c9f31";  // General, not exportable
constexpr const char* kPredictionResource =
    "%2Fsubscriptions%2F00000000-0000-0000-0000-000000000000%2FresourceGroups%2Fcvmock%2Fproviders%2F"
    "Microsoft.CognitiveServices%2Faccounts%2Fcvmock-prediction";

std::string urlEncode(const std::string& text) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      out += {'%', hex[c >> 4], hex[c & 15]};
    }
  }
  return out;
}

struct Project {
  std::string id;
  std::map<std::string, std::string> tagIds;  // class name -> tag id
};

// A project on `domainId` with one tag per class and the images uploaded tagged by class.
Project createProject(HttpSession& training, const std::vector<fixtures::FixtureImage>& images,
                      const std::string& domainId, const std::string& classificationType = "Multiclass") {
  Project project;
  const Reply created = training.post("/projects?name=Transfer%20Source&description=kept&domainId=" + domainId +
                                      "&classificationType=" + classificationType);
  EXPECT_EQ(created.status, 200) << created.body;
  project.id = created.json()["id"];
  std::map<std::string, std::vector<std::string>> byClass;
  for (const fixtures::FixtureImage& image : images) byClass[image.className].push_back(image.bytes);
  for (const auto& [className, bytes] : byClass) {
    const std::string tagId = training.post("/projects/" + project.id + "/tags?name=" + className).json()["id"];
    project.tagIds[className] = tagId;
    EXPECT_EQ(training.postImages("/projects/" + project.id + "/images?tagIds=" + tagId, bytes).status, 200);
  }
  return project;
}

std::string train(HttpSession& training, const std::string& projectId) {
  const std::string iterationId = training.post("/projects/" + projectId + "/train").json()["id"];
  EXPECT_EQ(waitForIteration(training, projectId, iterationId)["status"], "Completed");
  return iterationId;
}

// tag id -> probability, from an ImagePrediction body.
std::map<std::string, double> probabilities(const nlohmann::json& prediction) {
  std::map<std::string, double> out;
  for (const nlohmann::json& p : prediction["predictions"]) out[p["tagId"]] = p["probability"];
  return out;
}

class ApiExport : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    fixtures::FixtureSpec spec;
    spec.imagesPerClass = 8;
    spec.width = spec.height = 96;
    images = new std::vector<fixtures::FixtureImage>(fixtures::generateFixtureSet(spec));
    spec.imagesPerClass = 2;
    spec.seed = 7;
    probes = new std::vector<fixtures::FixtureImage>(fixtures::generateFixtureSet(spec));
  }
  static void TearDownTestSuite() {
    delete images;
    delete probes;
  }
  static std::vector<fixtures::FixtureImage>* images;
  static std::vector<fixtures::FixtureImage>* probes;
};

std::vector<fixtures::FixtureImage>* ApiExport::images = nullptr;
std::vector<fixtures::FixtureImage>* ApiExport::probes = nullptr;

TEST_F(ApiExport, ZipChecksumIsTheStandardCrc32) {
  EXPECT_EQ(server::crc32("123456789"), 0xCBF43926u);  // the published check value of CRC-32
  EXPECT_EQ(server::crc32(""), 0u);
}

TEST_F(ApiExport, ExportedModelPredictsLikeClassifyImage) {
  TestServer server;
  HttpSession training = trainingSession(server.endpoint(), "cvmock-training-key", "v3.4-preview");
  HttpSession prediction = predictionSession(server.endpoint());
  const Project project = createProject(training, *images, kCompactDomain);
  const std::string iterationId = trainAndPublish(training, project.id, "Exported");
  const std::string base = "/projects/" + project.id + "/iterations/" + iterationId;

  const nlohmann::json iteration = training.get(base).json();
  EXPECT_EQ(iteration["exportable"], true);
  EXPECT_TRUE(iteration["exportableTo"].is_null());  // as every v3.4-preview recording shows

  const Reply started = training.post(base + "/export?platform=TensorFlow");
  ASSERT_EQ(started.status, 200) << started.body;
  EXPECT_EQ(started.body,
            R"({"platform":"TensorFlow","status":"Exporting","downloadUri":null,"flavor":null,)"
            R"("newerVersionAvailable":false})");
  EXPECT_EQ(training.post(base + "/export?platform=TensorFlow").code(), "BadRequestExportAlreadyInProgress");
  const Reply onnx = training.post(base + "/export?platform=onnx&flavor=onnx12");
  ASSERT_EQ(onnx.status, 200) << onnx.body;
  EXPECT_EQ(onnx.json()["platform"], "ONNX");
  EXPECT_EQ(onnx.json()["flavor"], "ONNX12");

  // Done from the first GetExports after the export (the service takes ~2 s).
  const nlohmann::json exports = training.get(base + "/export").json();
  ASSERT_EQ(exports.size(), 2u);
  EXPECT_EQ(exports[0]["status"], "Done");
  EXPECT_EQ(exports[1]["status"], "Done");
  const std::string downloadUri = exports[0]["downloadUri"];
  const std::string relativePath =
      "m-" + server::compactGuid(project.id) + "/" + server::compactGuid(iterationId) + ".TensorFlow.zip";
  EXPECT_EQ(downloadUri, server.endpoint() + "/_cvmock/blobs/" + relativePath);
  EXPECT_NE(exports[1]["downloadUri"].get<std::string>().find(".ONNX.ONNX12.zip"), std::string::npos);

  const Reply download = fetch(downloadUri);
  ASSERT_EQ(download.status, 200);
  const Reply artifact = training.get("/projects/" + project.id + "/artifacts?path=" + urlEncode(relativePath));
  ASSERT_EQ(artifact.status, 200) << artifact.body;
  EXPECT_EQ(artifact.header("Content-Type"), "application/octet-stream");
  EXPECT_EQ(artifact.body, download.body);

  const std::map<std::string, std::string> entries = unzipStored(download.body);
  ASSERT_EQ(entries.count("manifest.json"), 1u);
  ASSERT_EQ(entries.count("labels.txt"), 1u);
  ASSERT_EQ(entries.count("model.cvmock"), 1u);
  ASSERT_EQ(entries.count("README.md"), 1u);
  const nlohmann::json manifest = nlohmann::json::parse(entries.at("manifest.json"));
  EXPECT_EQ(manifest["platform"], "TensorFlow");
  EXPECT_EQ(manifest["iteration"]["id"], iterationId);
  EXPECT_EQ(manifest["domain"]["id"], kCompactDomain);
  EXPECT_EQ(manifest["classificationType"], "Multiclass");
  EXPECT_EQ(manifest["featurePipeline"]["featureDimension"], trainer::featureDimension());
  ASSERT_EQ(manifest["tags"].size(), 3u);
  std::string labels;
  for (const nlohmann::json& tag : manifest["tags"]) labels += tag["name"].get<std::string>() + "\n";
  EXPECT_EQ(entries.at("labels.txt"), labels);

  const trainer::Model model = trainer::Model::deserialize(entries.at("model.cvmock"));
  ASSERT_EQ(model.tagCount(), 3);
  for (const fixtures::FixtureImage& probe : *probes) {
    const Reply classified = prediction.post("/" + project.id + "/classify/iterations/Exported/image?store=false",
                                             probe.bytes, "application/octet-stream");
    ASSERT_EQ(classified.status, 200) << classified.body;
    const std::map<std::string, double> expected = probabilities(classified.json());
    const Eigen::VectorXf local = model.predict(trainer::featuresFromBytes(probe.bytes));
    for (int i = 0; i < model.tagCount(); ++i) {
      const std::string tagId = manifest["tags"][i]["id"];
      EXPECT_FLOAT_EQ(local[i], static_cast<float>(expected.at(tagId))) << probe.className << " tag " << i;
    }
  }

  // A later export of the same platform and flavour starts again.
  EXPECT_EQ(training.post(base + "/export?platform=TensorFlow").json()["status"], "Exporting");
}

TEST_F(ApiExport, RefusesWhatTheServiceRefuses) {
  TestServer server;
  HttpSession training = trainingSession(server.endpoint());
  const Project general = createProject(training, *images, kGeneralDomain);
  const std::string generalIteration = train(training, general.id);
  const std::string generalBase = "/projects/" + general.id + "/iterations/" + generalIteration;
  EXPECT_EQ(training.get(generalBase).json()["exportable"], false);
  EXPECT_EQ(training.post(generalBase + "/export?platform=TensorFlow").code(), "BadRequestExportValidationFailed");

  const Project compact = createProject(training, *images, kCompactDomain);
  const std::string base = "/projects/" + compact.id + "/iterations/" + train(training, compact.id);
  EXPECT_EQ(training.post(base + "/export").code(), "BadRequestRequiredParamIsNull");
  EXPECT_EQ(training.post(base + "/export?platform=Caffe").code(), "BadRequestProjectUnsupportedExportPlatform");
  EXPECT_EQ(training.post(base + "/export?platform=TensorFlow&flavor=Linux").code(),
            "BadRequestExportValidationFailed");
  EXPECT_EQ(training.post(base + "/export?platform=CoreML&flavor=ONNX10").code(), "BadRequestExportValidationFailed");
  EXPECT_EQ(training.post("/projects/" + compact.id + "/iterations/" + general.id + "/export?platform=CoreML").code(),
            "NotFoundIteration");
  EXPECT_EQ(training.get(base + "/export").json(), nlohmann::json::array());
  // No download exists before an export is Done, nor for a platform never exported.
  const std::string path = "m-" + server::compactGuid(compact.id) + "/" +
                           base.substr(base.rfind('/') + 1) + ".CoreML.zip";
  EXPECT_EQ(training.get("/projects/" + compact.id + "/artifacts?path=" + path).code(), "BadRequestInvalidArtifactUri");
}

TEST_F(ApiExport, NoExportWhileTraining) {
  server::ServerConfig config;
  config.service.trainingWorkers = 0;  // trainings stay queued: the iteration stays "Training"
  TestServer server(config);
  HttpSession training = trainingSession(server.endpoint());
  const Project project = createProject(training, *images, kCompactDomain);
  const std::string iterationId = training.post("/projects/" + project.id + "/train").json()["id"];
  EXPECT_EQ(training.post("/projects/" + project.id + "/iterations/" + iterationId + "/export?platform=CoreML").code(),
            "BadRequestExportWhileTraining");
}

TEST_F(ApiExport, GetArtifactServesOnlyTheProjectsOwnBlobs) {
  TestServer server;
  HttpSession training = trainingSession(server.endpoint());
  const Project owner = createProject(training, *probes, kGeneralDomain);
  const Project other = createProject(training, *probes, kGeneralDomain);
  const nlohmann::json image = training.get("/projects/" + owner.id + "/images?take=1").json()[0];
  const std::string imageId = image["id"];
  const std::string container = "i-" + server::compactGuid(owner.id);
  const std::string path = container + "/i-" + server::compactGuid(imageId);

  const Reply bytes = training.get("/projects/" + owner.id + "/artifacts?path=" + urlEncode(path));
  ASSERT_EQ(bytes.status, 200) << bytes.body;
  EXPECT_EQ(bytes.body, fetch(image["originalImageUri"]).body);
  EXPECT_EQ(training.get("/projects/" + owner.id + "/artifacts?path=" + container + "/t-" +
                         server::compactGuid(imageId)).status,
            200);

  for (const std::string& refused :
       {"/projects/" + other.id + "/artifacts?path=" + urlEncode(path),  // another project's image
        "/projects/" + owner.id + "/artifacts?path=" + urlEncode(container + "/../" + path),
        "/projects/" + owner.id + "/artifacts?path=" + urlEncode(container + "/i-" + server::compactGuid(owner.id)),
        "/projects/" + owner.id + "/artifacts?path=" + urlEncode("/etc/passwd"),
        "/projects/" + owner.id + "/artifacts?path=" + urlEncode(path + "/extra")}) {
    EXPECT_EQ(training.get(refused).code(), "BadRequestInvalidArtifactUri") << refused;
  }
  EXPECT_EQ(training.get("/projects/" + owner.id + "/artifacts").code(), "BadRequestRequiredParamIsNull");
}

TEST_F(ApiExport, ImportRecreatesTheProjectAfterDeletionAndRestart) {
  TempDir dataDir;
  server::ServerConfig config;
  config.dataDir = dataDir.path().string();
  std::string token;
  std::string sourceId;
  std::map<std::string, double> sourceProbabilities;  // tag name -> probability of probes[0]
  {
    TestServer server(config);
    HttpSession training = trainingSession(server.endpoint(), "cvmock-training-key", "v3.4-preview");
    const Project project = createProject(training, *images, kCompactDomain, "Multilabel");
    sourceId = project.id;
    const std::string iterationId = train(training, project.id);
    const Reply tested = training.post("/projects/" + project.id + "/quicktest/image?store=false", (*probes)[0].bytes,
                                       "application/octet-stream");
    for (const nlohmann::json& p : tested.json()["predictions"]) sourceProbabilities[p["tagName"]] = p["probability"];

    const Reply exported = training.get("/projects/" + project.id + "/export");
    ASSERT_EQ(exported.status, 200) << exported.body;
    const nlohmann::json body = exported.json();
    EXPECT_EQ(body["iterationCount"], 1);
    EXPECT_EQ(body["imageCount"], 24);
    EXPECT_EQ(body["tagCount"], 6);  // 3 tags, and their 3 copies in the iteration (4 = 2 + 2 recorded)
    EXPECT_EQ(body["regionCount"], 0);
    EXPECT_GT(body["estimatedImportTimeInMS"].get<int>(), 0);
    token = body["token"];
    const std::regex shape(server.endpoint() + R"(/_cvmock/blobs/prjexp-)" + server::compactGuid(project.id) +
                           R"(/project-export-info\?sv=2017-04-17&sr=b&sig=[0-9a-f]{32})"
                           R"(&se=\d{4}-\d\d-\d\dT\d\d%3A\d\d%3A\d\dZ&sp=r)");
    EXPECT_TRUE(std::regex_match(token, shape)) << token;

    // The snapshot is taken now: what changes afterwards does not travel.
    training.post("/projects/" + project.id + "/tags?name=late");
    ASSERT_EQ(training.del("/projects/" + project.id).status, 204);
    EXPECT_EQ(training.get("/projects/" + project.id).code(), "NotFoundProject");
    (void)iterationId;
  }

  TestServer server(config);
  HttpSession training = trainingSession(server.endpoint(), "cvmock-training-key", "v3.4-preview");
  const Reply imported = training.post("/projects/import?token=" + urlEncode(token));
  ASSERT_EQ(imported.status, 200) << imported.body;
  const nlohmann::json project = imported.json();
  EXPECT_EQ(project["status"], "Importing");
  EXPECT_EQ(project["name"], "Transfer Source (1)");
  EXPECT_EQ(project["description"], "kept");
  EXPECT_EQ(project["settings"]["domainId"], kCompactDomain);
  EXPECT_EQ(project["settings"]["classificationType"], "Multilabel");
  const std::string id = project["id"];
  EXPECT_NE(id, sourceId);
  const std::string base = "/projects/" + id;
  EXPECT_EQ(training.get(base).json()["status"], "Succeeded");

  const nlohmann::json tags = training.get(base + "/tags").json();
  ASSERT_EQ(tags.size(), 3u);
  for (const nlohmann::json& tag : tags) EXPECT_EQ(tag["imageCount"], 8) << tag.dump();
  EXPECT_EQ(training.get(base + "/images/tagged/count").body, "24");
  const nlohmann::json iterations = training.get(base + "/iterations").json();
  ASSERT_EQ(iterations.size(), 1u);
  EXPECT_EQ(iterations[0]["status"], "Completed");
  EXPECT_EQ(iterations[0]["name"], "Iteration 1");
  EXPECT_TRUE(iterations[0]["publishName"].is_null());
  EXPECT_EQ(iterations[0]["exportable"], true);
  // The imported iteration is the same model: same probabilities, under the imported tags.
  const Reply tested = training.post(base + "/quicktest/image?store=false", (*probes)[0].bytes, "application/octet-stream");
  ASSERT_EQ(tested.status, 200) << tested.body;
  for (const nlohmann::json& p : tested.json()["predictions"]) {
    EXPECT_DOUBLE_EQ(p["probability"].get<double>(), sourceProbabilities.at(p["tagName"])) << p.dump();
  }
  // Nothing changed since the imported iteration was trained.
  EXPECT_EQ(training.post(base + "/train").code(), "BadRequestTrainingNotNeeded");

  const Reply named = training.post("/projects/import?token=" + urlEncode(token) + "&name=Second%20Copy");
  ASSERT_EQ(named.status, 200) << named.body;
  EXPECT_EQ(named.json()["name"], "Second Copy");
  EXPECT_EQ(training.post("/projects/import?token=" + urlEncode(token)).json()["name"], "Transfer Source (2)");
}

TEST_F(ApiExport, RefusesBadTokensAndRespectsTheProjectLimit) {
  server::ServerConfig config;
  config.simulation.clock = "fixed:2024-01-01T00:00:00Z";
  config.simulation.tier.projects = 2;
  TestServer server(config);
  HttpSession training = trainingSession(server.endpoint());
  const std::string projectId = training.post("/projects?name=Small").json()["id"];
  const std::string token = training.get("/projects/" + projectId + "/export").json()["token"];
  EXPECT_NE(token.find("&se=2024-01-02T00%3A00%3A00Z&"), std::string::npos) << token;  // 24 hours

  const std::string unknown = std::regex_replace(token, std::regex("sig=[0-9a-f]{32}"), "sig=" + std::string(32, 'a'));
  const std::string otherProject =
      std::regex_replace(token, std::regex("prjexp-[0-9a-f]{32}"), "prjexp-" + std::string(32, 'b'));
  for (const std::string& bad : {std::string("not a token"), unknown, otherProject}) {
    EXPECT_EQ(training.post("/projects/import?token=" + urlEncode(bad)).code(), "BadRequestInvalidImportToken") << bad;
  }
  // The docs' pitfall: a token that is not URL-encoded loses its query to the outer URL (sig becomes a
  // parameter of the import call, not of the token).
  const std::size_t firstAmpersand = token.find('&');
  const std::string split = urlEncode(token.substr(0, firstAmpersand)) + token.substr(firstAmpersand);
  EXPECT_EQ(training.post("/projects/import?token=" + split).code(), "BadRequestInvalidImportToken");
  EXPECT_EQ(training.post("/projects/import").code(), "BadRequestRequiredParamIsNull");

  ASSERT_EQ(training.post("/projects/import?token=" + urlEncode(token)).status, 200);  // the second project
  EXPECT_EQ(training.post("/projects/import?token=" + urlEncode(token)).code(), "BadRequestExceedProjectLimit");

  training.del("/projects/" + projectId);
  server.server().service().simulation().clock->advance(std::chrono::hours(24) + std::chrono::seconds(1));
  EXPECT_EQ(training.post("/projects/import?token=" + urlEncode(token)).code(), "BadRequestInvalidImportToken");
}

TEST_F(ApiExport, SnapshotKeepsImageMetadataAndBytes) {
  server::ProjectSnapshot snapshot;
  snapshot.project.id = "p";
  snapshot.project.name = "n";
  snapshot.project.targetExportPlatforms = {"ONNX"};
  snapshot.tags.push_back({"t", "p", "tag", std::nullopt, server::TagType::Negative});
  server::NewImage image;
  image.record.id = "i";
  image.record.projectId = "p";
  image.record.metadata = {{"camera", "left"}, {"site", "Zürich"}};
  image.record.tags.push_back({"t", server::TimePoint(std::chrono::seconds(5))});
  image.bytes = std::string("\x89PNG\0\x01", 6);
  image.features = {0.5f, -1.25f, 3.0e-8f};
  snapshot.images.push_back(image);
  server::IterationRecord iteration;
  iteration.id = "it";
  iteration.status = server::IterationStatus::Completed;
  iteration.trainedAt = server::TimePoint(std::chrono::seconds(9));
  iteration.model = std::string("\0model", 6);
  iteration.holdout.push_back({"i", {0}, {0.25f}});
  snapshot.iterations.push_back(iteration);

  const server::ProjectSnapshot back = server::decodeSnapshot(server::encodeSnapshot(snapshot));
  EXPECT_EQ(back.project.targetExportPlatforms, snapshot.project.targetExportPlatforms);
  ASSERT_EQ(back.tags.size(), 1u);
  EXPECT_EQ(back.tags[0].type, server::TagType::Negative);
  EXPECT_FALSE(back.tags[0].description.has_value());
  ASSERT_EQ(back.images.size(), 1u);
  EXPECT_EQ(back.images[0].record.metadata, image.record.metadata);
  EXPECT_EQ(back.images[0].record.tags[0].created, image.record.tags[0].created);
  EXPECT_EQ(back.images[0].bytes, image.bytes);
  EXPECT_EQ(back.images[0].features, image.features);
  ASSERT_EQ(back.iterations.size(), 1u);
  EXPECT_EQ(back.iterations[0].trainedAt, iteration.trainedAt);
  EXPECT_EQ(back.iterations[0].model, iteration.model);
  EXPECT_EQ(back.iterations[0].holdout[0].probabilities, iteration.holdout[0].probabilities);
  EXPECT_THROW(server::decodeSnapshot("not cbor at all"), std::exception);
}

// The transfer records on both store back ends: exports go with their iteration, snapshots outlive the project.
void checkTransferRecords(server::Store& store) {
  server::ProjectRecord project;
  project.id = "p";
  store.putProject(project);
  server::IterationRecord iteration;
  iteration.id = "it";
  iteration.projectId = "p";
  store.putIteration(iteration);
  store.putProjectExport({"e", "p", server::TimePoint(std::chrono::seconds(1)),
                          server::TimePoint(std::chrono::seconds(2)), std::string("\0snap", 5)});
  store.putIterationExport({"p", "it", "ONNX", "ONNX12", server::ExportStatus::Exporting, {}});
  store.putIterationExport({"p", "it", "TensorFlow", "", server::ExportStatus::Exporting, {}});
  store.putIterationExport({"p", "it", "ONNX", "ONNX12", server::ExportStatus::Done, {}});  // replaces the first
  store.putIterationExport({"p", "unknown", "ONNX", "", server::ExportStatus::Done, {}});   // ignored

  const std::vector<server::IterationExportRecord> exports = store.iterationExports("p", "it");
  ASSERT_EQ(exports.size(), 2u);
  EXPECT_EQ(exports[0].platform, "ONNX");
  EXPECT_EQ(exports[0].status, server::ExportStatus::Done);
  EXPECT_EQ(exports[1].flavor, "");
  EXPECT_TRUE(store.iterationExports("p", "unknown").empty());

  store.eraseIteration("p", "it");
  store.putIteration(iteration);
  EXPECT_TRUE(store.iterationExports("p", "it").empty());
  store.eraseProject("p");
  const std::optional<server::ProjectExportRecord> kept = store.projectExport("e");
  ASSERT_TRUE(kept.has_value());
  EXPECT_EQ(kept->snapshot, std::string("\0snap", 5));
  EXPECT_EQ(kept->expires, server::TimePoint(std::chrono::seconds(2)));
  EXPECT_FALSE(store.projectExport("other").has_value());
}

TEST(ApiExportStore, SqliteKeepsTransferRecords) {
  server::SqliteStore store;
  checkTransferRecords(store);
}

TEST(ApiExportStore, MemoryKeepsTransferRecords) {
  server::MemoryStore store;
  checkTransferRecords(store);
}

}  // namespace
}  // namespace cvmock::testing
