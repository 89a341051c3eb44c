// Encodings tests build requests with: base64 for JSON image batches, percent-encoding for query values.
#pragma once

#include <string>

#include "mock_server/api/http.h"

namespace cvmock::testing {

inline std::string toBase64(const std::string& bytes) {
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  unsigned buffer = 0;
  int bits = 0;
  for (unsigned char c : bytes) {
    buffer = (buffer << 8) | c;
    bits += 8;
    while (bits >= 6) out.push_back(kAlphabet[(buffer >> (bits -= 6)) & 63]);
  }
  if (bits > 0) out.push_back(kAlphabet[(buffer << (6 - bits)) & 63]);
  while (out.size() % 4) out.push_back('=');
  return out;
}

inline std::string encodedQueryValue(const std::string& text) { return httplib::detail::encode_query_param(text); }

}  // namespace cvmock::testing
