// Graph-based image segmentation: Kruskal-order merging of pixel regions under an adaptive threshold.
#include "trainer/detection/segmentation.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <stdexcept>

namespace cvmock::trainer::detection {
namespace {

using Edge = PixelGraph::Edge;

// Union-find over pixels, with each region's size and largest internal colour step (its minimum spanning tree's
// heaviest edge, since edges arrive in increasing weight).
class Regions {
 public:
  explicit Regions(int count) : parent_(count), size_(count, 1), internal_(count, 0.0f) {
    std::iota(parent_.begin(), parent_.end(), 0);
  }

  int find(int x) {
    while (parent_[x] != x) x = parent_[x] = parent_[parent_[x]];
    return x;
  }

  void join(int a, int b, float weight) {
    if (size_[a] < size_[b]) std::swap(a, b);
    parent_[b] = a;
    size_[a] += size_[b];
    internal_[a] = std::max({internal_[a], internal_[b], weight});
  }

  int size(int root) const { return size_[root]; }
  float threshold(int root, float k) const { return internal_[root] + k / static_cast<float>(size_[root]); }

 private:
  std::vector<int> parent_;
  std::vector<int> size_;
  std::vector<float> internal_;
};

}  // namespace

// Equal weights keep their construction order. A counting sort on the weight quantised to 4,096 steps: exact
// enough for the thresholds, and linear time.
PixelGraph pixelGraph(const ColourPlanes& image) {
  if (image.width() <= 0 || image.height() <= 0) throw std::invalid_argument("cannot segment an empty image");
  const int width = image.width();
  const int height = image.height();
  std::vector<Edge> edges;
  edges.reserve(static_cast<std::size_t>(width) * height * 4);
  const auto add = [&](int x0, int y0, int x1, int y1) {
    const float dr = image.red(y0, x0) - image.red(y1, x1);
    const float dg = image.green(y0, x0) - image.green(y1, x1);
    const float db = image.blue(y0, x0) - image.blue(y1, x1);
    edges.push_back({y0 * width + x0, y1 * width + x1, std::sqrt(dr * dr + dg * dg + db * db)});
  };
  for (int y = 0; y < height; ++y) {
    for (int x = 0; x < width; ++x) {
      if (x + 1 < width) add(x, y, x + 1, y);
      if (y + 1 < height) add(x, y, x, y + 1);
      if (x + 1 < width && y + 1 < height) add(x, y, x + 1, y + 1);
      if (x + 1 < width && y > 0) add(x, y, x + 1, y - 1);
    }
  }
  constexpr int kBuckets = 4096;
  constexpr float kMaxWeight = 1.7320509f;  // sqrt(3)
  const auto bucketOf = [](float weight) {
    return std::min(kBuckets - 1, static_cast<int>(weight * (kBuckets / kMaxWeight)));
  };
  std::vector<int> start(kBuckets + 1, 0);
  for (const Edge& edge : edges) ++start[bucketOf(edge.weight) + 1];
  std::partial_sum(start.begin(), start.end(), start.begin());
  PixelGraph graph{width, height, std::vector<Edge>(edges.size())};
  for (const Edge& edge : edges) graph.edges[start[bucketOf(edge.weight)]++] = edge;
  return graph;
}

Segmentation segmentImage(const PixelGraph& graph, const SegmentationOptions& options) {
  const std::vector<Edge>& edges = graph.edges;
  const int pixels = graph.width * graph.height;
  Regions regions(pixels);
  for (const Edge& edge : edges) {
    const int a = regions.find(edge.a);
    const int b = regions.find(edge.b);
    if (a != b && edge.weight <= std::min(regions.threshold(a, options.k), regions.threshold(b, options.k))) {
      regions.join(a, b, edge.weight);
    }
  }
  for (const Edge& edge : edges) {
    const int a = regions.find(edge.a);
    const int b = regions.find(edge.b);
    if (a != b && (regions.size(a) < options.minRegionSize || regions.size(b) < options.minRegionSize)) {
      regions.join(a, b, edge.weight);
    }
  }
  Segmentation segmentation;
  segmentation.width = graph.width;
  segmentation.height = graph.height;
  segmentation.label.assign(static_cast<std::size_t>(pixels), -1);
  std::vector<int> labelOfRoot(static_cast<std::size_t>(pixels), -1);
  for (int p = 0; p < pixels; ++p) {
    const int root = regions.find(p);
    if (labelOfRoot[root] < 0) labelOfRoot[root] = segmentation.regionCount++;
    segmentation.label[p] = labelOfRoot[root];
  }
  return segmentation;
}

}  // namespace cvmock::trainer::detection
