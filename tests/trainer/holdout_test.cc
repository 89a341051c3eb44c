// The holdout split: deterministic from its seed, stratified per tag, never starving a tag of training images.
#include "trainer/holdout.h"

#include <algorithm>

#include <gtest/gtest.h>

namespace cvmock::trainer {
namespace {

// counts[t] images carrying only tag t, tag by tag.
std::vector<std::vector<int>> singleTagLabels(const std::vector<int>& counts) {
  std::vector<std::vector<int>> labels;
  for (int tag = 0; tag < static_cast<int>(counts.size()); ++tag) labels.insert(labels.end(), counts[tag], {tag});
  return labels;
}

int heldOutWithTag(const std::vector<int>& holdout, const std::vector<std::vector<int>>& labels, int tag) {
  return static_cast<int>(std::count_if(holdout.begin(), holdout.end(), [&](int image) {
    return std::find(labels[image].begin(), labels[image].end(), tag) != labels[image].end();
  }));
}

TEST(Holdout, SameSeedSameSplitAndOtherSeedOtherSplit) {
  const auto labels = singleTagLabels({30, 40, 25});
  const std::vector<int> first = holdoutSplit(labels, 3, 0.2, 7);
  EXPECT_EQ(first, holdoutSplit(labels, 3, 0.2, 7));
  EXPECT_NE(first, holdoutSplit(labels, 3, 0.2, 8));
  EXPECT_TRUE(std::is_sorted(first.begin(), first.end()));
}

TEST(Holdout, HoldsOutTheRoundedFractionOfEachTag) {
  // round(0.2 * 10) = 2, round(0.2 * 23) = 5 (4.6), round(0.2 * 7) = 1 (1.4), round(0.2 * 3) = 1 (0.6).
  const auto labels = singleTagLabels({10, 23, 7, 3});
  const std::vector<int> holdout = holdoutSplit(labels, 4, 0.2, 1);
  EXPECT_EQ(heldOutWithTag(holdout, labels, 0), 2);
  EXPECT_EQ(heldOutWithTag(holdout, labels, 1), 5);
  EXPECT_EQ(heldOutWithTag(holdout, labels, 2), 1);
  EXPECT_EQ(heldOutWithTag(holdout, labels, 3), 1);
}

TEST(Holdout, HoldsOutAtLeastOneOfTwoButNeverTheOnlyImage) {
  const auto labels = singleTagLabels({2, 1, 2});
  for (std::uint64_t seed = 0; seed < 20; ++seed) {
    const std::vector<int> holdout = holdoutSplit(labels, 3, 0.01, seed);
    EXPECT_EQ(heldOutWithTag(holdout, labels, 0), 1);
    EXPECT_EQ(heldOutWithTag(holdout, labels, 1), 0);
    EXPECT_EQ(heldOutWithTag(holdout, labels, 2), 1);
  }
  EXPECT_EQ(heldOutWithTag(holdoutSplit(labels, 3, 0.99, 3), labels, 0), 1);
}

TEST(Holdout, MultilabelImagesNeverLeaveATagWithoutTrainingImages) {
  // Tag 1 only appears on images that also carry the rarer tags 0 or 2.
  const std::vector<std::vector<int>> labels{{0, 1}, {0}, {1, 2}, {2}, {}, {}, {}};
  for (std::uint64_t seed = 0; seed < 50; ++seed) {
    const std::vector<int> holdout = holdoutSplit(labels, 3, 0.5, seed);
    for (int tag = 0; tag < 3; ++tag) EXPECT_EQ(heldOutWithTag(holdout, labels, tag), 1) << seed;
    const auto untagged = std::count_if(holdout.begin(), holdout.end(), [&](int i) { return labels[i].empty(); });
    EXPECT_EQ(untagged, 2);  // round(0.5 * 3)
  }
}

}  // namespace
}  // namespace cvmock::trainer
