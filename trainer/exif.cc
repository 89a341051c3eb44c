// Reads the EXIF orientation of a JPEG: APP1 "Exif\0\0", a TIFF header in either byte order, IFD0.
#include "trainer/exif.h"

#include <cstddef>
#include <cstdint>
#include <optional>

#include "trainer/decode_bytes.h"
#include "trainer/jpeg_segments.h"

namespace cvmock::trainer {
namespace {

constexpr std::uint8_t kApp1 = 0xE1;
constexpr std::uint16_t kOrientationTag = 0x0112;
constexpr std::uint16_t kShortType = 3;
constexpr std::size_t kIfdEntrySize = 12;

// Reads unsigned integers from a TIFF block in its declared byte order; nullopt past the end.
class TiffReader {
 public:
  TiffReader(std::string_view tiff, bool bigEndian) : tiff_(tiff), bigEndian_(bigEndian) {}

  std::optional<std::uint32_t> read(std::size_t at, std::size_t width) const {
    return readUnsigned(tiff_, at, width, bigEndian_);
  }

 private:
  std::string_view tiff_;
  bool bigEndian_;
};

std::optional<int> orientationFromTiff(std::string_view tiff) {
  if (tiff.size() < 8) return std::nullopt;
  const std::string_view order = tiff.substr(0, 2);
  if (order != "II" && order != "MM") return std::nullopt;
  const TiffReader reader(tiff, order == "MM");
  if (reader.read(2, 2) != 42u) return std::nullopt;
  const auto ifd = reader.read(4, 4);
  if (!ifd) return std::nullopt;
  const auto entryCount = reader.read(*ifd, 2);
  if (!entryCount) return std::nullopt;
  for (std::size_t i = 0; i < *entryCount; ++i) {
    const std::size_t entry = std::size_t{*ifd} + 2 + i * kIfdEntrySize;
    const auto tag = reader.read(entry, 2);
    if (!tag) return std::nullopt;
    if (*tag != kOrientationTag) continue;
    if (reader.read(entry + 2, 2) != kShortType) return std::nullopt;
    const auto value = reader.read(entry + 8, 2);
    if (!value || *value < 1 || *value > 8) return std::nullopt;
    return static_cast<int>(*value);
  }
  return std::nullopt;
}

}  // namespace

int exifOrientation(std::string_view jpeg) {
  constexpr std::string_view kExifHeader("Exif\0\0", 6);
  int orientation = 1;
  forEachJpegSegment(jpeg, [&](std::uint8_t marker, std::string_view payload) {
    if (marker != kApp1 || !payload.starts_with(kExifHeader)) return true;
    orientation = orientationFromTiff(payload.substr(kExifHeader.size())).value_or(1);
    return false;
  });
  return orientation;
}

}  // namespace cvmock::trainer
