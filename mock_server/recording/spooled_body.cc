// Memory first, then a spool file: the proxy's buffer for bodies of any size.
#include "mock_server/recording/spooled_body.h"

#include <atomic>
#include <stdexcept>

#include <unistd.h>

namespace cvmock::recording {
namespace {

constexpr std::size_t kHeadBytes = 16;
constexpr std::size_t kReadChunk = 64 * 1024;

std::filesystem::path freshSpoolPath(const std::filesystem::path& folder) {
  static std::atomic<unsigned long> counter{0};
  return folder / ("spool-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
}

}  // namespace

SpooledBody::SpooledBody(std::filesystem::path spoolFolder, std::size_t memoryLimit)
    : folder_(std::move(spoolFolder)), memoryLimit_(memoryLimit) {}

SpooledBody::~SpooledBody() {
  file_.reset();
  if (!path_.empty()) {
    std::error_code ignored;
    std::filesystem::remove(path_, ignored);
  }
}

void SpooledBody::spill() {
  std::filesystem::create_directories(folder_);
  path_ = freshSpoolPath(folder_);
  file_ = std::make_unique<std::fstream>(path_, std::ios::binary | std::ios::in | std::ios::out | std::ios::trunc);
  if (!*file_) throw std::runtime_error("cannot create the spool file " + path_.string());
  digest_ = std::make_unique<Sha256>();
  digest_->update(memory_);
  file_->write(memory_.data(), static_cast<std::streamsize>(memory_.size()));
  std::string().swap(memory_);
}

void SpooledBody::append(const char* data, std::size_t size) {
  if (head_.size() < kHeadBytes) head_.append(data, std::min(size, kHeadBytes - head_.size()));
  size_ += size;
  if (!file_ && memory_.size() + size > memoryLimit_) spill();
  if (!file_) {
    memory_.append(data, size);
    return;
  }
  digest_->update(std::string_view(data, size));
  if (!file_->write(data, static_cast<std::streamsize>(size))) {
    throw std::runtime_error("cannot write the spool file " + path_.string());
  }
}

bool SpooledBody::read(std::uint64_t offset, std::uint64_t length,
                       const std::function<bool(const char*, std::size_t)>& out) {
  if (!file_) return out(memory_.data() + offset, static_cast<std::size_t>(length));
  file_->flush();
  file_->seekg(static_cast<std::streamoff>(offset));
  std::string chunk(kReadChunk, '\0');
  while (length > 0) {
    const auto want = static_cast<std::streamsize>(std::min<std::uint64_t>(length, chunk.size()));
    if (!file_->read(chunk.data(), want)) return false;
    if (!out(chunk.data(), static_cast<std::size_t>(want))) return false;
    length -= static_cast<std::uint64_t>(want);
  }
  return true;
}

std::string SpooledBody::sha256() { return digest_->hex(); }

const std::filesystem::path& SpooledBody::path() {
  file_->flush();
  return path_;
}

}  // namespace cvmock::recording
