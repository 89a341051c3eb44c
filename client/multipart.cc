// Lays out a multipart/form-data body as text and image segments and reads it at any offset.
#include "client/multipart.h"

#include <algorithm>
#include <cstring>
#include <random>

namespace cvmock::client {

namespace {

std::string randomBoundary() {
  static constexpr char kHex[] = "0123456789abcdef";
  thread_local std::mt19937_64 generator{std::random_device{}()};
  std::string boundary = "cvmock-";
  for (int i = 0; i < 32; ++i) boundary += kHex[generator() % 16];
  return boundary;
}

// Browsers' rule for a quoted filename: a quote becomes %22, and line breaks would end the header.
std::string headerSafe(const std::string& fileName) {
  std::string safe;
  for (char c : fileName) {
    if (c == '"') {
      safe += "%22";
    } else if (c != '\r' && c != '\n') {
      safe += c;
    }
  }
  return safe;
}

}  // namespace

MultipartUpload::MultipartUpload(std::vector<ImageSource> images) : images_(std::move(images)) {
  const std::string boundary = randomBoundary();
  contentType_ = "multipart/form-data; boundary=" + boundary;
  for (size_t i = 0; i < images_.size(); ++i) {
    std::string header = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"imageData\"";
    if (images_[i].fileName()) header += "; filename=\"" + headerSafe(*images_[i].fileName()) + "\"";
    addText(header + "\r\nContent-Type: application/octet-stream\r\n\r\n");
    segments_.push_back({size_, images_[i].size(), "", static_cast<int>(i)});
    size_ += images_[i].size();
    addText("\r\n");
  }
  addText("--" + boundary + "--\r\n");
}

void MultipartUpload::addText(std::string text) {
  const std::uint64_t length = text.size();
  segments_.push_back({size_, length, std::move(text), -1});
  size_ += length;
}

std::size_t MultipartUpload::read(std::uint64_t offset, std::size_t count, char* out) const {
  std::size_t copied = 0;
  for (const Segment& segment : segments_) {
    if (copied == count) break;
    const std::uint64_t end = segment.start + segment.size;
    if (offset + copied >= end) continue;
    const std::uint64_t within = offset + copied - segment.start;
    const std::size_t take = static_cast<std::size_t>(std::min<std::uint64_t>(segment.size - within, count - copied));
    if (segment.image < 0) {
      std::memcpy(out + copied, segment.text.data() + within, take);
    } else {
      images_[static_cast<size_t>(segment.image)].read(within, take, out + copied);
    }
    copied += take;
  }
  return copied;
}

std::string MultipartUpload::readAll() const {
  std::string body(static_cast<size_t>(size_), '\0');
  read(0, body.size(), body.data());
  return body;
}

}  // namespace cvmock::client
