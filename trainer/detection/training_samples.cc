// The crops one training image contributes: objects and their jittered copies, background, hard negatives.
#include "trainer/detection/training_samples.h"

#include <algorithm>
#include <numeric>

#include "trainer/detection/box_regression.h"
#include "trainer/detection/detector_model.h"
#include "trainer/split_mix64.h"

namespace cvmock::trainer::detection {
namespace {

constexpr int kJitteredCopies = 4;
constexpr int kJitterAttempts = 20;           // per copy, before the copy is given up
constexpr int kObjectProposalsPerRegion = 4;  // proposals that are one object are near-copies of each other
constexpr int kInitialBackground = 16;
constexpr int kMiningCandidates = 32;  // background proposals the first classifier scores, per image
constexpr int kHardNegatives = 8;
constexpr float kHardNegativeBackground = 0.95f;

// One labelled box to crop.
struct Crop {
  Box box;
  int cls;
  Eigen::Vector4f offsets;
  float overlap;
};

struct Match {
  int region = -1;  // the region of highest IoU, -1 when there is none
  float overlap = 0;
  float ignoredOverlap = 0;  // highest IoU with a region of an untrained tag
};

Match bestMatch(const Box& box, const ImageTruth& truth) {
  Match match;
  for (std::size_t r = 0; r < truth.boxes.size(); ++r) {
    const float overlap = intersectionOverUnion(box, truth.boxes[r]);
    if (truth.classes[r] < 0) {
      match.ignoredOverlap = std::max(match.ignoredOverlap, overlap);
    } else if (overlap > match.overlap) {
      match = {static_cast<int>(r), overlap, match.ignoredOverlap};
    }
  }
  return match;
}

bool isBackground(const Match& match) {
  return match.overlap < kBackgroundOverlap && match.ignoredOverlap < kBackgroundOverlap;
}

Samples cropSamples(const Scene& scene, const std::vector<Crop>& crops) {
  std::vector<Box> boxes;
  Samples samples;
  samples.offsets.resize(static_cast<Eigen::Index>(crops.size()), 4);
  for (std::size_t i = 0; i < crops.size(); ++i) {
    boxes.push_back(crops[i].box);
    samples.classes.push_back(crops[i].cls);
    samples.offsets.row(static_cast<Eigen::Index>(i)) = crops[i].offsets.transpose();
    samples.overlap.push_back(crops[i].overlap);
  }
  samples.features = featuresOfBoxes(scene, boxes);
  return samples;
}

// Copies of the region shifted by up to 15% of its size and scaled by up to 20% each way.
std::vector<Crop> jitteredCopies(const Box& region, int cls, SplitMix64& random) {
  std::vector<Crop> copies;
  for (int copy = 0; copy < kJitteredCopies; ++copy) {
    for (int attempt = 0; attempt < kJitterAttempts; ++attempt) {
      const float width = region.width * std::exp(random.uniform(-0.2f, 0.2f));
      const float height = region.height * std::exp(random.uniform(-0.2f, 0.2f));
      const float centreX = region.left + region.width / 2 + region.width * random.uniform(-0.15f, 0.15f);
      const float centreY = region.top + region.height / 2 + region.height * random.uniform(-0.15f, 0.15f);
      const Box box{centreX - width / 2, centreY - height / 2, width, height};
      const float overlap = intersectionOverUnion(box, region);
      if (overlap < kRegressionOverlap) continue;
      copies.push_back({box, cls, offsetsBetween(box, region), overlap});
      break;
    }
  }
  return copies;
}

// The background proposals after a shuffle seeded by `seed` alone (a stream of its own, so that
// initialSamples and hardNegatives draw the same): the first kInitialBackground, and the next
// kMiningCandidates.
struct Background {
  std::vector<int> drawn;
  std::vector<int> candidates;
};

Background drawBackground(const std::vector<Proposal>& proposals, const ImageTruth& truth, std::uint64_t seed) {
  SplitMix64 random(~seed);
  std::vector<int> background;
  for (std::size_t p = 0; p < proposals.size(); ++p) {
    if (isBackground(bestMatch(proposals[p].box, truth))) background.push_back(static_cast<int>(p));
  }
  for (std::size_t i = background.size(); i > 1; --i) std::swap(background[i - 1], background[random.below(i)]);
  const auto split = background.begin() + std::min<std::ptrdiff_t>(kInitialBackground, std::ssize(background));
  const auto end = split + std::min<std::ptrdiff_t>(kMiningCandidates, background.end() - split);
  Background result{{background.begin(), split}, {split, end}};
  std::sort(result.drawn.begin(), result.drawn.end());
  std::sort(result.candidates.begin(), result.candidates.end());
  return result;
}

Crop backgroundCrop(const Box& box, int backgroundClass) { return {box, backgroundClass, Eigen::Vector4f::Zero(), 0}; }

}  // namespace

Samples initialSamples(const Scene& scene, const std::vector<Proposal>& proposals, const ImageTruth& truth,
                       int backgroundClass, std::uint64_t seed) {
  SplitMix64 random(seed);
  std::vector<Crop> crops;
  for (std::size_t r = 0; r < truth.boxes.size(); ++r) {
    const int cls = truth.classes[r];
    if (cls < 0) continue;
    crops.push_back({truth.boxes[r], cls, Eigen::Vector4f::Zero(), 1});
    for (const Crop& copy : jitteredCopies(truth.boxes[r], cls, random)) crops.push_back(copy);
  }
  std::vector<std::vector<Crop>> objectProposals(truth.boxes.size());
  for (const Proposal& proposal : proposals) {
    const Match match = bestMatch(proposal.box, truth);
    if (match.overlap < kObjectOverlap) continue;
    const auto r = static_cast<std::size_t>(match.region);
    objectProposals[r].push_back(
        {proposal.box, truth.classes[r], offsetsBetween(proposal.box, truth.boxes[r]), match.overlap});
  }
  for (std::vector<Crop>& found : objectProposals) {
    for (std::size_t i = found.size(); i > 1; --i) std::swap(found[i - 1], found[random.below(i)]);
    found.resize(std::min<std::size_t>(found.size(), kObjectProposalsPerRegion));
    crops.insert(crops.end(), found.begin(), found.end());
  }
  for (const int p : drawBackground(proposals, truth, seed).drawn) {
    crops.push_back(backgroundCrop(proposals[static_cast<std::size_t>(p)].box, backgroundClass));
  }
  return cropSamples(scene, crops);
}

Samples hardNegatives(const Scene& scene, const std::vector<Proposal>& proposals, const ImageTruth& truth,
                      int backgroundClass, std::uint64_t seed, const Model& classifier) {
  const std::vector<int> candidates = drawBackground(proposals, truth, seed).candidates;
  std::vector<Box> boxes;
  for (const int p : candidates) boxes.push_back(proposals[static_cast<std::size_t>(p)].box);
  const Eigen::MatrixXf features = featuresOfBoxes(scene, boxes);
  const Eigen::VectorXf background = classifier.predictBatch(features).col(backgroundClass);
  std::vector<int> order(candidates.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return background(a) < background(b); });
  std::vector<int> chosen;
  for (const int i : order) {
    if (std::ssize(chosen) == kHardNegatives || background(i) >= kHardNegativeBackground) break;
    chosen.push_back(i);
  }
  Samples samples;
  samples.features = features(chosen, Eigen::all);
  samples.classes.assign(chosen.size(), backgroundClass);
  samples.offsets = Eigen::MatrixXf::Zero(std::ssize(chosen), 4);
  samples.overlap.assign(chosen.size(), 0.0f);
  return samples;
}

int maxInitialSamples(int regionCount) {
  return regionCount * (1 + kJitteredCopies + kObjectProposalsPerRegion) + kInitialBackground;
}

int maxHardNegatives() { return kHardNegatives; }

}  // namespace cvmock::trainer::detection
