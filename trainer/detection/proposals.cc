// Region proposals: hierarchical groupings of two segmentations, scored by how few regions straddle each box.
#include "trainer/detection/proposals.h"

#include <algorithm>
#include <tuple>

#include "trainer/detection/grouping.h"

namespace cvmock::trainer::detection {
namespace {

// Superpixel straddling (Alexe et al., 2012): 1 minus, over the regions s of a segmentation, the share of the
// box that min(|s inside|, |s outside|) amounts to. A box around one whole object cuts few regions: near 1.
float straddlingScore(const Segmentation& segmentation, const std::vector<int>& regionSizes, const PixelBounds& bounds,
                      std::vector<int>& inside) {
  std::vector<int> touched;
  for (int y = bounds.top; y < bounds.bottom; ++y) {
    const int* row = &segmentation.label[static_cast<std::size_t>(y) * segmentation.width];
    for (int x = bounds.left; x < bounds.right; ++x) {
      if (inside[row[x]]++ == 0) touched.push_back(row[x]);
    }
  }
  long straddled = 0;
  for (const int region : touched) {
    straddled += std::min(inside[region], regionSizes[region] - inside[region]);
    inside[region] = 0;
  }
  const long area = static_cast<long>(bounds.right - bounds.left) * (bounds.bottom - bounds.top);
  return 1.0f - static_cast<float>(straddled) / static_cast<float>(area);
}

}  // namespace

std::vector<Proposal> proposeRegions(std::string_view imageBytes) { return proposeRegions(decodeScene(imageBytes)); }

std::vector<Proposal> proposeRegions(const Scene& scene) {
  const ColourPlanes& image = scene.levels[kProposalLevel];
  const PixelGraph graph = pixelGraph(image);
  const Segmentation coarse = segmentImage(graph, kCoarseSegmentation);
  std::vector<PixelBounds> bounds = groupRegions(image, segmentImage(graph, kFineSegmentation));
  const std::vector<PixelBounds> coarseBounds = groupRegions(image, coarse);
  bounds.insert(bounds.end(), coarseBounds.begin(), coarseBounds.end());
  // Many merges only absorb a region inside the other's bounds: the same box again.
  const auto order = [](const PixelBounds& a, const PixelBounds& b) {
    return std::tie(a.left, a.top, a.right, a.bottom) < std::tie(b.left, b.top, b.right, b.bottom);
  };
  const auto same = [](const PixelBounds& a, const PixelBounds& b) {
    return std::tie(a.left, a.top, a.right, a.bottom) == std::tie(b.left, b.top, b.right, b.bottom);
  };
  std::sort(bounds.begin(), bounds.end(), order);
  bounds.erase(std::unique(bounds.begin(), bounds.end(), same), bounds.end());
  std::vector<int> regionSizes(static_cast<std::size_t>(coarse.regionCount), 0);
  for (const int label : coarse.label) ++regionSizes[label];
  std::vector<int> inside(regionSizes.size(), 0);
  std::vector<Box> boxes;
  std::vector<float> scores;
  const auto width = static_cast<float>(image.width());
  const auto height = static_cast<float>(image.height());
  for (const PixelBounds& b : bounds) {
    boxes.push_back({static_cast<float>(b.left) / width, static_cast<float>(b.top) / height,
                     static_cast<float>(b.right - b.left) / width, static_cast<float>(b.bottom - b.top) / height});
    scores.push_back(std::max(straddlingScore(coarse, regionSizes, b, inside), 1e-3f));
  }
  std::vector<Proposal> proposals;
  for (const int kept : nonMaximumSuppression(boxes, scores, kDuplicateProposalOverlap)) {
    if (static_cast<int>(proposals.size()) == kMaxProposals) break;
    proposals.push_back({boxes[kept], scores[kept]});
  }
  return proposals;
}

}  // namespace cvmock::trainer::detection
