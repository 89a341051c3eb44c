// Reading what cvmock serves as files in tests: a stored (uncompressed) .zip's entries, an absolute URL's bytes.
#pragma once

#include <cstdint>
#include <map>
#include <regex>
#include <stdexcept>
#include <string>

#include <gtest/gtest.h>

#include "mock_server/service/export_zip.h"
#include "tests/support/http_session.h"

namespace cvmock::testing {

inline std::uint32_t read32(const std::string& bytes, std::size_t at) {
  std::uint32_t value = 0;
  for (int i = 3; i >= 0; --i) value = (value << 8) | static_cast<unsigned char>(bytes.at(at + i));
  return value;
}
inline std::uint16_t read16(const std::string& bytes, std::size_t at) {
  return static_cast<std::uint16_t>(static_cast<unsigned char>(bytes.at(at)) |
                                    (static_cast<unsigned char>(bytes.at(at + 1)) << 8));
}

// Reads a stored zip by walking its central directory, as unzip does; checks each entry's CRC-32.
inline std::map<std::string, std::string> unzipStored(const std::string& zip) {
  const std::size_t end = zip.rfind(std::string("PK\x05\x06", 4));
  EXPECT_NE(end, std::string::npos) << "no end-of-central-directory record";
  std::map<std::string, std::string> entries;
  if (end == std::string::npos) return entries;
  const int count = read16(zip, end + 10);
  std::size_t at = read32(zip, end + 16);
  for (int i = 0; i < count; ++i) {
    EXPECT_EQ(read32(zip, at), 0x02014b50u);
    EXPECT_EQ(read16(zip, at + 10), 0) << "entries are stored";
    const std::uint32_t crc = read32(zip, at + 16);
    const std::uint32_t size = read32(zip, at + 24);
    const std::uint16_t nameLength = read16(zip, at + 28);
    const std::uint32_t local = read32(zip, at + 42);
    const std::string name = zip.substr(at + 46, nameLength);
    EXPECT_EQ(read32(zip, local), 0x04034b50u);
    const std::size_t data = local + 30 + read16(zip, local + 26) + read16(zip, local + 28);
    entries[name] = zip.substr(data, size);
    EXPECT_EQ(server::crc32(entries[name]), crc) << name;
    at += 46 + nameLength + read16(zip, at + 30) + read16(zip, at + 32);
  }
  return entries;
}

inline Reply fetch(const std::string& absoluteUrl) {
  const std::regex url(R"(^(https?://[^/]+)(/.*)$)");
  std::smatch parts;
  if (!std::regex_match(absoluteUrl, parts, url)) throw std::runtime_error("not an absolute URL: " + absoluteUrl);
  httplib::Client client(parts[1].str());
  httplib::Result result = client.Get(parts[2].str());
  if (!result) throw std::runtime_error("no answer for " + absoluteUrl);
  return {result->status, result->body, result->headers};
}

}  // namespace cvmock::testing
