// Walks the structure of BMP, GIF and PNG files far enough to tell whether their pixel data is all there.
#include "trainer/decode_whole.h"

#include <cstdint>

#include "trainer/decode_bytes.h"

namespace cvmock::trainer {
namespace {

constexpr std::uint32_t kBmpRgb = 0;
constexpr std::uint32_t kBmpBitFields = 3;
constexpr std::uint32_t kBmpAlphaBitFields = 6;

// Skips GIF data sub-blocks (a length byte, then that many bytes) up to and past their zero-length terminator.
// Returns the position after it, or nullopt when the data ends first.
std::optional<std::size_t> skipSubBlocks(std::string_view gif, std::size_t at) {
  while (at < gif.size()) {
    const std::size_t length = static_cast<std::uint8_t>(gif[at++]);
    if (length == 0) return at;
    at += length;
  }
  return std::nullopt;
}

// The size of a GIF colour table whose presence and size sit in a packed field.
std::size_t colourTableSize(std::uint8_t packed) { return (packed & 0x80) ? std::size_t{3} << ((packed & 7) + 1) : 0; }

}  // namespace

bool bmpHoldsPixels(std::string_view bmp) {
  const auto pixelOffset = readUnsigned(bmp, 10, 4, false);
  const auto infoSize = readUnsigned(bmp, 14, 4, false);
  if (!pixelOffset || !infoSize) return false;
  // OS/2 BITMAPCOREHEADER: 16-bit sides, no compression field; later headers: 32-bit signed sides.
  const bool core = *infoSize == 12;
  const auto width = readUnsigned(bmp, 18, core ? 2 : 4, false);
  const auto height = readUnsigned(bmp, core ? 20 : 22, core ? 2 : 4, false);
  const auto bitsPerPixel = readUnsigned(bmp, core ? 24 : 28, 2, false);
  const auto compression = core ? std::optional<std::uint32_t>(kBmpRgb) : readUnsigned(bmp, 30, 4, false);
  if (!width || !height || !bitsPerPixel || !compression) return false;
  if (*compression != kBmpRgb && *compression != kBmpBitFields && *compression != kBmpAlphaBitFields) return true;
  const std::int64_t columns = core ? std::int64_t{*width} : std::int64_t{static_cast<std::int32_t>(*width)};
  std::int64_t rows = core ? std::int64_t{*height} : std::int64_t{static_cast<std::int32_t>(*height)};
  if (rows < 0) rows = -rows;  // top-down rows
  const std::int64_t rowBytes = (columns * *bitsPerPixel + 31) / 32 * 4;  // rows are padded to 4 bytes
  return columns >= 0 && std::int64_t{*pixelOffset} + rowBytes * rows <= static_cast<std::int64_t>(bmp.size());
}

bool gifHoldsFirstImage(std::string_view gif) {
  constexpr std::size_t kScreenDescriptorEnd = 13;  // signature (6), sides (4), packed fields, background, aspect
  if (gif.size() < kScreenDescriptorEnd) return false;
  std::size_t at = kScreenDescriptorEnd + colourTableSize(static_cast<std::uint8_t>(gif[10]));
  while (at < gif.size()) {
    const char block = gif[at];
    if (block == '!') {  // extension: label, then sub-blocks
      const auto next = skipSubBlocks(gif, at + 2);
      if (!next) return false;
      at = *next;
    } else if (block == ',') {  // image: descriptor (10), local table, LZW code size, sub-blocks
      constexpr std::size_t kImageDescriptorSize = 10;
      if (at + kImageDescriptorSize > gif.size()) return false;
      const std::size_t localTable = colourTableSize(static_cast<std::uint8_t>(gif[at + 9]));
      const std::size_t codeSizeAt = at + kImageDescriptorSize + localTable;
      return skipSubBlocks(gif, codeSizeAt + 1).has_value();
    } else {
      return true;  // the trailer or an unknown block: no truncation to see, and stb_image refuses both
    }
  }
  return false;
}

std::optional<std::string> pngWithEnd(std::string_view png) {
  constexpr std::size_t kSignatureSize = 8;
  constexpr std::size_t kChunkOverhead = 12;  // length, type, CRC
  std::size_t at = kSignatureSize;
  while (true) {
    const auto length = readUnsigned(png, at, 4, true);
    if (!length || *length > png.size() - at - 4 || png.size() - at - 4 - *length < 8) break;  // a partial chunk
    if (png.substr(at + 4, 4) == "IEND") return std::nullopt;
    at += kChunkOverhead + *length;
  }
  constexpr std::string_view kEnd("\x00\x00\x00\x00IEND\xAE\x42\x60\x82", kChunkOverhead);
  std::string closed(png.substr(0, at));
  closed += kEnd;
  return closed;
}

}  // namespace cvmock::trainer
