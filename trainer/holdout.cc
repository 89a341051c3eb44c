// Chooses, deterministically from a seed, which images are held out to evaluate an iteration.
#include "trainer/holdout.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <utility>

#include "trainer/split_mix64.h"

namespace cvmock::trainer {
namespace {

void fisherYatesShuffle(std::vector<int>& items, SplitMix64& random) {
  for (std::size_t i = items.size(); i > 1; --i) std::swap(items[i - 1], items[random.below(i)]);
}

enum class Decision { Open, HeldOut, Kept };

// Images per group: one group per tag, then the untagged images.
std::vector<std::vector<int>> groupImages(const std::vector<std::vector<int>>& labels, int tagCount) {
  std::vector<std::vector<int>> groups(tagCount + 1);
  for (int image = 0; image < static_cast<int>(labels.size()); ++image) {
    if (labels[image].empty()) groups[tagCount].push_back(image);
    for (const int tag : labels[image]) groups[tag].push_back(image);
  }
  for (auto& group : groups) group.erase(std::unique(group.begin(), group.end()), group.end());
  return groups;
}

int quota(std::size_t groupSize, double fraction) {
  const int size = static_cast<int>(groupSize);
  if (size < 2) return 0;
  return std::clamp(static_cast<int>(std::lround(fraction * size)), 1, size - 1);
}

// Groups in the order they are decided: tags rarest first, ties by index, and the untagged images last.
std::vector<int> visitingOrder(const std::vector<std::vector<int>>& groups) {
  std::vector<int> order(groups.size() - 1);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return groups[a].size() < groups[b].size(); });
  order.push_back(static_cast<int>(groups.size()) - 1);
  return order;
}

// Returns held-out images to training until every group keeps at least one training image.
void keepOneTrainingImagePerGroup(const std::vector<std::vector<int>>& groups, std::vector<Decision>& decisions) {
  for (const auto& group : groups) {
    const bool hasTraining = std::any_of(group.begin(), group.end(),
                                         [&](int image) { return decisions[image] != Decision::HeldOut; });
    if (!hasTraining && !group.empty()) decisions[group.front()] = Decision::Kept;
  }
}

}  // namespace

std::vector<int> holdoutSplit(const std::vector<std::vector<int>>& labels, int tagCount, double fraction,
                              std::uint64_t seed) {
  const std::vector<std::vector<int>> groups = groupImages(labels, tagCount);
  std::vector<Decision> decisions(labels.size(), Decision::Open);
  SplitMix64 random(seed);
  for (const int g : visitingOrder(groups)) {
    std::vector<int> images = groups[g];
    fisherYatesShuffle(images, random);
    int toHoldOut = quota(images.size(), fraction) -
                    static_cast<int>(std::count_if(images.begin(), images.end(),
                                                   [&](int image) { return decisions[image] == Decision::HeldOut; }));
    for (const int image : images) {
      if (decisions[image] != Decision::Open) continue;
      decisions[image] = toHoldOut > 0 ? Decision::HeldOut : Decision::Kept;
      --toHoldOut;
    }
  }
  keepOneTrainingImagePerGroup(groups, decisions);
  std::vector<int> heldOut;
  for (int image = 0; image < static_cast<int>(decisions.size()); ++image) {
    if (decisions[image] == Decision::HeldOut) heldOut.push_back(image);
  }
  return heldOut;
}

}  // namespace cvmock::trainer
