// SHA-256 of bytes fed in pieces (OpenSSL), for the content-addressed body files.
#pragma once

#include <string>
#include <string_view>

namespace cvmock::recording {

// Not thread-safe; one per stream of bytes.
class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;

  void update(std::string_view bytes);
  // Lower-case hex of the digest; the object is spent afterwards.
  std::string hex();

 private:
  struct State;
  State* state_;
};

std::string sha256Hex(std::string_view bytes);

}  // namespace cvmock::recording
