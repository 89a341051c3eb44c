// Line-at-a-time cassette output.
#include "mock_server/recording/cassette_writer.h"

#include <stdexcept>

namespace cvmock::recording {

CassetteWriter::CassetteWriter(const std::filesystem::path& file, const CassetteHeader& header) : file_(file) {
  if (std::filesystem::exists(file)) {
    throw std::runtime_error(file.string() + " exists already: remove it, or record under another --name");
  }
  if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path());
  out_.open(file, std::ios::binary);
  out_ << headerLine(header) << '\n' << std::flush;
  if (!out_) throw std::runtime_error("cannot write " + file.string());
}

CassetteWriter::~CassetteWriter() {
  out_.close();
  std::error_code ignored;
  if (appended_ == 0) std::filesystem::remove(file_, ignored);
}

void CassetteWriter::append(const Exchange& exchange) {
  const std::string line = exchangeLine(exchange);
  std::lock_guard lock(mutex_);
  out_ << line << '\n' << std::flush;
  if (!out_) throw std::runtime_error("cannot write " + file_.string());
  ++appended_;
}

}  // namespace cvmock::recording
