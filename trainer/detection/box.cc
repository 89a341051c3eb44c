// Boxes in normalised coordinates: validity, clamping, IoU and non-maximum suppression.
#include "trainer/detection/box.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>

namespace cvmock::trainer::detection {
namespace {

constexpr float kRegionTolerance = 1e-6f;

}  // namespace

bool isValidRegion(const Box& box) {
  const float values[] = {box.left, box.top, box.width, box.height};
  if (!std::all_of(std::begin(values), std::end(values), [](float v) { return std::isfinite(v); })) return false;
  return box.width > 0 && box.height > 0 && box.left >= -kRegionTolerance && box.top >= -kRegionTolerance &&
         box.right() <= 1 + kRegionTolerance && box.bottom() <= 1 + kRegionTolerance;
}

Box clampToImage(const Box& box) {
  const float left = std::clamp(box.left, 0.0f, 1.0f);
  const float top = std::clamp(box.top, 0.0f, 1.0f);
  const float right = std::clamp(box.right(), 0.0f, 1.0f);
  const float bottom = std::clamp(box.bottom(), 0.0f, 1.0f);
  return Box{left, top, std::max(0.0f, right - left), std::max(0.0f, bottom - top)};
}

float intersectionOverUnion(const Box& a, const Box& b) {
  const float width = std::min(a.right(), b.right()) - std::max(a.left, b.left);
  const float height = std::min(a.bottom(), b.bottom()) - std::max(a.top, b.top);
  if (width <= 0 || height <= 0) return 0;
  const float intersection = width * height;
  const float uni = a.area() + b.area() - intersection;
  return uni > 0 ? std::min(1.0f, intersection / uni) : 0;
}

std::vector<int> nonMaximumSuppression(const std::vector<Box>& boxes, const std::vector<float>& scores,
                                       float maxOverlap) {
  if (boxes.size() != scores.size()) throw std::invalid_argument("one score per box is required");
  std::vector<int> order(boxes.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return scores[a] > scores[b]; });
  std::vector<int> kept;
  for (const int candidate : order) {
    const bool overlaps = std::any_of(kept.begin(), kept.end(), [&](int k) {
      return intersectionOverUnion(boxes[candidate], boxes[k]) > maxOverlap;
    });
    if (!overlaps) kept.push_back(candidate);
  }
  return kept;
}

}  // namespace cvmock::trainer::detection
