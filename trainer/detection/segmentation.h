// Graph-based image segmentation (Felzenszwalb & Huttenlocher, 2004): regions of similar, connected colour.
#pragma once

#include <vector>

#include "trainer/detection/colour_planes.h"

namespace cvmock::trainer::detection {

struct Segmentation {
  int width = 0;
  int height = 0;
  std::vector<int> label;  // per pixel, row-major (y * width + x), in [0, regionCount)
  int regionCount = 0;
};

struct SegmentationOptions {
  // Larger k favours larger regions: two regions stay apart while the colour step between them exceeds the
  // larger colour step inside either plus k / its pixel count. Colour steps are RGB distances in [0, sqrt 3].
  float k = 1.0f;
  int minRegionSize = 20;  // pixels; smaller regions are merged into a neighbour
};

// The 8-neighbour graph of an image's pixels (each pair once), edges in increasing colour step: what every
// segmentation of the image starts from, so several segmentations share one.
struct PixelGraph {
  struct Edge {
    int a;
    int b;
    float weight;
  };
  int width = 0;
  int height = 0;
  std::vector<Edge> edges;
};

// Throws std::invalid_argument for an empty image.
PixelGraph pixelGraph(const ColourPlanes& image);

// Labels are numbered in the order of each region's first pixel in row-major order, so equal images give
// equal labels.
Segmentation segmentImage(const PixelGraph& graph, const SegmentationOptions& options);

}  // namespace cvmock::trainer::detection
