// Recognises JPEG (FF D8 FF), PNG (8-byte signature), BMP ("BM") and GIF ("GIF87a"/"GIF89a") and reads their size.
#include "trainer/image_header.h"

#include "trainer/decode_bytes.h"
#include "trainer/jpeg_segments.h"

namespace cvmock::trainer {
namespace {

std::optional<StoredSize> pngSize(std::string_view bytes) {
  // IHDR is the first chunk: signature (8), length (4), "IHDR" (4), width (4), height (4).
  if (bytes.size() < 16 || bytes.substr(12, 4) != "IHDR") return std::nullopt;
  const auto width = readUnsigned(bytes, 16, 4, true);
  const auto height = readUnsigned(bytes, 20, 4, true);
  if (!width || !height) return std::nullopt;
  return StoredSize{ImageFormat::Png, *width, *height};
}

std::optional<StoredSize> gifSize(std::string_view bytes) {
  const auto width = readUnsigned(bytes, 6, 2, false);
  const auto height = readUnsigned(bytes, 8, 2, false);
  if (!width || !height) return std::nullopt;
  return StoredSize{ImageFormat::Gif, *width, *height};
}

std::optional<StoredSize> bmpSize(std::string_view bytes) {
  const auto infoSize = readUnsigned(bytes, 14, 4, false);
  if (!infoSize) return std::nullopt;
  // OS/2 BITMAPCOREHEADER (12 bytes) stores 16-bit sides; every later header stores signed 32-bit sides,
  // a negative height meaning top-down rows.
  const bool core = *infoSize == 12;
  const auto width = readUnsigned(bytes, 18, core ? 2 : 4, false);
  const auto height = readUnsigned(bytes, core ? 20 : 22, core ? 2 : 4, false);
  if (!width || !height) return std::nullopt;
  if (core) return StoredSize{ImageFormat::Bmp, *width, *height};
  const std::int64_t signedHeight = static_cast<std::int32_t>(*height);
  const std::int64_t rows = signedHeight < 0 ? -signedHeight : signedHeight;
  return StoredSize{ImageFormat::Bmp, static_cast<std::int32_t>(*width), rows};
}

// Start-of-frame markers carry the size: C0..CF except DHT (C4), JPG (C8) and DAC (CC).
bool isStartOfFrame(std::uint8_t marker) {
  return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
}

std::optional<StoredSize> jpegSize(std::string_view bytes) {
  std::optional<StoredSize> size;
  forEachJpegSegment(bytes, [&](std::uint8_t marker, std::string_view payload) {
    if (!isStartOfFrame(marker)) return true;
    // payload: precision (1), height (2), width (2), ...
    const auto height = readUnsigned(payload, 1, 2, true);
    const auto width = readUnsigned(payload, 3, 2, true);
    if (width && height) size = StoredSize{ImageFormat::Jpeg, *width, *height};
    return false;
  });
  return size;
}

}  // namespace

std::optional<StoredSize> readStoredSize(std::string_view bytes) {
  constexpr std::string_view kPngSignature("\x89PNG\r\n\x1a\n", 8);
  if (bytes.starts_with("\xFF\xD8\xFF")) return jpegSize(bytes);
  if (bytes.starts_with(kPngSignature)) return pngSize(bytes);
  if (bytes.starts_with("BM")) return bmpSize(bytes);
  if (bytes.starts_with("GIF87a") || bytes.starts_with("GIF89a")) return gifSize(bytes);
  return std::nullopt;
}

}  // namespace cvmock::trainer
