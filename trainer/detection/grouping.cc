// Hierarchical grouping of segmented regions: greedy pairwise merging by colour, size and fill similarity.
#include "trainer/detection/grouping.h"

#include <algorithm>
#include <queue>
#include <tuple>

namespace cvmock::trainer::detection {
namespace {

constexpr int kColourBins = 25;  // per channel

struct Group {
  PixelBounds bounds;
  int size = 0;
  Eigen::ArrayXf colour;        // 3 x kColourBins shares, each channel's summing to 1
  std::vector<int> neighbours;  // sorted group indices
  bool alive = true;
};

int colourBin(float value) { return std::clamp(static_cast<int>(value * kColourBins), 0, kColourBins - 1); }

PixelBounds unite(const PixelBounds& a, const PixelBounds& b) {
  return {std::min(a.left, b.left), std::min(a.top, b.top), std::max(a.right, b.right), std::max(a.bottom, b.bottom)};
}

double boundsArea(const PixelBounds& b) { return static_cast<double>(b.right - b.left) * (b.bottom - b.top); }

// The segmentation's regions with their bounds, sizes, colour histograms and neighbours.
std::vector<Group> initialGroups(const ColourPlanes& image, const Segmentation& segmentation) {
  std::vector<Group> groups(static_cast<std::size_t>(segmentation.regionCount));
  for (Group& group : groups) {
    group.bounds = {segmentation.width, segmentation.height, 0, 0};
    group.colour = Eigen::ArrayXf::Zero(3 * kColourBins);
  }
  for (int y = 0; y < segmentation.height; ++y) {
    for (int x = 0; x < segmentation.width; ++x) {
      const int label = segmentation.label[static_cast<std::size_t>(y) * segmentation.width + x];
      Group& group = groups[label];
      group.bounds = unite(group.bounds, {x, y, x + 1, y + 1});
      ++group.size;
      group.colour(colourBin(image.red(y, x))) += 1;
      group.colour(kColourBins + colourBin(image.green(y, x))) += 1;
      group.colour(2 * kColourBins + colourBin(image.blue(y, x))) += 1;
      const auto link = [&](int other) {
        if (other == label) return;
        groups[label].neighbours.push_back(other);
        groups[other].neighbours.push_back(label);
      };
      if (x + 1 < segmentation.width)
        link(segmentation.label[static_cast<std::size_t>(y) * segmentation.width + x + 1]);
      if (y + 1 < segmentation.height) {
        link(segmentation.label[static_cast<std::size_t>(y + 1) * segmentation.width + x]);
      }
    }
  }
  for (Group& group : groups) {
    group.colour /= static_cast<float>(group.size);
    std::sort(group.neighbours.begin(), group.neighbours.end());
    group.neighbours.erase(std::unique(group.neighbours.begin(), group.neighbours.end()), group.neighbours.end());
  }
  return groups;
}

double similarity(const Group& a, const Group& b, double imageSize) {
  const double colour = a.colour.min(b.colour).sum() / 3.0;
  const double size = 1.0 - (a.size + b.size) / imageSize;
  const double fill = 1.0 - (boundsArea(unite(a.bounds, b.bounds)) - a.size - b.size) / imageSize;
  return colour + size + fill;
}

// A candidate merge; the queue pops the most similar first, ties by lower indices, so merging is deterministic.
using Candidate = std::tuple<double, int, int>;
struct LessSimilar {
  bool operator()(const Candidate& x, const Candidate& y) const {
    if (std::get<0>(x) != std::get<0>(y)) return std::get<0>(x) < std::get<0>(y);
    return std::tie(std::get<1>(x), std::get<2>(x)) > std::tie(std::get<1>(y), std::get<2>(y));
  }
};

}  // namespace

std::vector<PixelBounds> groupRegions(const ColourPlanes& image, const Segmentation& segmentation) {
  std::vector<Group> groups = initialGroups(image, segmentation);
  const double imageSize = static_cast<double>(segmentation.width) * segmentation.height;
  std::priority_queue<Candidate, std::vector<Candidate>, LessSimilar> queue;
  for (int a = 0; a < static_cast<int>(groups.size()); ++a) {
    for (const int b : groups[a].neighbours) {
      if (a < b) queue.emplace(similarity(groups[a], groups[b], imageSize), a, b);
    }
  }
  while (!queue.empty()) {
    // Plain ints, not a structured binding: the lambdas below capture them, which clang 14 (the sanitizer
    // build's compiler on Debian 12) refuses for bindings.
    const int a = std::get<1>(queue.top());
    const int b = std::get<2>(queue.top());
    queue.pop();
    if (!groups[a].alive || !groups[b].alive) continue;
    Group merged;
    merged.bounds = unite(groups[a].bounds, groups[b].bounds);
    merged.size = groups[a].size + groups[b].size;
    merged.colour = (groups[a].colour * static_cast<float>(groups[a].size) +
                     groups[b].colour * static_cast<float>(groups[b].size)) /
                    static_cast<float>(merged.size);
    std::set_union(groups[a].neighbours.begin(), groups[a].neighbours.end(), groups[b].neighbours.begin(),
                   groups[b].neighbours.end(), std::back_inserter(merged.neighbours));
    std::erase_if(merged.neighbours, [&](int n) { return n == a || n == b || !groups[n].alive; });
    groups[a].alive = groups[b].alive = false;
    const int index = static_cast<int>(groups.size());
    for (const int n : merged.neighbours) {
      auto& theirs = groups[n].neighbours;
      std::erase_if(theirs, [&](int m) { return m == a || m == b; });
      theirs.insert(std::upper_bound(theirs.begin(), theirs.end(), index), index);
    }
    groups.push_back(std::move(merged));
    for (const int n : groups.back().neighbours)
      queue.emplace(similarity(groups[n], groups.back(), imageSize), n, index);
  }
  std::vector<PixelBounds> bounds;
  bounds.reserve(groups.size());
  for (const Group& group : groups) bounds.push_back(group.bounds);
  return bounds;
}

}  // namespace cvmock::trainer::detection
