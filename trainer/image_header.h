// Recognises an image format by its magic bytes and reads the stored size from its header alone.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "trainer/decode.h"

namespace cvmock::trainer {

struct StoredSize {
  ImageFormat format;
  std::int64_t width;   // as stored, before any EXIF orientation; may be 0 or negative in bad headers
  std::int64_t height;
};

// nullopt when the bytes do not start like a JPEG, PNG, BMP or GIF, or the header ends before the size.
std::optional<StoredSize> readStoredSize(std::string_view bytes);

}  // namespace cvmock::trainer
