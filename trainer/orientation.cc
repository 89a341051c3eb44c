// Turns stored pixels into displayed pixels for each of the eight EXIF orientations.
#include "trainer/orientation.h"

#include <algorithm>
#include <cstddef>

namespace cvmock::trainer {
namespace {

struct Pixel {
  int row;
  int column;
};

// Where displayed pixel (row, column) comes from in a stored image of storedWidth x storedHeight.
// 2 mirrors, 3 rotates 180, 4 flips, 5 transposes, 6 rotates 90 clockwise, 7 transverses, 8 rotates 90 counter-clockwise.
Pixel storedSource(int orientation, int row, int column, int storedWidth, int storedHeight) {
  const int lastRow = storedHeight - 1;
  const int lastColumn = storedWidth - 1;
  switch (orientation) {
    case 2: return {row, lastColumn - column};
    case 3: return {lastRow - row, lastColumn - column};
    case 4: return {lastRow - row, column};
    case 5: return {column, row};
    case 6: return {lastRow - column, row};
    case 7: return {lastRow - column, lastColumn - row};
    case 8: return {column, lastColumn - row};
    default: return {row, column};
  }
}

}  // namespace

bool orientationSwapsSides(int orientation) { return orientation >= 5 && orientation <= 8; }

RgbImage applyOrientation(const RgbImage& stored, int orientation) {
  if (orientation < 2 || orientation > 8) return stored;
  RgbImage shown;
  const bool swap = orientationSwapsSides(orientation);
  shown.width = swap ? stored.height : stored.width;
  shown.height = swap ? stored.width : stored.height;
  shown.pixels.resize(stored.pixels.size());
  for (int row = 0; row < shown.height; ++row) {
    for (int column = 0; column < shown.width; ++column) {
      const Pixel source = storedSource(orientation, row, column, stored.width, stored.height);
      const auto from = stored.pixels.begin() + (std::ptrdiff_t{source.row} * stored.width + source.column) * 3;
      std::copy_n(from, 3, shown.pixels.begin() + (std::ptrdiff_t{row} * shown.width + column) * 3);
    }
  }
  return shown;
}

}  // namespace cvmock::trainer
