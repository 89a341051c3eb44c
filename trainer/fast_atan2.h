// A vectorisable arctangent for whole planes: the feature extractors need angles, not libm's last bit.
#pragma once

#include <numbers>

#include <Eigen/Core>

namespace cvmock::trainer {

// atan2(y, x) element by element, in radians in [-pi, pi], within about 1e-5 rad of the exact value; 0 at the origin.
// A minimax polynomial on [0, 1] for atan(min / max), unfolded by octant.
inline Eigen::ArrayXXf fastAtan2(const Eigen::ArrayXXf& y, const Eigen::ArrayXXf& x) {
  const float pi = std::numbers::pi_v<float>;
  const Eigen::ArrayXXf ax = x.abs();
  const Eigen::ArrayXXf ay = y.abs();
  const Eigen::ArrayXXf ratio = ax.min(ay) / (ax.max(ay) + 1e-30f);
  const Eigen::ArrayXXf s = ratio.square();
  Eigen::ArrayXXf angle = (((-0.0464964749f * s + 0.15931422f) * s - 0.327622764f) * s + 1.0f) * ratio;
  angle = (ay > ax).select(0.5f * pi - angle, angle);
  angle = (x < 0).select(pi - angle, angle);
  return (y < 0).select(-angle, angle);
}

}  // namespace cvmock::trainer
