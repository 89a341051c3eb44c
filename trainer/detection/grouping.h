// Hierarchical grouping of segmented regions (selective search, Uijlings et al., 2013): the box of every
// region and of every union of neighbours that greedy merging by similarity forms.
#pragma once

#include <vector>

#include "trainer/detection/colour_planes.h"
#include "trainer/detection/segmentation.h"

namespace cvmock::trainer::detection {

// Pixel bounds of a region, right and bottom exclusive.
struct PixelBounds {
  int left = 0;
  int top = 0;
  int right = 0;
  int bottom = 0;
};

// image: the planes that were segmented. Neighbours (4-connected) merge pairwise, most similar first, where
// similarity adds colour (histogram intersection), smallness (small regions merge early, so that all sizes
// form) and fill (how well the two fill their joint bounds), until one region covers the image.
// Returns the bounds of the segmentation's regions (by label), then of each merged region in merge order.
std::vector<PixelBounds> groupRegions(const ColourPlanes& image, const Segmentation& segmentation);

}  // namespace cvmock::trainer::detection
