// gzip and deflate through zlib.
#include "mock_server/recording/content_coding.h"

#include <zlib.h>

#include "mock_server/recording/ascii.h"

namespace cvmock::recording {
namespace {

// windowBits: 15 + 32 reads gzip or zlib headers, -15 raw deflate (which some servers send as "deflate").
std::optional<std::string> inflateWith(std::string_view bytes, int windowBits) {
  z_stream stream{};
  if (inflateInit2(&stream, windowBits) != Z_OK) return std::nullopt;
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  stream.avail_in = static_cast<uInt>(bytes.size());
  std::string out;
  char chunk[16384];
  int status = Z_OK;
  while (status == Z_OK) {
    stream.next_out = reinterpret_cast<Bytef*>(chunk);
    stream.avail_out = sizeof(chunk);
    status = inflate(&stream, Z_NO_FLUSH);
    out.append(chunk, sizeof(chunk) - stream.avail_out);
    if (status == Z_BUF_ERROR && stream.avail_in == 0) break;
  }
  inflateEnd(&stream);
  if (status != Z_STREAM_END) return std::nullopt;
  return out;
}

}  // namespace

std::optional<std::string> decodeContent(std::string_view bytes, const std::string& encoding) {
  const std::string coding = lowerAscii(encoding);
  if (coding.empty() || coding == "identity") return std::string(bytes);
  if (coding == "gzip" || coding == "x-gzip") return inflateWith(bytes, 15 + 32);
  if (coding == "deflate") {
    std::optional<std::string> zlib = inflateWith(bytes, 15 + 32);
    return zlib ? zlib : inflateWith(bytes, -15);
  }
  return std::nullopt;
}

}  // namespace cvmock::recording
