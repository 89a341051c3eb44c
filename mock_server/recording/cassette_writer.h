// Appends exchanges to a cassette file as they complete, one flushed line each, so a recording cut short by
// a crash keeps every exchange written before it.
#pragma once

#include <filesystem>
#include <fstream>
#include <mutex>

#include "mock_server/recording/cassette.h"

namespace cvmock::recording {

// Thread-safe: lines from concurrent requests never interleave.
class CassetteWriter {
 public:
  // Creates `file` with its header line; throws std::runtime_error when it exists already or cannot be written.
  CassetteWriter(const std::filesystem::path& file, const CassetteHeader& header);
  // Removes the file when no exchange was appended (a proxy that could not listen, or that nobody called), so
  // the name stays free.
  ~CassetteWriter();
  CassetteWriter(const CassetteWriter&) = delete;
  CassetteWriter& operator=(const CassetteWriter&) = delete;

  // Throws std::runtime_error when the line cannot be written.
  void append(const Exchange& exchange);

 private:
  std::filesystem::path file_;
  std::mutex mutex_;  // guards out_ and appended_
  std::ofstream out_;
  std::size_t appended_ = 0;
};

}  // namespace cvmock::recording
