// Boxes in the service's normalised coordinates, their overlap (IoU), and non-maximum suppression.
#pragma once

#include <vector>

namespace cvmock::trainer::detection {

// A rectangle as the service writes regions and bounding boxes: left, top, width and height as fractions of
// the image's width and height, so (0, 0, 1, 1) is the whole image whatever its size.
struct Box {
  float left = 0;
  float top = 0;
  float width = 0;
  float height = 0;

  float right() const { return left + width; }
  float bottom() const { return top + height; }
  float area() const { return width > 0 && height > 0 ? width * height : 0; }
};

// True when every coordinate is finite, width and height are positive, and the box lies inside [0, 1] x [0, 1]
// (the rule the service applies to a region; a tolerance of 1e-6 absorbs rounding in a client's arithmetic).
bool isValidRegion(const Box& box);

// The box cut to [0, 1] x [0, 1]; a box entirely outside comes back with zero width or height.
Box clampToImage(const Box& box);

// Intersection over union in [0, 1]: 0 when the boxes do not overlap or either has no area, 1 for equal boxes.
float intersectionOverUnion(const Box& a, const Box& b);

// Greedy non-maximum suppression. Visits the boxes by score, highest first (equal scores: lower index first),
// and keeps a box unless its IoU with a box already kept is greater than maxOverlap (equal is kept).
// Returns the kept indices in the order visited. Throws std::invalid_argument when the sizes differ.
std::vector<int> nonMaximumSuppression(const std::vector<Box>& boxes, const std::vector<float>& scores,
                                       float maxOverlap);

}  // namespace cvmock::trainer::detection
