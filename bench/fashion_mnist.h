// Reads Debian's dataset-fashion-mnist (IDX files, gzipped) from /usr/share/datasets/fashion-mnist.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace cvmock::bench {

inline constexpr int kFashionClasses = 10;
inline constexpr int kFashionSide = 28;

// One split of the data set: 28 x 28 grey images, row-major (0 background, 255 brightest), and labels 0..9.
struct FashionSplit {
  std::vector<std::vector<std::uint8_t>> images;
  std::vector<int> labels;
};

// The first perClass images of every class of split "train" or "t10k", in file order.
// Throws std::runtime_error when the files are missing or not IDX.
FashionSplit readFashionSplit(const std::string& split, int perClass);

}  // namespace cvmock::bench
