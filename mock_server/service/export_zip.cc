// The stored-zip writer: local headers, data, central directory, end record (PKWARE APPNOTE 4.3).
#include "mock_server/service/export_zip.h"

#include <algorithm>
#include <limits>
#include <stdexcept>

#include <zlib.h>

namespace cvmock::server {
namespace {

constexpr std::uint32_t kLocalHeader = 0x04034b50;
constexpr std::uint32_t kCentralHeader = 0x02014b50;
constexpr std::uint32_t kEndOfCentralDirectory = 0x06054b50;
constexpr std::uint16_t kVersion = 20;          // 2.0: the oldest version that knows folders and stored entries
constexpr std::uint16_t kUtf8Names = 1u << 11;  // general purpose flag bit 11
constexpr std::uint16_t kStored = 0;
constexpr std::uint16_t kDosDate1980 = (0 << 9) | (1 << 5) | 1;  // 1980-01-01
constexpr std::uint16_t kDosMidnight = 0;

void put16(std::string& out, std::uint16_t value) {
  out.push_back(static_cast<char>(value & 0xff));
  out.push_back(static_cast<char>(value >> 8));
}

void put32(std::string& out, std::uint32_t value) {
  for (int shift = 0; shift < 32; shift += 8) out.push_back(static_cast<char>((value >> shift) & 0xff));
}

std::uint32_t checked32(std::size_t value) {
  if (value > std::numeric_limits<std::uint32_t>::max()) throw std::length_error("zip: entry or archive over 4 GiB");
  return static_cast<std::uint32_t>(value);
}

// The fields a local header and its central directory record share, from "version needed" to the name length.
void putCommonFields(std::string& out, const ZipEntry& entry, std::uint32_t crc) {
  put16(out, kVersion);
  put16(out, kUtf8Names);
  put16(out, kStored);
  put16(out, kDosMidnight);
  put16(out, kDosDate1980);
  put32(out, crc);
  put32(out, checked32(entry.content.size()));  // compressed size: stored, so the same
  put32(out, checked32(entry.content.size()));
  put16(out, static_cast<std::uint16_t>(entry.name.size()));
}

}  // namespace

std::uint32_t crc32(std::string_view bytes) {
  uLong crc = ::crc32(0L, Z_NULL, 0);
  while (!bytes.empty()) {  // zlib takes lengths as uInt: feed it in pieces that fit
    const std::size_t piece = std::min<std::size_t>(bytes.size(), std::numeric_limits<uInt>::max());
    crc = ::crc32(crc, reinterpret_cast<const Bytef*>(bytes.data()), static_cast<uInt>(piece));
    bytes.remove_prefix(piece);
  }
  return static_cast<std::uint32_t>(crc);
}

std::string writeStoredZip(const std::vector<ZipEntry>& entries) {
  if (entries.size() > std::numeric_limits<std::uint16_t>::max()) throw std::length_error("zip: too many entries");
  std::string out;
  std::string directory;
  for (const ZipEntry& entry : entries) {
    if (entry.name.size() > std::numeric_limits<std::uint16_t>::max()) throw std::length_error("zip: name too long");
    const std::uint32_t crc = crc32(entry.content);
    const std::uint32_t offset = checked32(out.size());
    put32(out, kLocalHeader);
    putCommonFields(out, entry, crc);
    put16(out, 0);  // extra field length
    out += entry.name;
    out += entry.content;

    put32(directory, kCentralHeader);
    put16(directory, kVersion);  // version made by (MS-DOS attributes)
    putCommonFields(directory, entry, crc);
    put16(directory, 0);  // extra field length
    put16(directory, 0);  // comment length
    put16(directory, 0);  // disk number start
    put16(directory, 0);  // internal attributes
    put32(directory, 0);  // external attributes
    put32(directory, offset);
    directory += entry.name;
  }
  const std::uint32_t directoryOffset = checked32(out.size());
  out += directory;
  put32(out, kEndOfCentralDirectory);
  put16(out, 0);  // this disk
  put16(out, 0);  // disk with the central directory
  put16(out, static_cast<std::uint16_t>(entries.size()));
  put16(out, static_cast<std::uint16_t>(entries.size()));
  put32(out, checked32(directory.size()));
  put32(out, directoryOffset);
  put16(out, 0);  // comment length
  checked32(out.size());
  return out;
}

}  // namespace cvmock::server
