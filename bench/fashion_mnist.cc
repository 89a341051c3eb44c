// Reads Debian's dataset-fashion-mnist (IDX files, gzipped) from /usr/share/datasets/fashion-mnist.
#include "bench/fashion_mnist.h"

#include <zlib.h>

#include <stdexcept>

namespace cvmock::bench {
namespace {

const std::string kDataDirectory = "/usr/share/datasets/fashion-mnist/";

std::vector<std::uint8_t> gunzip(const std::string& path) {
  gzFile file = gzopen(path.c_str(), "rb");
  if (!file) throw std::runtime_error("cannot open " + path);
  std::vector<std::uint8_t> bytes;
  std::uint8_t buffer[1 << 16];
  int read = 0;
  while ((read = gzread(file, buffer, sizeof buffer)) > 0) bytes.insert(bytes.end(), buffer, buffer + read);
  gzclose(file);
  return bytes;
}

std::uint32_t bigEndianWord(const std::vector<std::uint8_t>& bytes, std::size_t at) {
  return (std::uint32_t{bytes.at(at)} << 24) | (bytes.at(at + 1) << 16) | (bytes.at(at + 2) << 8) | bytes.at(at + 3);
}

}  // namespace

FashionSplit readFashionSplit(const std::string& split, int perClass) {
  const std::vector<std::uint8_t> images = gunzip(kDataDirectory + split + "-images-idx3-ubyte.gz");
  const std::vector<std::uint8_t> labels = gunzip(kDataDirectory + split + "-labels-idx1-ubyte.gz");
  if (bigEndianWord(images, 0) != 0x803 || bigEndianWord(labels, 0) != 0x801) throw std::runtime_error("not IDX");
  const std::size_t count = bigEndianWord(labels, 4);
  constexpr std::size_t kPixels = kFashionSide * kFashionSide;
  FashionSplit result;
  std::vector<int> taken(kFashionClasses, 0);
  for (std::size_t i = 0; i < count; ++i) {
    const int label = labels.at(8 + i);
    if (taken[label] >= perClass) continue;
    ++taken[label];
    const auto first = images.begin() + static_cast<std::ptrdiff_t>(16 + i * kPixels);
    result.images.emplace_back(first, first + kPixels);
    result.labels.push_back(label);
  }
  return result;
}

}  // namespace cvmock::bench
