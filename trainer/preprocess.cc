// Brings every image to the one square working size the feature extractors expect.
#include "trainer/preprocess.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <tuple>
#include <stdexcept>
#include <vector>

#include <Eigen/SparseCore>

namespace cvmock::trainer {
namespace {

// (from * channels) x (to * channels), column o * channels + c holding the weights of output pixel o in
// channel c over the source pixels s * channels + c: multiplying a column-major raster by it on the right
// reads whole source columns, which keeps the product fast.
using Resampling = Eigen::SparseMatrix<float>;

// Image rows converted to float at a time.
constexpr Eigen::Index kRowBand = 256;

// Output pixel o averages the source pixels under a tent centred on it, one output pixel wide on each
// side: shrinking averages every source pixel (no aliasing), enlarging interpolates linearly.
// Pixels past the edge repeat the edge pixel.
Resampling buildResampling(int from, int to, int channels) {
  const double scale = static_cast<double>(from) / to;
  const double radius = std::max(1.0, scale);
  std::vector<Eigen::Triplet<float>> entries;
  for (int o = 0; o < to; ++o) {
    const double centre = (o + 0.5) * scale - 0.5;
    std::vector<std::pair<int, double>> weights;
    double total = 0;
    for (auto s = static_cast<int>(std::ceil(centre - radius)); s <= centre + radius; ++s) {
      const double weight = 1.0 - std::abs(s - centre) / radius;
      if (weight <= 0) continue;
      weights.emplace_back(std::clamp(s, 0, from - 1), weight);
      total += weight;
    }
    for (const auto& [source, weight] : weights) {
      for (int c = 0; c < channels; ++c) {
        entries.emplace_back(source * channels + c, o * channels + c, static_cast<float>(weight / total));
      }
    }
  }
  Resampling matrix(from * channels, to * channels);
  matrix.setFromTriplets(entries.begin(), entries.end());  // sums the weights of repeated edge pixels
  return matrix;
}

// buildResampling, memoised per thread: images of one size keep coming, and building costs more than applying.
const Resampling& resampling(int from, int to, int channels) {
  thread_local std::map<std::tuple<int, int, int>, Resampling> built;
  const auto key = std::make_tuple(from, to, channels);
  auto it = built.find(key);
  if (it == built.end()) it = built.emplace(key, buildResampling(from, to, channels)).first;
  return it->second;
}

// Averages factor x factor blocks (fewer at the right and bottom edges): one add per source byte, where the
// tent filter below costs a multiply-add per source byte and tap. Only used to come down to twice the working size.
RgbImage boxShrink(const RgbImage& image, int factor) {
  RgbImage out;
  out.width = (image.width + factor - 1) / factor;
  out.height = (image.height + factor - 1) / factor;
  out.pixels.resize(std::size_t{3} * out.width * out.height);
  std::vector<std::uint32_t> sums(std::size_t{3} * out.width);
  for (int outY = 0; outY < out.height; ++outY) {
    std::fill(sums.begin(), sums.end(), 0);
    const int firstY = outY * factor;
    const int lastY = std::min(image.height, firstY + factor);
    for (int y = firstY; y < lastY; ++y) {
      const std::uint8_t* source = image.pixels.data() + std::size_t{3} * image.width * y;
      for (int outX = 0; outX < out.width; ++outX) {
        std::uint32_t* sum = &sums[std::size_t{3} * outX];
        const int count = std::min(factor, image.width - outX * factor);
        for (int i = 0; i < count; ++i, source += 3) {
          sum[0] += source[0];
          sum[1] += source[1];
          sum[2] += source[2];
        }
      }
    }
    for (int outX = 0; outX < out.width; ++outX) {
      const auto count = static_cast<std::uint32_t>((lastY - firstY) * (std::min(image.width, (outX + 1) * factor) - outX * factor));
      for (int c = 0; c < 3; ++c) {
        const std::size_t at = std::size_t{3} * outX + c;
        out.pixels[std::size_t{3} * out.width * outY + at] = static_cast<std::uint8_t>((sums[at] + count / 2) / count);
      }
    }
  }
  return out;
}

}  // namespace

WorkingImage toWorkingImage(const RgbImage& original) {
  if (original.width <= 0 || original.height <= 0 ||
      original.pixels.size() != std::size_t{3} * original.width * original.height) {
    throw std::invalid_argument("image has no pixels or a pixel buffer of the wrong size");
  }
  const int boxFactor = std::min(original.width, original.height) / (2 * kWorkingSize);
  const RgbImage shrunk = boxFactor >= 2 ? boxShrink(original, boxFactor) : RgbImage{};
  const RgbImage& image = boxFactor >= 2 ? shrunk : original;
  // Column y of the raster is image row y, interleaved R, G, B along x.
  using Raster = Eigen::Matrix<std::uint8_t, Eigen::Dynamic, Eigen::Dynamic>;
  const Eigen::Map<const Raster> raster(image.pixels.data(), 3 * Eigen::Index{image.width}, image.height);
  // Shrink the rows (columns of the raster), transpose the small result, then shrink along x. The rows are
  // converted to float a band at a time so that a photograph never needs a float copy of all its pixels.
  const Resampling& down = resampling(image.height, kWorkingSize, 1);
  Eigen::MatrixXf columnsResized = Eigen::MatrixXf::Zero(raster.rows(), kWorkingSize);  // 3 * width x size
  for (Eigen::Index first = 0; first < raster.cols(); first += kRowBand) {
    const Eigen::Index count = std::min<Eigen::Index>(kRowBand, raster.cols() - first);
    const Eigen::MatrixXf band = raster.middleCols(first, count).cast<float>();
    columnsResized += band * down.middleRows(first, count);
  }
  const Eigen::MatrixXf rowsResized = columnsResized.transpose();  // size x 3 * width
  const Eigen::MatrixXf resized = rowsResized * resampling(image.width, kWorkingSize, 3) / 255.0f;  // size x 3 * size
  // Channel c of output pixel x sits in column 3 x + c.
  using ChannelPlane = Eigen::Map<const Eigen::ArrayXXf, 0, Eigen::OuterStride<>>;
  const auto plane = [&](int channel) {
    return Eigen::ArrayXXf(ChannelPlane(resized.data() + channel * kWorkingSize, kWorkingSize, kWorkingSize,
                                        Eigen::OuterStride<>(3 * kWorkingSize)));
  };
  return WorkingImage{plane(0), plane(1), plane(2)};
}

}  // namespace cvmock::trainer
