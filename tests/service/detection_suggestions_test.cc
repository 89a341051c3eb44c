// Suggested regions from a detector, called on the service: SuggestTagsAndRegions answers DetectImage's boxes
// for each image, QuerySuggestedImages and its count filter untagged images by their boxes' probabilities.
#include <cmath>
#include <set>

#include "tests/service/detection_fixture.h"

namespace cvmock::server::testing {
namespace {

constexpr int kTrained = 30;
constexpr int kUntagged = 5;

class DetectionSuggestions : public DetectionProjectTest {
 protected:
  void SetUp() override {
    DetectionProjectTest::SetUp();
    makeProject(kTrained, kUntagged);
    iteration = trained(projectId);
    ASSERT_EQ(iteration.status, IterationStatus::Completed) << iteration.failure.value_or("");
    std::vector<ImageUpload> uploads;
    for (int i = kTrained; i < kTrained + kUntagged; ++i) {
      uploads.push_back({scenes[i].fileName, scenes[i].bytes, {}, {}, std::nullopt, {}});
    }
    for (const ImageCreateResultView& result : service->images().createImages(projectId, std::move(uploads)).images) {
      untagged.push_back(result.image->image.id);
    }
  }

  // The untagged images with a box of `tagId` at or above `threshold`, by the suggestions for every image.
  std::set<std::string> expectedMatches(const std::string& tagId, double threshold) {
    std::set<std::string> ids;
    for (const SuggestedTagsView& view : service->suggestions().suggestTags(projectId, iteration.id, untagged)) {
      for (const PredictionEntry& entry : view.predictions) {
        if (entry.tagId == tagId && entry.probability >= threshold) ids.insert(view.image.id);
      }
    }
    return ids;
  }

  IterationRecord iteration;
  std::vector<std::string> untagged;
};

TEST_F(DetectionSuggestions, SuggestionsAreTheDetectionsOfEachImage) {
  const std::vector<SuggestedTagsView> views = service->suggestions().suggestTags(projectId, iteration.id, untagged);
  ASSERT_EQ(views.size(), untagged.size());
  for (std::size_t i = 0; i < views.size(); ++i) {
    const SuggestedTagsView& view = views[i];
    EXPECT_EQ(view.image.id, untagged[i]);
    EXPECT_EQ(view.iterationId, iteration.id);
    const PredictionRecord detected = service->predictions().quickTestImage(
        as("train-we"), projectId, iteration.id, scenes[kTrained + i].bytes, false);
    ASSERT_FALSE(view.predictions.empty());
    ASSERT_EQ(view.predictions.size(), detected.predictions.size());
    double entropy = 0;
    for (std::size_t k = 0; k < view.predictions.size(); ++k) {
      const PredictionEntry& entry = view.predictions[k];
      EXPECT_EQ(entry.tagId, detected.predictions[k].tagId);
      EXPECT_EQ(entry.probability, detected.predictions[k].probability);
      ASSERT_TRUE(entry.boundingBox.has_value());
      EXPECT_EQ(entry.boundingBox->left, detected.predictions[k].boundingBox->left);
      EXPECT_EQ(entry.boundingBox->width, detected.predictions[k].boundingBox->width);
      const double p = entry.probability;
      entropy += (p > 0 ? -p * std::log(p) : 0.0) + (p < 1 ? -(1 - p) * std::log(1 - p) : 0.0);
    }
    EXPECT_NEAR(view.uncertainty, entropy, 1e-9);
  }
}

TEST_F(DetectionSuggestions, QueryAndCountFilterUntaggedImagesByTheirBoxes) {
  for (const double threshold : {0.0, 0.5, 0.9}) {
    SuggestedTagQuery query;
    query.tagIds = {tagIds.at("circle")};
    query.threshold = threshold;
    const std::set<std::string> expected = expectedMatches(tagIds.at("circle"), threshold);
    const SuggestedTagQueryView found = service->suggestions().querySuggestedImages(projectId, iteration.id, query);
    std::set<std::string> ids;
    for (const SuggestedTagsView& view : found.results) {
      ids.insert(view.image.id);
      EXPECT_TRUE(view.predictions.front().boundingBox.has_value());
    }
    EXPECT_EQ(ids, expected) << "threshold " << threshold;
    for (std::size_t i = 1; i < found.results.size(); ++i) {
      EXPECT_GE(found.results[i - 1].uncertainty, found.results[i].uncertainty);
    }

    const std::map<std::string, int> counts = service->suggestions().countSuggestedImages(
        projectId, iteration.id, {tagIds.at("circle"), tagIds.at("square")}, threshold);
    EXPECT_EQ(counts.at(tagIds.at("circle")), static_cast<int>(expected.size()));
    EXPECT_EQ(counts.at(tagIds.at("square")),
              static_cast<int>(expectedMatches(tagIds.at("square"), threshold).size()));
  }
  // At threshold 0 every box counts: there are more boxes than images, and the count is of images.
  const std::vector<SuggestedTagsView> views = service->suggestions().suggestTags(projectId, iteration.id, untagged);
  std::size_t boxes = 0;
  for (const SuggestedTagsView& view : views) boxes += view.predictions.size();
  EXPECT_GT(boxes, untagged.size());
  const std::map<std::string, int> all = service->suggestions().countSuggestedImages(projectId, iteration.id, {}, 0);
  EXPECT_EQ(all.size(), 2u);
  for (const auto& [tagId, count] : all) EXPECT_LE(count, kUntagged) << tagId;
}

}  // namespace
}  // namespace cvmock::server::testing
