// An image to upload, read piece by piece when the upload reaches it, and how an upload reports progress.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "client/image_file.h"

namespace cvmock::client {

// Called as the body goes out: bytesSent of bytesTotal so far. A retried call starts again from 0.
using UploadProgress = std::function<void(std::uint64_t bytesSent, std::uint64_t bytesTotal)>;

// Copyable and cheap to copy (the bytes or the reader are shared). Reading is thread-compatible: one upload at a
// time per source.
class ImageSource {
 public:
  // Fills out with exactly count bytes starting at offset (offset + count <= size). May be asked for the same range
  // more than once: a retried upload reads its body again. Throws to abort the upload.
  using Reader = std::function<void(std::uint64_t offset, std::size_t count, char* out)>;

  // Bytes in memory (an encoded jpg, png, bmp or gif), with or without a file name. Implicit, so an operation that
  // takes an image takes its bytes as they are.
  ImageSource(std::string bytes);  // NOLINT(google-explicit-constructor)
  ImageSource(ImageFile file);     // NOLINT(google-explicit-constructor)
  // A file, opened only while the upload reads it, so a batch never holds every file open or in memory. Its size is
  // taken now; throws std::runtime_error when it is not a readable regular file. The file name is sent.
  static ImageSource fromFile(const std::filesystem::path& path);
  // Any storage the caller reads from.
  static ImageSource fromReader(std::uint64_t size, Reader reader, std::optional<std::string> fileName = {});

  std::uint64_t size() const { return size_; }
  const std::optional<std::string>& fileName() const { return fileName_; }
  // Throws std::runtime_error when a file changed size or cannot be read any more, or what the reader throws.
  void read(std::uint64_t offset, std::size_t count, char* out) const;

 private:
  ImageSource(std::uint64_t size, Reader reader, std::optional<std::string> fileName);

  std::uint64_t size_ = 0;
  Reader reader_;
  std::optional<std::string> fileName_;
};

}  // namespace cvmock::client
