// A minimal .zip writer for iteration exports: stored (uncompressed) entries any unzip tool can read.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace cvmock::server {

struct ZipEntry {
  std::string name;  // a relative path with '/' separators, UTF-8
  std::string content;
};

// The archive's bytes, entries in the order given. Every entry is dated 1980-01-01 00:00 (the format's epoch),
// so the same entries always give the same bytes. Throws std::length_error past the classic format's 4 GiB
// and 65,535-entry limits (no Zip64).
std::string writeStoredZip(const std::vector<ZipEntry>& entries);

// CRC-32 as zip, PNG and zlib define it (reflected polynomial 0xEDB88320).
std::uint32_t crc32(std::string_view bytes);

}  // namespace cvmock::server
