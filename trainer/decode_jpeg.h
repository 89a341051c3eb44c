// Decodes JPEG pixels with libjpeg-turbo, at full size or DCT-scaled, refusing data that ends before its pixels.
#pragma once

#include <string_view>

#include "trainer/decode.h"

namespace cvmock::trainer {

// Decodes a JPEG whose header probeImage accepted to RGB, without applying its EXIF orientation, at the smallest
// libjpeg-turbo scale (1/8 to 1) that keeps both sides at least minSide; at full size when no smaller scale
// does (minSide = kMaxImageSide always gives full size).
// Throws DecodeError(Format) when libjpeg-turbo fails, and when pixels are missing: a scan's data ends or breaks
// off (wrong restart marker, invalid Huffman code) before its last block, or a progressive or multi-scan image
// ends before its EOI marker, when later scans may have been due. A missing EOI after the complete scan of a
// single-scan image, and extraneous bytes between segments, lose no pixel and are accepted. Refuses a JPEG of more
// than 500 scans, each of which costs a pass over the whole image.
// Every call uses its own decompressor: nothing one image leaves behind (a header read half-way, its tables)
// can change the next one's outcome.
RgbImage decodeJpeg(std::string_view bytes, int minSide);

}  // namespace cvmock::trainer
