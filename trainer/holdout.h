// Chooses, deterministically from a seed, which images are held out to evaluate an iteration.
#pragma once

#include <cstdint>
#include <vector>

namespace cvmock::trainer {

// labels[i]: the tag indices of image i, each in [0, tagCount).
// Stratified per tag: a tag with n images gets round(fraction * n) of them held out, at least 1 when n >= 2,
// and at most n - 1, so no tag is left without a training image. Untagged images (possible in Multilabel)
// form one more group that follows the same rule.
// Images with several tags: tags are visited rarest first (ties by index); an image already held out
// for an earlier tag counts toward the quota of every tag it carries, and one an earlier tag kept for
// training stays in training. A last pass returns to training any held-out image a tag needs to keep
// one training image; only then may a tag end up with fewer held out than its quota.
// Within a group the images are shuffled (Fisher-Yates driven by SplitMix64 from seed), so the same
// labels and seed always give the same split on every platform.
// Returns the held-out image indices in increasing order.
std::vector<int> holdoutSplit(const std::vector<std::vector<int>>& labels, int tagCount, double fraction,
                              std::uint64_t seed);

}  // namespace cvmock::trainer
