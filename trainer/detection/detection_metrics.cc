// Precision, recall and average precision of detections against labelled regions: the formulas are in
// trainer/detection/DETECTION.md.
#include "trainer/detection/detection_metrics.h"

#include <algorithm>
#include <numeric>
#include <stdexcept>

namespace cvmock::trainer::detection {
namespace {

// One detection of a tag after matching.
struct Scored {
  float probability;
  bool matched;
};

// The detections of `tag` in one image, each marked matched or not, in the order they were matched.
std::vector<Scored> matchImage(const std::vector<Detection>& detections, const std::vector<Region>& regions, int tag,
                               double overlapThreshold) {
  std::vector<const Detection*> mine;
  for (const Detection& detection : detections) {
    if (detection.tag == tag) mine.push_back(&detection);
  }
  std::stable_sort(mine.begin(), mine.end(),
                   [](const Detection* a, const Detection* b) { return a->probability > b->probability; });
  std::vector<const Region*> open;
  for (const Region& region : regions) {
    if (region.tag == tag) open.push_back(&region);
  }
  std::vector<Scored> scored;
  for (const Detection* detection : mine) {
    auto best = open.end();
    float bestOverlap = 0;
    for (auto it = open.begin(); it != open.end(); ++it) {
      const float overlap = intersectionOverUnion(detection->box, (*it)->box);
      if (overlap >= overlapThreshold && (best == open.end() || overlap > bestOverlap)) {
        best = it;
        bestOverlap = overlap;
      }
    }
    scored.push_back({detection->probability, best != open.end()});
    if (best != open.end()) open.erase(best);
  }
  return scored;
}

// Non-interpolated: the mean over the tag's regions of the precision at the rank where each was found
// (0 for a region never found). ranked: every detection of the tag, most probable first.
double averagePrecision(const std::vector<Scored>& ranked, long regionCount) {
  if (regionCount == 0) return 0;
  double precisionSum = 0;
  long found = 0;
  for (std::size_t rank = 0; rank < ranked.size(); ++rank) {
    if (!ranked[rank].matched) continue;
    ++found;
    precisionSum += static_cast<double>(found) / static_cast<double>(rank + 1);
  }
  return precisionSum / static_cast<double>(regionCount);
}

void requireConsistent(const std::vector<std::vector<Detection>>& predicted,
                       const std::vector<std::vector<Region>>& truth, int tagCount) {
  if (predicted.size() != truth.size()) throw std::invalid_argument("one list of detections per image is required");
  const auto outOfRange = [&](int tag) { return tag < 0 || tag >= tagCount; };
  for (const auto& detections : predicted) {
    for (const Detection& detection : detections) {
      if (outOfRange(detection.tag)) throw std::invalid_argument("detection tag index out of range");
    }
  }
  for (const auto& regions : truth) {
    for (const Region& region : regions) {
      if (outOfRange(region.tag)) throw std::invalid_argument("region tag index out of range");
    }
  }
}

}  // namespace

Performance evaluateDetections(const std::vector<std::vector<Detection>>& predicted,
                               const std::vector<std::vector<Region>>& truth, int tagCount, double threshold,
                               double overlapThreshold) {
  requireConsistent(predicted, truth, tagCount);
  std::vector<TagOutcome> outcomes;
  for (int tag = 0; tag < tagCount; ++tag) {
    std::vector<Scored> ranked;
    long regionCount = 0;
    for (std::size_t image = 0; image < truth.size(); ++image) {
      const std::vector<Scored> scored = matchImage(predicted[image], truth[image], tag, overlapThreshold);
      ranked.insert(ranked.end(), scored.begin(), scored.end());
      regionCount += std::count_if(truth[image].begin(), truth[image].end(),
                                   [&](const Region& region) { return region.tag == tag; });
    }
    std::stable_sort(ranked.begin(), ranked.end(),
                     [](const Scored& a, const Scored& b) { return a.probability > b.probability; });
    Counts counts;
    for (const Scored& detection : ranked) {
      if (detection.probability < threshold) continue;
      ++(detection.matched ? counts.truePositives : counts.falsePositives);
    }
    counts.falseNegatives = regionCount - counts.truePositives;
    outcomes.push_back({counts, averagePrecision(ranked, regionCount), regionCount > 0});
  }
  return combineTags(outcomes);
}

}  // namespace cvmock::trainer::detection
