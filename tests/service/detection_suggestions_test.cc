// Suggested regions from a detector, called on the service: SuggestTagsAndRegions answers DetectImage's boxes
// for each image, QuerySuggestedImages and its count filter untagged images by their boxes' probabilities.
#include <chrono>
#include <cmath>
#include <future>
#include <set>
#include <utility>

#include "tests/service/detection_fixture.h"
#include "tests/service/hooked_store.h"

namespace cvmock::server::testing {
namespace {

constexpr int kTrained = 30;
constexpr int kUntagged = 5;

class DetectionSuggestions : public DetectionProjectTest {
 protected:
  void SetUp() override {
    auto hooked = std::make_unique<HookedStore>();
    store = hooked.get();
    start({}, std::move(hooked));
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

  // At the first image read of the next call: deletes `imageId` from another thread, and waits (up to 10 s) for
  // the delete to be done. A delete takes the rules lock exclusively, so it is done only if the call reads
  // images without holding that lock.
  void deleteDuringNextCall(const std::string& imageId) {
    store->beforeImageRead = [this, imageId, done = false](const std::string&, const std::string&) mutable {
      if (std::exchange(done, true)) return;
      deletion = std::async(std::launch::async, [this, imageId] { service->images().deleteImages(projectId, {imageId}); });
      deletedMeanwhile = deletion.wait_for(std::chrono::seconds(10)) == std::future_status::ready;
    };
  }

  HookedStore* store = nullptr;  // owned by the service
  IterationRecord iteration;
  std::vector<std::string> untagged;
  std::future<void> deletion;
  bool deletedMeanwhile = false;
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

// A detector's suggestions cost 10-30 ms an image, so they are made after the rules lock is released: a write
// goes ahead meanwhile, and an image it deletes is left out, as if deleted before the call.
TEST_F(DetectionSuggestions, AnImageDeletedWhileSuggestionsAreMadeIsLeftOut) {
  const std::string gone = untagged.back();
  deleteDuringNextCall(gone);
  SuggestedTagQuery query;
  query.threshold = 0;
  const SuggestedTagQueryView found = service->suggestions().querySuggestedImages(projectId, iteration.id, query);
  deletion.get();
  EXPECT_TRUE(deletedMeanwhile) << "the delete waited for the suggestions: they held the rules lock";
  for (const SuggestedTagsView& view : found.results) EXPECT_NE(view.image.id, gone);
  EXPECT_FALSE(found.results.empty());

  const std::vector<std::string> left(untagged.begin(), untagged.end() - 1);
  deleteDuringNextCall(left.back());
  EXPECT_EQ(errorCodeOf([&] { service->suggestions().suggestTags(projectId, iteration.id, left); }),
            errors::notFoundImage().code());
  deletion.get();
  EXPECT_TRUE(deletedMeanwhile);
}

// A classifier's suggestions read the stored features after the lock too; the count leaves the image out.
TEST_F(ServiceTest, AnImageDeletedWhileAClassifierSuggestsIsNotCounted) {
  auto hooked = std::make_unique<HookedStore>();
  HookedStore* store = hooked.get();
  start({}, std::move(hooked));
  const std::string projectId = labelledProject({"circle", "square"}, 6, "Multilabel");
  const IterationRecord iteration = trained(projectId);
  ASSERT_EQ(iteration.status, IterationStatus::Completed);
  const std::vector<fixtures::FixtureImage> extra = fixtures::generateFixtureSet({{"circle"}, 3, 64, 64, 11});
  std::vector<ImageUpload> uploads;
  for (const fixtures::FixtureImage& image : extra) uploads.push_back({image.fileName, image.bytes, {}, {}, std::nullopt, {}});
  std::vector<std::string> untagged;
  for (const ImageCreateResultView& result : service->images().createImages(projectId, std::move(uploads)).images) {
    untagged.push_back(result.image->image.id);
  }
  ASSERT_EQ(untagged.size(), 3u);
  EXPECT_EQ(service->suggestions().countSuggestedImages(projectId, iteration.id, {}, 0).begin()->second, 3);

  std::future<void> deletion;
  bool deletedMeanwhile = false;
  store->beforeImageRead = [&, done = false](const std::string&, const std::string&) mutable {
    if (std::exchange(done, true)) return;
    deletion = std::async(std::launch::async, [&] { service->images().deleteImages(projectId, {untagged[1]}); });
    deletedMeanwhile = deletion.wait_for(std::chrono::seconds(10)) == std::future_status::ready;
  };
  const std::map<std::string, int> counts = service->suggestions().countSuggestedImages(projectId, iteration.id, {}, 0);
  deletion.get();
  EXPECT_TRUE(deletedMeanwhile) << "the delete waited for the suggestions: they held the rules lock";
  for (const auto& [tagId, count] : counts) EXPECT_EQ(count, 2) << tagId;
}

}  // namespace
}  // namespace cvmock::server::testing
