// Scenario steps on the published iteration: the Prediction API (image/URL, stored or not), stored predictions
// (query, create images from them, delete), suggested tags for the untagged images, and object detection, which a
// classifier refuses.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "tests/contract/cpp/scenario.h"
#include "tests/contract/cpp/support.h"

namespace cvmock::contract {

namespace {

using namespace client;

constexpr int kPredictedIndex = 7;
constexpr int kSecondPredictedIndex = 9;

void expectPrediction(const Scenario& s, const ImagePrediction& result, const std::string& shape) {
  EXPECT_EQ(result.project, *s.projectId);
  EXPECT_EQ(result.iteration, *s.iteration1);
  expectRanked(result.predictions);
  EXPECT_EQ(result.predictions.size(), 3u) << "every trained tag is scored";
  if (!result.predictions.empty()) {
    EXPECT_EQ(result.predictions[0].tagName, shape);
  }
}

// Every id in wanted shows in QueryPredictions and none in unwanted (polled: the real service stores late).
PredictionQueryResult storedPredictionsShow(Scenario& s, const std::vector<std::string>& wanted,
                                            const std::vector<std::string>& unwanted) {
  TrainingClient training = s.target->training();
  return poll(
      "stored predictions to show",
      [&]() -> std::optional<PredictionQueryResult> {
        PredictionQueryResult query = training.queryPredictions(*s.projectId, {.orderBy = PredictionOrder::Newest});
        std::set<std::string> found;
        for (const auto& result : query.results) found.insert(result.id);
        const bool all = std::all_of(wanted.begin(), wanted.end(), [&](const auto& id) { return found.count(id); });
        const bool none =
            std::none_of(unwanted.begin(), unwanted.end(), [&](const auto& id) { return found.count(id); });
        return all && none ? std::optional(query) : std::nullopt;
      },
      s.target->pollInterval, std::chrono::seconds(60));
}

}  // namespace

void classify(Scenario& s) {
  CONTRACT_NEED(s, publishName);
  CONTRACT_NEED(s, stored);
  PredictionClient prediction = s.target->prediction();
  const std::string& p = *s.projectId;
  const std::string& name = *s.publishName;
  auto data = [&](const std::string& shape, int index) { return s.images->data(s.images->file(shape, index)); };
  // A fresh publication can take a moment to reach the real prediction endpoint.
  const ImagePrediction stored = poll(
      "the published iteration to answer",
      [&]() -> std::optional<ImagePrediction> {
        return prediction.classifyImage(p, name, data("circle", kPredictedIndex));
      },
      s.target->pollInterval, std::chrono::seconds(60), s.target->real);
  expectPrediction(s, stored, "circle");
  s.stored->push_back(stored.id);
  s.classifiedCircle = stored.id;
  const ImagePrediction noStore = prediction.classifyImageWithNoStore(p, name, data("square", kSecondPredictedIndex));
  expectPrediction(s, noStore, "square");
  s.notStored.push_back(noStore.id);
  expectError([&] { prediction.classifyImage(p, "no-such-publication", data("circle", 0)); }, 404, "NotFoundIteration");

  auto url = [&](const std::string& shape, int index) { return s.images->url(s.images->file(shape, index)); };
  if (!url("triangle", kSecondPredictedIndex)) {
    GTEST_SKIP() << "no public image URL (set CVMOCK_CONTRACT_IMAGE_BASE_URL): ClassifyImageUrl not run";
  }
  const ImagePrediction fromUrl = prediction.classifyImageUrl(p, name, {*url("triangle", kSecondPredictedIndex)});
  expectPrediction(s, fromUrl, "triangle");
  s.stored->push_back(fromUrl.id);
  const ImagePrediction fromUrlNoStore =
      prediction.classifyImageUrlWithNoStore(p, name, {*url("circle", kSecondPredictedIndex)});
  expectPrediction(s, fromUrlNoStore, "circle");
  s.notStored.push_back(fromUrlNoStore.id);
}

void storedPredictions(Scenario& s) {
  CONTRACT_NEED(s, classifiedCircle);
  TrainingClient training = s.target->training();
  const std::string& p = *s.projectId;
  const PredictionQueryResult query = storedPredictionsShow(s, *s.stored, s.notStored);
  auto circle = std::find_if(query.results.begin(), query.results.end(),
                             [&](const StoredImagePrediction& r) { return r.id == *s.classifiedCircle; });
  ASSERT_NE(circle, query.results.end());
  EXPECT_EQ(circle->project, p);
  EXPECT_EQ(circle->iteration, *s.iteration1);
  ASSERT_FALSE(circle->predictions.empty());
  EXPECT_EQ(circle->predictions[0].tagName, "circle");

  const int taggedBefore = training.getTaggedImageCount(p);
  const ImageCreateSummary summary = training.createImagesFromPredictions(
      p, {.images = {{.id = *s.classifiedCircle}}, .tagIds = {s.tags->at("circle")}});
  EXPECT_TRUE(summary.isBatchSuccessful);
  ASSERT_EQ(summary.images.size(), 1u);
  EXPECT_EQ(summary.images[0].status, ImageCreateStatus::OK);
  EXPECT_EQ(summary.images[0].sourceUrl, *s.classifiedCircle);
  ASSERT_TRUE(summary.images[0].image.has_value());
  s.fromPrediction = summary.images[0].image->id;
  EXPECT_EQ(training.getTaggedImageCount(p), taggedBefore + 1);
  const std::vector<Image> copied = training.getImagesByIds(p, {*s.fromPrediction});
  ASSERT_EQ(copied.size(), 1u);
  EXPECT_EQ(copied[0].tags.value_or(std::vector<ImageTag>{}).at(0).tagId, s.tags->at("circle"));

  const std::string doomed = s.stored->front();
  training.deletePrediction(p, {doomed});
  storedPredictionsShow(s, std::vector<std::string>(s.stored->begin() + 1, s.stored->end()), {doomed});
}

void suggestedTags(Scenario& s) {
  CONTRACT_NEED(s, publishName);
  CONTRACT_NEED(s, untagged);
  TrainingClient training = s.target->training();
  const std::string& p = *s.projectId;
  const std::string& it = *s.iteration1;
  std::vector<std::string> trained;
  for (const auto& [shape, id] : *s.tags) trained.push_back(id);
  const std::vector<SuggestedTagAndRegion> suggestions = training.suggestTagsAndRegions(p, it, *s.untagged);
  EXPECT_EQ(suggestions.size(), s.untagged->size());
  for (const SuggestedTagAndRegion& suggestion : suggestions) {
    EXPECT_EQ(suggestion.project, p);
    EXPECT_EQ(suggestion.iteration, it);
    expectRanked(suggestion.predictions);
    for (const Prediction& prediction : suggestion.predictions) {
      EXPECT_NE(std::find(trained.begin(), trained.end(), prediction.tagId), trained.end());
    }
  }
  const double threshold = 0.5;
  auto expected = [&](const std::string& tagId) {
    return static_cast<int>(std::count_if(suggestions.begin(), suggestions.end(), [&](const auto& suggestion) {
      return std::any_of(suggestion.predictions.begin(), suggestion.predictions.end(), [&](const Prediction& pr) {
        return pr.tagId == tagId && pr.probability >= threshold;
      });
    }));
  };
  std::map<std::string, int> wantedCounts;
  std::map<std::string, int> everything;
  for (const std::string& tagId : trained) {
    wantedCounts[tagId] = expected(tagId);
    everything[tagId] = static_cast<int>(s.untagged->size());
  }
  EXPECT_EQ(training.querySuggestedImageCount(p, it, {.tagIds = trained, .threshold = threshold}), wantedCounts);
  EXPECT_EQ(training.querySuggestedImageCount(p, it, {.tagIds = trained, .threshold = 0.0}), everything);

  const std::string circle = s.tags->at("circle");
  const SuggestedTagAndRegionQuery query =
      training.querySuggestedImages(p, it, {.tagIds = {circle}, .threshold = threshold, .maxCount = 64});
  EXPECT_EQ(static_cast<int>(query.results.size()), expected(circle));
  for (const StoredSuggestedTagAndRegion& result : query.results) {
    EXPECT_EQ(result.iteration, it);
    EXPECT_TRUE(std::any_of(result.predictions.begin(), result.predictions.end(), [&](const Prediction& pr) {
      return pr.tagId == circle && pr.probability >= threshold;
    }));
  }
}

void detectionRefused(Scenario& s) {
  CONTRACT_NEED(s, publishName);
  TrainingClient training = s.target->training();
  PredictionClient prediction = s.target->prediction();
  const std::string& p = *s.projectId;
  const std::string image = s.images->data(s.images->file("circle", 0));
  expectError([&] { training.getImageRegionProposals(p, s.imageIds->at("circle").at(0)); }, 400,
              "BadRequestNotSupported");
  expectError([&] { prediction.detectImage(p, *s.publishName, image); }, 400, "BadRequestNotSupported");
  expectError([&] { prediction.detectImageWithNoStore(p, "no-such-publication", image); }, 404, "NotFoundIteration");
}

}  // namespace cvmock::contract
