// Walks the marker segments of a JPEG header.
#include "trainer/jpeg_segments.h"

#include <cstddef>

namespace cvmock::trainer {
namespace {

constexpr std::uint8_t kStartOfScan = 0xDA;
constexpr std::uint8_t kEndOfImage = 0xD9;

// Markers that stand alone, without a length: TEM and the restart markers RST0..RST7.
bool isStandalone(std::uint8_t marker) { return marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7); }

std::uint8_t byteAt(std::string_view data, std::size_t at) { return static_cast<std::uint8_t>(data[at]); }

}  // namespace

void forEachJpegSegment(std::string_view jpeg,
                        const std::function<bool(std::uint8_t marker, std::string_view payload)>& visit) {
  std::size_t at = 2;  // after SOI
  while (at < jpeg.size()) {
    while (at < jpeg.size() && byteAt(jpeg, at) != 0xFF) ++at;  // stray bytes, skipped as libjpeg and stb_image do
    while (at < jpeg.size() && byteAt(jpeg, at) == 0xFF) ++at;  // fill bytes
    if (at >= jpeg.size()) return;
    const std::uint8_t marker = byteAt(jpeg, at++);
    if (marker == kStartOfScan || marker == kEndOfImage) return;
    if (isStandalone(marker)) continue;
    if (at + 2 > jpeg.size()) return;
    const std::size_t length = (std::size_t{byteAt(jpeg, at)} << 8) | byteAt(jpeg, at + 1);
    if (length < 2 || at + length > jpeg.size()) return;
    if (!visit(marker, jpeg.substr(at + 2, length - 2))) return;
    at += length;
  }
}

}  // namespace cvmock::trainer
