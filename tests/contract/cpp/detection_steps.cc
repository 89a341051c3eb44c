// Scenario steps of object detection, on a project of its own: a detection domain found by type, scenes uploaded
// with their regions, regions created and deleted, region proposals, training, performance at three overlap
// thresholds, quick tests (stored and not), publishing, detection by image and URL (stored and not) on held-out
// scenes, and the stored detections. The same walk as the JS and Python suites' detection steps.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <set>

#include "tests/contract/cpp/scenario.h"
#include "tests/contract/cpp/support.h"

namespace cvmock::contract {

namespace {

using namespace client;

const std::string kGeneralDetection = "da2e3a8a-40a5-4171-82f4-58522f70fbc1";  // General, of type ObjectDetection
constexpr size_t kHeldOut = 4;  // the last scenes are never uploaded; the detector is asked about them
const std::string kApplication = "contract-detection";  // tags the stored detections, so the query finds them
constexpr double kCoordinateTolerance = 1e-4;          // the service keeps coordinates as floats
const BoundingBox kScratchBox{0.01, 0.01, 0.05, 0.05};  // a region added then deleted: no scene object reaches it

std::vector<Scene> trainingScenes(const Scenario& s) {
  const std::vector<Scene>& all = s.images->scenes();
  return {all.begin(), all.end() - kHeldOut};
}

std::vector<Scene> heldOut(const Scenario& s) {
  const std::vector<Scene>& all = s.images->scenes();
  return {all.end() - kHeldOut, all.end()};
}

template <class Boxed>
BoundingBox boxOf(const Boxed& region) {
  return {region.left, region.top, region.width, region.height};
}

bool sameBox(const BoundingBox& a, const BoundingBox& b) {
  return std::abs(a.left - b.left) <= kCoordinateTolerance && std::abs(a.top - b.top) <= kCoordinateTolerance &&
         std::abs(a.width - b.width) <= kCoordinateTolerance && std::abs(a.height - b.height) <= kCoordinateTolerance;
}

std::string describe(const BoundingBox& box) {
  return "(" + std::to_string(box.left) + ", " + std::to_string(box.top) + ", " + std::to_string(box.width) + ", " +
         std::to_string(box.height) + ")";
}

void expectInsideTheImage(const std::optional<BoundingBox>& box) {
  ASSERT_TRUE(box.has_value()) << "a bounding box";
  EXPECT_TRUE(box->left >= 0 && box->top >= 0 && box->width > 0 && box->height > 0) << describe(*box);
  EXPECT_TRUE(box->left + box->width <= 1 + 1e-6 && box->top + box->height <= 1 + 1e-6) << describe(*box);
}

// An image's regions are the ground truth's, in any order, each with its id and tag.
void expectRegionsMatch(const Scenario& s, const std::vector<ImageRegion>& regions,
                        const std::vector<SceneObject>& truth) {
  EXPECT_EQ(regions.size(), truth.size());
  for (const ImageRegion& region : regions) {
    EXPECT_FALSE(region.regionId.empty());
    ASSERT_TRUE(region.tagName.has_value());
    EXPECT_EQ(region.tagId, s.detTags->at(*region.tagName));
    EXPECT_TRUE(std::any_of(truth.begin(), truth.end(),
                            [&](const SceneObject& t) {
                              return t.tagName == *region.tagName && sameBox(boxOf(region), t.box);
                            }))
        << *region.tagName << " " << describe(boxOf(region)) << " is not one of the scene's objects";
  }
}

// A tag's boxes come together, most probable first within the tag; not ranked across tags (the recorded
// service's DetectImageUrl: fork 0.148, fork 0.039, scissors 0.364, scissors 0.148).
void expectGroupedByTag(const std::vector<Prediction>& predictions) {
  std::set<std::string> finished;
  for (std::size_t i = 1; i < predictions.size(); ++i) {
    const Prediction& before = predictions[i - 1];
    const Prediction& detection = predictions[i];
    if (detection.tagName == before.tagName) {
      EXPECT_GE(before.probability, detection.probability) << "most probable first within a tag";
    } else {
      finished.insert(before.tagName.value_or(""));
      EXPECT_FALSE(finished.count(detection.tagName.value_or(""))) << "a tag's boxes come together";
    }
  }
}

const Prediction& mostProbable(const std::vector<Prediction>& predictions) {
  return *std::max_element(predictions.begin(), predictions.end(),
                           [](const Prediction& a, const Prediction& b) { return a.probability < b.probability; });
}

// The most probable detection has the tag of an object of the scene and overlaps it by at least half; every
// detection has a box inside the image, and they come grouped by tag.
void expectTopDetectionIsRight(const Scenario& s, const ImagePrediction& result, const Scene& scene) {
  EXPECT_EQ(result.project, *s.detProjectId);
  EXPECT_EQ(result.iteration, *s.detIteration);
  expectGroupedByTag(result.predictions);
  for (const Prediction& detection : result.predictions) expectInsideTheImage(detection.boundingBox);
  ASSERT_FALSE(result.predictions.empty());
  const Prediction& top = mostProbable(result.predictions);
  ASSERT_TRUE(top.tagName.has_value() && top.boundingBox.has_value());
  double best = 0;
  for (const SceneObject& object : scene.regions) {
    if (object.tagName == *top.tagName) best = std::max(best, intersectionOverUnion(*top.boundingBox, object.box));
  }
  EXPECT_GE(best, 0.5) << scene.rel << ": top " << *top.tagName << " " << describe(*top.boundingBox)
                       << " p=" << top.probability;
}

std::vector<Image> imagesById(Scenario& s, const std::vector<std::string>& ids) {
  return s.target->training().getImagesByIds(*s.detProjectId, ids);
}

}  // namespace

void detectionProject(Scenario& s) {
  TrainingClient training = s.target->training();
  const std::vector<Domain> domains = training.getDomains();
  const auto domain = std::find_if(domains.begin(), domains.end(), [](const Domain& d) {
    return d.type == DomainType::ObjectDetection && d.name == "General";
  });
  ASSERT_NE(domain, domains.end()) << "an ObjectDetection domain named General is listed";
  EXPECT_EQ(domain->id, kGeneralDetection);
  static std::mt19937 random{std::random_device{}()};
  const std::string name = "contract-cpp-detection-" + std::to_string(random() % 100000000);
  const Project project = training.createProject(name, {.domainId = domain->id});
  s.detProjectId = project.id;
  EXPECT_EQ(project.settings.domainId, kGeneralDetection);
  std::map<std::string, std::string> tags;
  for (const std::string& shape : kClasses) tags[shape] = training.createTag(project.id, shape).id;
  s.detTags = tags;
}

void detectionImages(Scenario& s) {
  CONTRACT_NEED(s, detTags);
  TrainingClient training = s.target->training();
  const std::string& p = *s.detProjectId;
  const std::vector<Scene> scenes = trainingScenes(s);
  ImageFileCreateBatch batch;
  for (const Scene& scene : scenes) {
    ImageFileCreateEntry entry{.name = scene.rel, .contents = s.images->data(scene.rel)};
    for (const SceneObject& object : scene.regions) {
      entry.regions.push_back({.tagId = s.detTags->at(object.tagName),
                               .left = object.box.left,
                               .top = object.box.top,
                               .width = object.box.width,
                               .height = object.box.height});
    }
    batch.images.push_back(std::move(entry));
  }
  const ImageCreateSummary summary = training.createImagesFromFiles(p, batch);
  EXPECT_TRUE(summary.isBatchSuccessful);
  ASSERT_EQ(summary.images.size(), scenes.size());
  std::vector<std::string> ids;
  for (const ImageCreateResult& result : summary.images) {
    EXPECT_EQ(result.status, ImageCreateStatus::OK);
    ASSERT_TRUE(result.image.has_value());
    ids.push_back(result.image->id);
  }
  std::map<std::string, Image> byId;
  for (Image& image : imagesById(s, ids)) byId[image.id] = std::move(image);
  ASSERT_EQ(byId.size(), ids.size());
  for (size_t i = 0; i < ids.size(); ++i) {
    ASSERT_EQ(byId.count(ids[i]), 1u) << "GetImagesByIds returns " << ids[i];
    const Image& image = byId.at(ids[i]);
    EXPECT_EQ(image.width, scenes[i].width);
    EXPECT_EQ(image.height, scenes[i].height);
    expectRegionsMatch(s, image.regions.value_or(std::vector<ImageRegion>{}), scenes[i].regions);
  }
  EXPECT_EQ(training.getTaggedImageCount(p), static_cast<int>(scenes.size()));
  s.detImageIds = ids;
}

void detectionRegions(Scenario& s) {
  CONTRACT_NEED(s, detImageIds);
  TrainingClient training = s.target->training();
  const std::string& p = *s.detProjectId;
  const std::string& imageId = s.detImageIds->at(0);
  const Scene scene = trainingScenes(s).at(0);
  const std::string square = s.detTags->at("square");
  const ImageRegionCreateSummary summary = training.createImageRegions(
      p, {.regions = {{.imageId = imageId,
                       .tagId = square,
                       .left = kScratchBox.left,
                       .top = kScratchBox.top,
                       .width = kScratchBox.width,
                       .height = kScratchBox.height}}});
  ASSERT_TRUE(summary.created.has_value());
  ASSERT_EQ(summary.created->size(), 1u);
  EXPECT_TRUE(summary.duplicated.value_or(std::vector<ImageRegionCreateEntry>{}).empty());
  EXPECT_TRUE(summary.exceeded.value_or(std::vector<ImageRegionCreateEntry>{}).empty());
  const ImageRegionCreateResult& created = summary.created->at(0);
  EXPECT_FALSE(created.regionId.empty());
  EXPECT_EQ(created.imageId, imageId);
  EXPECT_EQ(created.tagId, square);
  EXPECT_EQ(created.tagName, "square");
  EXPECT_TRUE(sameBox(boxOf(created), kScratchBox)) << describe(boxOf(created));

  auto regionsOfImage = [&] {
    const std::vector<Image> images = imagesById(s, {imageId});
    return images.empty() ? std::vector<ImageRegion>{} : images[0].regions.value_or(std::vector<ImageRegion>{});
  };
  const std::vector<ImageRegion> withIt = regionsOfImage();
  EXPECT_EQ(withIt.size(), scene.regions.size() + 1);
  const auto added = std::find_if(withIt.begin(), withIt.end(),
                                  [&](const ImageRegion& r) { return r.regionId == created.regionId; });
  ASSERT_NE(added, withIt.end()) << "the image carries the created region";
  EXPECT_EQ(added->tagName, "square");
  EXPECT_TRUE(sameBox(boxOf(*added), kScratchBox)) << describe(boxOf(*added));

  training.deleteImageRegions(p, {created.regionId});
  const std::vector<ImageRegion> without = regionsOfImage();
  EXPECT_TRUE(std::none_of(without.begin(), without.end(),
                           [&](const ImageRegion& r) { return r.regionId == created.regionId; }));
  expectRegionsMatch(s, without, scene.regions);
}

void detectionProposals(Scenario& s) {
  CONTRACT_NEED(s, detImageIds);
  const std::string& imageId = s.detImageIds->at(1);
  const Scene scene = trainingScenes(s).at(1);
  const ImageRegionProposal proposal = s.target->training().getImageRegionProposals(*s.detProjectId, imageId);
  EXPECT_EQ(proposal.projectId, *s.detProjectId);
  EXPECT_EQ(proposal.imageId, imageId);
  ASSERT_FALSE(proposal.proposals.empty()) << "at least one proposal";
  double best = 0;
  for (const RegionProposal& candidate : proposal.proposals) {
    EXPECT_TRUE(candidate.confidence >= 0 && candidate.confidence <= 1) << candidate.confidence;
    expectInsideTheImage(candidate.boundingBox);
    for (const SceneObject& object : scene.regions) {
      best = std::max(best, intersectionOverUnion(candidate.boundingBox, object.box));
    }
  }
  EXPECT_GE(best, 0.5) << "a proposal covers an object of the scene";
}

// The matching rule orders the overlap thresholds: a looser one never loses a match, a stricter one never gains one;
// the probability threshold never changes AP or mAP.
void detectionTrainAndPerformance(Scenario& s) {
  CONTRACT_NEED(s, detImageIds);
  TrainingClient training = s.target->training();
  const std::string& p = *s.detProjectId;
  const Iteration started = training.trainProject(p);
  EXPECT_EQ(started.status, "Training");
  const Iteration done = poll(
      "detection iteration " + started.id + " to finish training",
      [&]() -> std::optional<Iteration> {
        Iteration iteration = training.getIteration(p, started.id);
        if (iteration.status == "Failed") throw std::runtime_error("the detector's training failed");
        return iteration.status == "Completed" ? std::optional(iteration) : std::nullopt;
      },
      s.target->pollInterval, s.target->trainingTimeout);
  EXPECT_EQ(done.domainId, kGeneralDetection);

  auto performance = [&](double threshold, double overlap) {
    const IterationPerformance result = training.getIterationPerformance(p, done.id, threshold, overlap);
    std::vector<std::string> names;
    for (const TagPerformance& tag : result.perTagPerformance) names.push_back(tag.name);
    std::sort(names.begin(), names.end());
    EXPECT_EQ(names, kClasses);
    auto expectRatios = [&](double precision, double recall, const std::optional<double>& averagePrecision) {
      ASSERT_TRUE(averagePrecision.has_value()) << "an average precision at overlap " << overlap;
      for (const double value : {precision, recall, *averagePrecision}) {
        EXPECT_TRUE(value >= 0 && value <= 1) << "a ratio at overlap " << overlap << ": " << value;
      }
    };
    expectRatios(result.precision, result.recall, result.averagePrecision);
    std::vector<double> aps;
    for (const TagPerformance& tag : result.perTagPerformance) {
      expectRatios(tag.precision, tag.recall, tag.averagePrecision);
      aps.push_back(tag.averagePrecision.value_or(-1));
    }
    // mAP averages the per-tag APs (of the tags the holdout holds), so it lies between them.
    if (!aps.empty() && result.averagePrecision) {
      EXPECT_GE(*result.averagePrecision, *std::min_element(aps.begin(), aps.end()) - 1e-6);
      EXPECT_LE(*result.averagePrecision, *std::max_element(aps.begin(), aps.end()) + 1e-6);
    }
    return result;
  };
  const IterationPerformance strict = performance(0.5, 0.5);
  const IterationPerformance loose = performance(0.5, 0.3);
  const IterationPerformance strictest = performance(0.5, 0.9);
  if (::testing::Test::HasFailure()) return;  // the comparisons below need every mAP
  EXPECT_GT(*strict.averagePrecision, 0) << "the detector finds held-out objects at overlap 0.5";
  for (const auto& [tighter, looser] : {std::pair(&strict, &loose), std::pair(&strictest, &strict)}) {
    EXPECT_GE(*looser->averagePrecision, *tighter->averagePrecision) << "a looser overlap never lowers mAP";
    EXPECT_GE(looser->recall, tighter->recall) << "a looser overlap never lowers recall";
  }
  // Boxes are never all that exact: demanding IoU 0.9 costs some matches.
  EXPECT_LT(*strictest.averagePrecision, *loose.averagePrecision);

  const IterationPerformance picky = performance(0.9, 0.5);
  if (::testing::Test::HasFailure()) return;
  EXPECT_NEAR(*picky.averagePrecision, *strict.averagePrecision, 1e-6) << "the threshold leaves mAP alone";
  auto apById = [](const IterationPerformance& result) {
    std::map<std::string, long> aps;
    for (const TagPerformance& tag : result.perTagPerformance) aps[tag.id] = std::lround(*tag.averagePrecision * 1e6);
    return aps;
  };
  EXPECT_EQ(apById(picky), apById(strict));
  EXPECT_LE(picky.recall, strict.recall) << "fewer detections count at a higher threshold";
  s.detIteration = done.id;
}

void detectionQuickTest(Scenario& s) {
  CONTRACT_NEED(s, detIteration);
  TrainingClient training = s.target->training();
  const std::string& p = *s.detProjectId;
  const std::string& it = *s.detIteration;
  const std::vector<Scene> scenes = heldOut(s);
  const ImagePrediction stored = training.quickTestImage(p, s.images->data(scenes[2].rel), {.iterationId = it});
  expectTopDetectionIsRight(s, stored, scenes[2]);
  const ImagePrediction notStored =
      training.quickTestImage(p, s.images->data(scenes[3].rel), {.iterationId = it, .store = false});
  expectTopDetectionIsRight(s, notStored, scenes[3]);

  const StoredImagePrediction kept = poll(
      "the stored quick test to show",
      [&]() -> std::optional<StoredImagePrediction> {
        const PredictionQueryResult query =
            training.queryPredictions(p, {.orderBy = PredictionOrder::Newest, .iterationId = it});
        std::optional<StoredImagePrediction> found;
        for (const StoredImagePrediction& result : query.results) {
          if (result.id == notStored.id) return std::nullopt;
          if (result.id == stored.id) found = result;
        }
        return found;
      },
      s.target->pollInterval, std::chrono::seconds(60));
  EXPECT_EQ(kept.project, p);
  EXPECT_EQ(kept.iteration, it);
  EXPECT_FALSE(kept.predictions.empty()) << "the stored quick test keeps its detections";
  for (const Prediction& detection : kept.predictions) expectInsideTheImage(detection.boundingBox);
}

void detectionPublishAndDetect(Scenario& s) {
  CONTRACT_NEED(s, detIteration);
  TrainingClient training = s.target->training();
  PredictionClient prediction = s.target->prediction();
  const std::string& p = *s.detProjectId;
  static std::mt19937 random{std::random_device{}()};
  const std::string name = "contract-detector-" + std::to_string(random() % 100000000);
  EXPECT_TRUE(training.publishIteration(p, *s.detIteration, name, s.target->predictionResourceId));
  s.detPublishName = name;
  const std::vector<Scene> scenes = heldOut(s);
  auto data = [&](const Scene& scene) { return s.images->data(scene.rel); };

  // A fresh publication can take a moment to reach the real prediction endpoint.
  const ImagePrediction stored = poll(
      "the published detector to answer",
      [&]() -> std::optional<ImagePrediction> {
        return prediction.detectImage(p, name, data(scenes[0]), kApplication);
      },
      s.target->pollInterval, std::chrono::seconds(60), s.target->real);
  expectTopDetectionIsRight(s, stored, scenes[0]);
  if (!stored.predictions.empty()) s.detStoredTop = mostProbable(stored.predictions);
  const ImagePrediction noStore = prediction.detectImageWithNoStore(p, name, data(scenes[1]), kApplication);
  expectTopDetectionIsRight(s, noStore, scenes[1]);
  s.detStored = std::vector<std::string>{stored.id};
  s.detNotStored = {noStore.id};
  expectError([&] { prediction.detectImage(p, "no-such-publication", data(scenes[0])); }, 404, "NotFoundIteration");

  const std::optional<std::string> url = s.images->url(scenes[2].rel);
  if (!url) GTEST_SKIP() << "no public image URL (set CVMOCK_CONTRACT_IMAGE_BASE_URL): DetectImageUrl not run";
  const ImagePrediction fromUrl = prediction.detectImageUrl(p, name, {*url}, kApplication);
  expectTopDetectionIsRight(s, fromUrl, scenes[2]);
  s.detStored->push_back(fromUrl.id);
  const ImagePrediction fromUrlNoStore =
      prediction.detectImageUrlWithNoStore(p, name, {*s.images->url(scenes[3].rel)}, kApplication);
  expectTopDetectionIsRight(s, fromUrlNoStore, scenes[3]);
  s.detNotStored.push_back(fromUrlNoStore.id);
}

void detectionStoredPredictions(Scenario& s) {
  CONTRACT_NEED(s, detStored);
  CONTRACT_NEED(s, detStoredTop);
  TrainingClient training = s.target->training();
  const std::vector<std::string>& stored = *s.detStored;
  const std::vector<std::string>& notStored = s.detNotStored;
  const PredictionQueryResult query = poll(
      "stored detections to show",
      [&]() -> std::optional<PredictionQueryResult> {
        PredictionQueryResult result = training.queryPredictions(
            *s.detProjectId, {.orderBy = PredictionOrder::Newest, .application = kApplication});
        std::set<std::string> found;
        for (const auto& r : result.results) found.insert(r.id);
        const bool all = std::all_of(stored.begin(), stored.end(), [&](const auto& id) { return found.count(id); });
        const bool none =
            std::none_of(notStored.begin(), notStored.end(), [&](const auto& id) { return found.count(id); });
        return all && none ? std::optional(result) : std::nullopt;
      },
      s.target->pollInterval, std::chrono::seconds(60));

  const auto first = std::find_if(query.results.begin(), query.results.end(),
                                  [&](const StoredImagePrediction& r) { return r.id == stored[0]; });
  ASSERT_NE(first, query.results.end());
  ASSERT_FALSE(first->predictions.empty());
  const Prediction& top = *std::max_element(
      first->predictions.begin(), first->predictions.end(),
      [](const Prediction& a, const Prediction& b) { return a.probability < b.probability; });
  EXPECT_EQ(top.tagName, s.detStoredTop->tagName) << "the stored detection is the one answered";
  ASSERT_TRUE(top.boundingBox.has_value());
  EXPECT_TRUE(sameBox(*top.boundingBox, *s.detStoredTop->boundingBox)) << describe(*top.boundingBox);
  for (const StoredImagePrediction& result : query.results) {
    if (std::find(stored.begin(), stored.end(), result.id) == stored.end()) continue;
    EXPECT_EQ(result.project, *s.detProjectId);
    EXPECT_EQ(result.iteration, *s.detIteration);
    EXPECT_FALSE(result.predictions.empty()) << "the stored detection keeps its predictions";
    for (const Prediction& detection : result.predictions) {
      EXPECT_NE(std::find(kClasses.begin(), kClasses.end(), detection.tagName.value_or("")), kClasses.end());
      EXPECT_TRUE(detection.probability >= 0 && detection.probability <= 1) << detection.probability;
      expectInsideTheImage(detection.boundingBox);
    }
  }
}

void detectionUnpublish(Scenario& s) {
  CONTRACT_NEED(s, detPublishName);
  TrainingClient training = s.target->training();
  training.unpublishIteration(*s.detProjectId, *s.detIteration);
  EXPECT_FALSE(training.getIteration(*s.detProjectId, *s.detIteration).publishName.has_value());
  s.detPublishName.reset();  // nothing left for the cleanup to unpublish
}

}  // namespace cvmock::contract
