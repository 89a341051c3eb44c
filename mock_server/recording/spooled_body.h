// A body arriving in pieces: kept in memory up to a limit, then in a spool file, hashed as it comes, so a large
// upload or download passes through the proxy without ever being held whole.
#pragma once

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <string>

#include "mock_server/recording/sha256.h"

namespace cvmock::recording {

// Not thread-safe: one request thread writes it, then reads it.
class SpooledBody {
 public:
  // Bytes past `memoryLimit` go to a new file in `spoolFolder` (created when needed).
  SpooledBody(std::filesystem::path spoolFolder, std::size_t memoryLimit);
  // Removes the spool file.
  ~SpooledBody();
  SpooledBody(const SpooledBody&) = delete;
  SpooledBody& operator=(const SpooledBody&) = delete;

  // Throws std::runtime_error when the spool file cannot be written.
  void append(const char* data, std::size_t size);
  std::uint64_t size() const { return size_; }
  bool inMemory() const { return !file_; }
  const std::string& memory() const { return memory_; }  // the whole body while inMemory()
  const std::string& head() const { return head_; }      // the first bytes, whatever the size
  // Passes bytes [offset, offset + length) to `out` in pieces; false when `out` refuses one or a read fails.
  bool read(std::uint64_t offset, std::uint64_t length, const std::function<bool(const char*, std::size_t)>& out);
  // Spooled bodies only: the SHA-256 of every byte appended; call once, after the last append.
  std::string sha256();
  // Spooled bodies only: the spool file, complete on disk (it is removed with this object).
  const std::filesystem::path& path();

 private:
  void spill();

  std::filesystem::path folder_;
  std::size_t memoryLimit_;
  std::string memory_;
  std::string head_;
  std::uint64_t size_ = 0;
  std::filesystem::path path_;
  std::unique_ptr<std::fstream> file_;
  std::unique_ptr<Sha256> digest_;
};

}  // namespace cvmock::recording
