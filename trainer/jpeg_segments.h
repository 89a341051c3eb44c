// Walks the marker segments of a JPEG header, bounds-checked, so header readers never touch entropy data.
#pragma once

#include <cstdint>
#include <functional>
#include <string_view>

namespace cvmock::trainer {

// Calls visit(marker, payload) for each length-carrying segment after SOI, in file order, until
// visit returns false, the scan data starts (SOS), EOI, or the data ends or is malformed. Bytes other than
// 0xFF before a marker (padding some writers leave between segments) are skipped.
// payload excludes the marker and the two length bytes and always lies inside jpeg.
void forEachJpegSegment(std::string_view jpeg,
                        const std::function<bool(std::uint8_t marker, std::string_view payload)>& visit);

}  // namespace cvmock::trainer
