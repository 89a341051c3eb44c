// A fast arctangent: the feature extractors need angles, not libm's last bit.
#pragma once

#include <numbers>

namespace cvmock::trainer {

// atan2(y, x) in radians in [-pi, pi], within about 1e-5 rad of the exact value; 0 at the origin.
// A minimax polynomial on [0, 1] for atan(min / max), unfolded by octant.
// Selects, not branches: the octant of a gradient is unpredictable, and loops over pixels vectorise.
inline float fastAtan2(float y, float x) {
  const float pi = std::numbers::pi_v<float>;
  const float ax = x < 0 ? -x : x;
  const float ay = y < 0 ? -y : y;
  const float ratio = (ax < ay ? ax : ay) / ((ax < ay ? ay : ax) + 1e-30f);
  const float s = ratio * ratio;
  const float first = (((-0.0464964749f * s + 0.15931422f) * s - 0.327622764f) * s + 1.0f) * ratio;
  const float steep = ay > ax ? 0.5f * pi - first : first;
  const float half = x < 0 ? pi - steep : steep;
  return y < 0 ? -half : half;
}

}  // namespace cvmock::trainer
