// The Store contract, run against every back end: ordering, cascades, exact round trips, copies.
#include <gtest/gtest.h>

#include <functional>
#include <memory>

#include "mock_server/store/memory_store.h"
#include "mock_server/store/sqlite_store.h"

namespace cvmock::server {
namespace {

ProjectRecord projectNamed(const std::string& id) {
  ProjectRecord project;
  project.id = id;
  project.name = id;
  return project;
}

NewImage imageOf(const std::string& projectId, const std::string& id, std::vector<std::string> tagIds = {}) {
  NewImage image;
  image.record.id = id;
  image.record.projectId = projectId;
  for (std::string& tagId : tagIds) image.record.tags.push_back({tagId, std::chrono::system_clock::now()});
  image.bytes = "bytes-" + id;
  image.features = {1.0f, 2.0f};
  return image;
}

struct Backend {
  std::string name;
  std::function<std::unique_ptr<Store>()> make;
};

class StoreContract : public ::testing::TestWithParam<Backend> {
 protected:
  std::unique_ptr<Store> store_ = GetParam().make();
  Store& store = *store_;
};

TEST_P(StoreContract, KeepsCreationOrder) {
  store.putProject(projectNamed("b"));
  store.putProject(projectNamed("a"));
  store.putProject(projectNamed("b"));  // replacing keeps the place
  ASSERT_EQ(store.projects().size(), 2u);
  EXPECT_EQ(store.projects()[0].id, "b");
  store.addImages({imageOf("a", "i2"), imageOf("a", "i1")});
  EXPECT_EQ(store.images("a")[0].id, "i2");
  store.putTag({"t2", "a", "second", std::nullopt, TagType::Regular});
  store.putTag({"t1", "a", "first", std::nullopt, TagType::Regular});
  store.putTag({"t2", "a", "renamed", std::nullopt, TagType::Regular});
  ASSERT_EQ(store.tags("a").size(), 2u);
  EXPECT_EQ(store.tags("a")[0].name, "renamed");
}

TEST_P(StoreContract, ProjectFieldsRoundTrip) {
  ProjectRecord project = projectNamed("p");
  project.description = "desc";
  project.domainId = "d";
  project.classificationType = ClassificationType::Multiclass;
  project.targetExportPlatforms = {"CoreML", "TensorFlow"};
  project.created = std::chrono::system_clock::now();
  project.lastModified = project.created + std::chrono::nanoseconds(1234567);
  project.revision = 42;
  project.iterationsCreated = 3;
  store.putProject(project);
  const ProjectRecord read = *store.project("p");
  EXPECT_EQ(read.description, "desc");
  EXPECT_EQ(read.domainId, "d");
  EXPECT_EQ(read.classificationType, ClassificationType::Multiclass);
  EXPECT_EQ(read.targetExportPlatforms, project.targetExportPlatforms);
  EXPECT_EQ(read.created, project.created);
  EXPECT_EQ(read.lastModified, project.lastModified);
  EXPECT_EQ(read.revision, 42u);
  EXPECT_EQ(read.iterationsCreated, 3);
}

TEST_P(StoreContract, NothingIsKeptForAnUnknownProject) {
  store.putTag({"t", "ghost", "tag", std::nullopt, TagType::Regular});
  store.addImages({imageOf("ghost", "i")});
  IterationRecord iteration;
  iteration.id = "it";
  iteration.projectId = "ghost";
  store.putIteration(iteration);
  store.addPrediction({"pr", "ghost", "it", std::chrono::system_clock::now(), "app", {}}, "image");
  store.putProject(projectNamed("ghost"));
  EXPECT_TRUE(store.tags("ghost").empty());
  EXPECT_TRUE(store.images("ghost").empty());
  EXPECT_TRUE(store.iterations("ghost").empty());
  EXPECT_TRUE(store.predictions("ghost").empty());
}

TEST_P(StoreContract, ErasingATagUntagsItsImages) {
  store.putProject(projectNamed("p"));
  store.putTag({"t", "p", "tag", std::nullopt, TagType::Regular});
  store.putTag({"u", "p", "other", "kept", TagType::Negative});
  store.addImages({imageOf("p", "i", {"t", "u"})});
  store.eraseTag("p", "t");
  ASSERT_EQ(store.tags("p").size(), 1u);
  EXPECT_EQ(store.tags("p")[0].description, "kept");
  EXPECT_EQ(store.tags("p")[0].type, TagType::Negative);
  ASSERT_EQ(store.image("p", "i")->tags.size(), 1u);
  EXPECT_EQ(store.image("p", "i")->tags[0].tagId, "u");
}

TEST_P(StoreContract, ErasingAProjectErasesWhatItOwns) {
  store.putProject(projectNamed("p"));
  store.putProject(projectNamed("q"));
  store.putTag({"t", "p", "tag", std::nullopt, TagType::Regular});
  store.addImages({imageOf("p", "i", {"t"}), imageOf("q", "j")});
  IterationRecord iteration;
  iteration.id = "it";
  iteration.projectId = "p";
  store.putIteration(iteration);
  store.addPrediction({"pr", "p", "it", std::chrono::system_clock::now(), "app", {}}, "image");
  store.eraseProject("p");
  EXPECT_FALSE(store.project("p"));
  EXPECT_FALSE(store.imageBytes("p", "i"));
  store.putProject(projectNamed("p"));
  EXPECT_TRUE(store.images("p").empty());
  EXPECT_TRUE(store.tags("p").empty());
  EXPECT_TRUE(store.iterations("p").empty());
  EXPECT_TRUE(store.predictions("p").empty());
  EXPECT_EQ(store.images("q").size(), 1u);  // another project's images stay
}

TEST_P(StoreContract, AProjectAddedWholeKeepsEverythingAndItsRevision) {
  store.putProject(projectNamed("first"));
  ProjectContents contents{projectNamed("p"), {}, {imageOf("p", "i", {"t"}), imageOf("p", "j")}, {}};
  contents.project.revision = 3;
  contents.tags.push_back({"t", "p", "tag", std::nullopt, TagType::Regular});
  IterationRecord iteration;
  iteration.id = "it";
  iteration.projectId = "p";
  contents.iterations.push_back(iteration);
  store.addProject(contents);
  ASSERT_EQ(store.projects().size(), 2u);
  EXPECT_EQ(store.projects()[1].id, "p");  // after the ones before it
  EXPECT_EQ(store.project("p")->revision, 3u);
  EXPECT_EQ(store.tags("p").size(), 1u);
  ASSERT_EQ(store.images("p").size(), 2u);
  EXPECT_EQ(store.image("p", "i")->tags.size(), 1u);
  EXPECT_EQ(store.imageBytes("p", "j"), "bytes-j");
  EXPECT_EQ(store.imageFeatures("p", {"i"}).front(), (std::vector<float>{1.0f, 2.0f}));
  EXPECT_EQ(store.iterations("p").size(), 1u);
}

TEST_P(StoreContract, ImageBytesAndFeaturesByIdAfterDeletes) {
  store.putProject(projectNamed("p"));
  NewImage binary = imageOf("p", "i3");
  binary.bytes = std::string("\x00\xff\x00jpeg", 7);
  binary.features = {0.1f, -3.5e-12f, 7.0f};
  store.addImages({imageOf("p", "i1"), imageOf("p", "i2"), binary});
  store.eraseImages("p", {"i1", "missing"});
  EXPECT_EQ(store.imageBytes("p", "i3"), binary.bytes);
  const auto features = store.imageFeatures("p", {"i3", "i1"});
  EXPECT_EQ(features[0], binary.features);
  EXPECT_TRUE(features[1].empty());
  EXPECT_EQ(store.images("p").size(), 2u);
}

// More ids than one part of a bulk read (SqliteStore reads 128 at a time): every one in the order asked.
TEST_P(StoreContract, FeaturesOfManyImagesComeInTheOrderAsked) {
  store.putProject(projectNamed("p"));
  std::vector<NewImage> images;
  std::vector<std::string> ids;
  for (int i = 0; i < 600; ++i) {
    images.push_back(imageOf("p", "i" + std::to_string(i)));
    images.back().features = {static_cast<float>(i)};
    ids.insert(ids.begin(), "i" + std::to_string(i));  // newest first
  }
  store.addImages(images);
  ids[300] = "missing";
  const auto features = store.imageFeatures("p", ids);
  ASSERT_EQ(features.size(), 600u);
  EXPECT_TRUE(features[300].empty());
  for (std::size_t at = 0; at < 600; ++at) {
    if (at == 300) continue;
    EXPECT_EQ(features[at], std::vector<float>{static_cast<float>(599 - at)}) << at;
  }
}

TEST_P(StoreContract, AddingAnExistingImageKeepsTheFirst) {
  store.putProject(projectNamed("p"));
  store.addImages({imageOf("p", "i")});
  NewImage again = imageOf("p", "i");
  again.bytes = "other";
  store.addImages({again, imageOf("p", "j")});
  EXPECT_EQ(store.imageBytes("p", "i"), "bytes-i");
  EXPECT_EQ(store.images("p").size(), 2u);
}

TEST_P(StoreContract, PutImageRecordsReplacesTagsAndMetadata) {
  store.putProject(projectNamed("p"));
  store.addImages({imageOf("p", "i", {"a", "b"})});
  ImageRecord record = *store.image("p", "i");
  record.tags = {{"c", std::chrono::system_clock::now()}, {"a", std::chrono::system_clock::now()}};
  record.metadata = {{"k", "v"}};
  record.width = 17;
  ImageRecord ghost = record;
  ghost.id = "ghost";
  store.putImageRecords({record, ghost});
  const ImageRecord read = *store.image("p", "i");
  ASSERT_EQ(read.tags.size(), 2u);
  EXPECT_EQ(read.tags[0].tagId, "c");
  EXPECT_EQ(read.tags[1].tagId, "a");
  EXPECT_EQ(read.tags[0].created, record.tags[0].created);
  EXPECT_EQ(read.metadata, record.metadata);
  EXPECT_EQ(read.width, 17);
  EXPECT_FALSE(store.image("p", "ghost"));
}

TEST_P(StoreContract, IterationsRoundTripExactly) {
  store.putProject(projectNamed("p"));
  IterationRecord iteration;
  iteration.id = "it";
  iteration.projectId = "p";
  iteration.name = "Iteration 1";
  iteration.status = IterationStatus::Completed;
  iteration.created = std::chrono::system_clock::now();
  iteration.lastModified = iteration.created;
  iteration.trainedAt = iteration.created + std::chrono::microseconds(7);
  iteration.domainId = "d";
  iteration.classificationType = ClassificationType::Multiclass;
  iteration.trainingType = "Advanced";
  iteration.reservedBudgetInHours = 2;
  iteration.trainingTimeInMinutes = 1;
  iteration.publishName = "model";
  iteration.publishResourceId = "/subscriptions/x";
  iteration.trainedRevision = 9;
  iteration.tags = {{"t1", "circle", TagType::Regular, 5}, {"t2", "none", TagType::Negative, 6}};
  iteration.model = std::string("\x00model\x01\xff", 8);
  iteration.holdout = {{"i1", {0}, {0.1f, 0.9f}}, {"i2", {1, 0}, {1.0f / 3.0f, 2.1e-20f}}};
  store.putIteration(iteration);
  const IterationRecord read = *store.iteration("p", "it");
  EXPECT_EQ(read.name, iteration.name);
  EXPECT_EQ(read.status, IterationStatus::Completed);
  EXPECT_EQ(read.trainedAt, iteration.trainedAt);
  EXPECT_EQ(read.classificationType, ClassificationType::Multiclass);
  EXPECT_EQ(read.trainingType, "Advanced");
  EXPECT_EQ(read.publishName, "model");
  EXPECT_EQ(read.publishResourceId, "/subscriptions/x");
  EXPECT_EQ(read.trainedRevision, 9u);
  ASSERT_EQ(read.tags.size(), 2u);
  EXPECT_EQ(read.tags[1].type, TagType::Negative);
  EXPECT_EQ(read.tags[1].imageCount, 6);
  EXPECT_EQ(read.model, iteration.model);
  ASSERT_EQ(read.holdout.size(), 2u);
  EXPECT_EQ(read.holdout[1].labels, iteration.holdout[1].labels);
  EXPECT_EQ(read.holdout[1].probabilities, iteration.holdout[1].probabilities);  // bit for bit
  EXPECT_FALSE(read.failure);

  iteration.publishName.reset();
  iteration.trainedAt.reset();
  iteration.failure = "why";
  store.putIteration(iteration);
  EXPECT_FALSE(store.iteration("p", "it")->publishName);
  EXPECT_FALSE(store.iteration("p", "it")->trainedAt);
  EXPECT_EQ(store.iteration("p", "it")->failure, "why");
  store.eraseIteration("p", "it");
  EXPECT_FALSE(store.iteration("p", "it"));
}

TEST_P(StoreContract, AnIterationIsAddedWithItsProjectsCounter) {
  store.putProject(projectNamed("p"));
  ProjectRecord project = *store.project("p");
  project.iterationsCreated = 1;
  IterationRecord iteration;
  iteration.id = "it";
  iteration.projectId = "p";
  iteration.name = "Iteration 1";
  store.addIteration(project, iteration);
  EXPECT_EQ(store.project("p")->iterationsCreated, 1);
  EXPECT_EQ(store.iteration("p", "it")->name, "Iteration 1");
  ProjectRecord ghost = projectNamed("ghost");
  ghost.iterationsCreated = 1;
  store.addIteration(ghost, iteration);
  EXPECT_FALSE(store.project("ghost"));
}

TEST_P(StoreContract, PredictionsKeepTheirOrderAndValues) {
  store.putProject(projectNamed("p"));
  const TimePoint created = std::chrono::system_clock::now();
  store.addPrediction({"a", "p", "it", created, "app", {{"t", "tag", TagType::Regular, 0.123456789f}}}, "a");
  store.addPrediction({"b", "p", "it", created, "", {}}, "b");
  const std::vector<PredictionRecord> read = store.predictions("p");
  ASSERT_EQ(read.size(), 2u);
  EXPECT_EQ(read[0].id, "a");
  EXPECT_EQ(read[0].created, created);
  EXPECT_EQ(read[0].application, "app");
  ASSERT_EQ(read[0].predictions.size(), 1u);
  EXPECT_EQ(read[0].predictions[0].probability, 0.123456789f);
  EXPECT_EQ(read[1].id, "b");
}

TEST_P(StoreContract, PredictionsKeepTheirImageUntilErased) {
  store.putProject(projectNamed("p"));
  store.putProject(projectNamed("q"));
  const std::string bytes("\x89PNG\x00\xff", 6);
  store.addPrediction({"a", "p", "it", std::chrono::system_clock::now(), "", {}}, bytes);
  store.addPrediction({"b", "p", "it", std::chrono::system_clock::now(), "", {}}, "b");
  store.addPrediction({"c", "q", "it", std::chrono::system_clock::now(), "", {}}, "c");
  EXPECT_EQ(store.predictionImage("p", "a"), bytes);
  EXPECT_FALSE(store.predictionImage("q", "a"));  // ids are looked up within their project
  store.erasePredictions("p", {"a", "unknown"});
  EXPECT_FALSE(store.predictionImage("p", "a"));
  ASSERT_EQ(store.predictions("p").size(), 1u);
  EXPECT_EQ(store.predictions("p")[0].id, "b");
  EXPECT_EQ(store.predictionImage("p", "b"), "b");
  EXPECT_EQ(store.predictions("q").size(), 1u);
}

TEST_P(StoreContract, RegionsRoundTripAndGoWithTheirTagAndAdvanceTheRevision) {
  store.putProject(projectNamed("p"));
  const TimePoint created = std::chrono::system_clock::now();
  NewImage image = imageOf("p", "i");
  image.record.regions = {{"r1", "t", {0.1f, 0.2f, 1.0f / 3.0f, 0.4f}, created},
                          {"r2", "u", {0, 0, 1, 1}, created + std::chrono::microseconds(5)}};
  store.addImages({image, imageOf("p", "j")});
  ImageRecord read = *store.image("p", "i");
  ASSERT_EQ(read.regions.size(), 2u);
  EXPECT_EQ(read.regions[0].regionId, "r1");
  EXPECT_EQ(read.regions[0].tagId, "t");
  EXPECT_EQ(read.regions[0].box.width, 1.0f / 3.0f);  // bit for bit
  EXPECT_EQ(read.regions[0].box.top, 0.2f);
  EXPECT_EQ(read.regions[1].created, image.record.regions[1].created);
  EXPECT_TRUE(store.image("p", "j")->regions.empty());
  EXPECT_EQ(store.images("p")[0].regions.size(), 2u);

  const std::uint64_t before = store.project("p")->revision;
  read.regions.erase(read.regions.begin());
  store.putImageRecords({read});
  EXPECT_GT(store.project("p")->revision, before);
  ASSERT_EQ(store.image("p", "i")->regions.size(), 1u);
  EXPECT_EQ(store.image("p", "i")->regions[0].regionId, "r2");

  store.putTag({"u", "p", "tag", std::nullopt, TagType::Regular});
  store.eraseTag("p", "u");
  EXPECT_TRUE(store.image("p", "i")->regions.empty());
}

TEST_P(StoreContract, DetectorHoldoutAndBoxedPredictionsRoundTrip) {
  store.putProject(projectNamed("p"));
  IterationRecord iteration;
  iteration.id = "it";
  iteration.projectId = "p";
  HoldoutImage held{"i1", {}, {}, {{1, {0.1f, 0.2f, 0.3f, 0.4f}}}, {{0, {0.5f, 0.5f, 0.25f, 1.0f / 7.0f}, 0.9f}}};
  iteration.holdout = {held, {"i2", {0}, {0.5f}, {}, {}}};
  store.putIteration(iteration);
  const IterationRecord read = *store.iteration("p", "it");
  ASSERT_EQ(read.holdout.size(), 2u);
  ASSERT_EQ(read.holdout[0].regions.size(), 1u);
  EXPECT_EQ(read.holdout[0].regions[0].tag, 1);
  EXPECT_EQ(read.holdout[0].regions[0].box.height, 0.4f);
  ASSERT_EQ(read.holdout[0].detections.size(), 1u);
  EXPECT_EQ(read.holdout[0].detections[0].box.height, 1.0f / 7.0f);
  EXPECT_EQ(read.holdout[0].detections[0].probability, 0.9f);
  EXPECT_TRUE(read.holdout[1].regions.empty());
  EXPECT_EQ(read.holdout[1].probabilities, std::vector<float>{0.5f});

  PredictionEntry boxed{"t", "tag", TagType::Regular, 0.75f, BoxRecord{0.25f, 0.5f, 0.125f, 1.0f / 3.0f}};
  store.addPrediction({"a", "p", "it", std::chrono::system_clock::now(), "", {boxed, {"t", "tag", TagType::Regular, 0.5f, std::nullopt}}}, "a");
  const PredictionRecord stored = store.predictions("p").front();
  ASSERT_EQ(stored.predictions.size(), 2u);
  ASSERT_TRUE(stored.predictions[0].boundingBox);
  EXPECT_EQ(stored.predictions[0].boundingBox->height, 1.0f / 3.0f);
  EXPECT_FALSE(stored.predictions[1].boundingBox);
}

TEST_P(StoreContract, CountsStarts) {
  EXPECT_EQ(store.recordStart(), 0u);
  EXPECT_EQ(store.recordStart(), 1u);
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreContract,
                         ::testing::Values(Backend{"Memory", [] { return std::make_unique<MemoryStore>(); }},
                                           Backend{"Sqlite", [] { return std::make_unique<SqliteStore>(); }}),
                         [](const ::testing::TestParamInfo<Backend>& info) { return info.param.name; });

}  // namespace
}  // namespace cvmock::server
