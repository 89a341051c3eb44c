// Area resampling of a rectangle of colour planes: separable, vertical pass on the columns the output needs.
#include "trainer/detection/resample.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <vector>

namespace cvmock::trainer::detection {
namespace {

// Along one axis: output pixel o reads source pixels index[o * taps + k] with weights weight[o * taps + k]
// (padding taps have weight 0), the weights of one output summing to 1.
struct AxisTaps {
  int taps = 0;
  std::vector<int> index;
  std::vector<float> weight;
};

// Output pixel o covers [start + o * step, start + (o + 1) * step), widened to one source pixel about its
// centre when step < 1; each source pixel weighs by how much of it lies under that interval.
AxisTaps axisTaps(float start, float length, int sourceSize, int outputSize) {
  const float step = length / static_cast<float>(outputSize);
  const float half = std::max(step, 1.0f) / 2;
  AxisTaps axis;
  axis.taps = static_cast<int>(std::ceil(2 * half)) + 1;
  axis.index.assign(static_cast<std::size_t>(axis.taps) * outputSize, 0);
  axis.weight.assign(axis.index.size(), 0.0f);
  for (int o = 0; o < outputSize; ++o) {
    const float centre = start + (static_cast<float>(o) + 0.5f) * step;
    const float low = centre - half;
    const float high = centre + half;
    const auto first = static_cast<int>(std::floor(low));
    float total = 0;
    for (int k = 0; k < axis.taps; ++k) {
      const int s = first + k;
      const float overlap = std::min(static_cast<float>(s + 1), high) - std::max(static_cast<float>(s), low);
      const std::size_t at = static_cast<std::size_t>(o) * axis.taps + k;
      axis.index[at] = std::clamp(s, 0, sourceSize - 1);
      axis.weight[at] = std::max(overlap, 0.0f);
      total += axis.weight[at];
    }
    for (int k = 0; k < axis.taps; ++k) axis.weight[static_cast<std::size_t>(o) * axis.taps + k] /= total;
  }
  return axis;
}

// Each needed source column is first resampled vertically (into the same column of `columns`), then each output
// column is the weighted sum of its source columns. The three channels share every index and weight.
ColourPlanes resamplePlanes(const ColourPlanes& source, const AxisTaps& vertical, const AxisTaps& horizontal,
                            int outputWidth, int outputHeight) {
  const Eigen::ArrayXXf* in[3] = {&source.red, &source.green, &source.blue};
  Eigen::ArrayXXf columns[3];
  ColourPlanes output;
  Eigen::ArrayXXf* out[3] = {&output.red, &output.green, &output.blue};
  for (int c = 0; c < 3; ++c) {
    columns[c].resize(outputHeight, source.width());
    *out[c] = Eigen::ArrayXXf::Zero(outputHeight, outputWidth);
  }
  std::vector<bool> done(static_cast<std::size_t>(source.width()), false);
  for (int ox = 0; ox < outputWidth; ++ox) {
    for (int k = 0; k < horizontal.taps; ++k) {
      const std::size_t at = static_cast<std::size_t>(ox) * horizontal.taps + k;
      const float w = horizontal.weight[at];
      if (w == 0) continue;
      const int sx = horizontal.index[at];
      if (!done[static_cast<std::size_t>(sx)]) {
        const float* red = &in[0]->coeffRef(0, sx);
        const float* green = &in[1]->coeffRef(0, sx);
        const float* blue = &in[2]->coeffRef(0, sx);
        for (int oy = 0; oy < outputHeight; ++oy) {
          const std::size_t base = static_cast<std::size_t>(oy) * vertical.taps;
          float r = 0, g = 0, b = 0;
          for (int j = 0; j < vertical.taps; ++j) {
            const float weight = vertical.weight[base + j];
            const int sy = vertical.index[base + j];
            r += weight * red[sy];
            g += weight * green[sy];
            b += weight * blue[sy];
          }
          columns[0](oy, sx) = r;
          columns[1](oy, sx) = g;
          columns[2](oy, sx) = b;
        }
        done[static_cast<std::size_t>(sx)] = true;
      }
      for (int c = 0; c < 3; ++c) out[c]->col(ox) += w * columns[c].col(sx);
    }
  }
  return output;
}

}  // namespace

ColourPlanes resampleRect(const ColourPlanes& source, const PixelRect& rect, int outputWidth, int outputHeight) {
  if (source.width() <= 0 || source.height() <= 0) throw std::invalid_argument("cannot resample an empty image");
  if (outputWidth <= 0 || outputHeight <= 0) throw std::invalid_argument("resampled size must be positive");
  if (!(rect.width > 0 && rect.height > 0)) throw std::invalid_argument("resampled rectangle has no area");
  const AxisTaps horizontal = axisTaps(rect.left, rect.width, source.width(), outputWidth);
  const AxisTaps vertical = axisTaps(rect.top, rect.height, source.height(), outputHeight);
  return resamplePlanes(source, vertical, horizontal, outputWidth, outputHeight);
}

ColourPlanes resampleImage(const RgbImage& source, int outputWidth, int outputHeight) {
  if (source.width <= 0 || source.height <= 0 ||
      source.pixels.size() != std::size_t{3} * source.width * source.height) {
    throw std::invalid_argument("image has no pixels or a pixel buffer of the wrong size");
  }
  // Row-major interleaved bytes -> one column-major plane per channel.
  using Raster = Eigen::Array<std::uint8_t, 3, Eigen::Dynamic>;
  const Eigen::Map<const Raster> raster(source.pixels.data(), 3, Eigen::Index{source.width} * source.height);
  const auto plane = [&](int channel) {
    return Eigen::ArrayXXf(raster.row(channel).cast<float>().reshaped(source.width, source.height).transpose() /
                           255.0f);
  };
  const ColourPlanes planes{plane(0), plane(1), plane(2)};
  const PixelRect whole{0, 0, static_cast<float>(source.width), static_cast<float>(source.height)};
  return resampleRect(planes, whole, outputWidth, outputHeight);
}

}  // namespace cvmock::trainer::detection
