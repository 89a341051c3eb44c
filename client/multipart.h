// multipart/form-data bodies for the image upload operations, produced piece by piece.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "client/image_source.h"

namespace cvmock::client {

// One part per image, each named "imageData" (the spec's formData parameter name, which the real service and the
// .NET SDK use) with Content-Type application/octet-stream and the source's file name when it has one. The
// boundary is 128 random bits: the images are not read ahead to check it, and a collision is not a practical risk.
// Holds copies of the sources, which share their bytes or readers.
class MultipartUpload {
 public:
  explicit MultipartUpload(std::vector<ImageSource> images);

  // "multipart/form-data; boundary=..."
  const std::string& contentType() const { return contentType_; }
  std::uint64_t size() const { return size_; }
  // Copies up to count bytes of the body starting at offset into out and returns how many; 0 only at the end.
  // Throws what the sources throw.
  std::size_t read(std::uint64_t offset, std::size_t count, char* out) const;
  // The whole body in memory, for small bodies and tests.
  std::string readAll() const;

 private:
  // A piece of the body: fixed text (part headers, separators) or an image's bytes.
  struct Segment {
    std::uint64_t start = 0;
    std::uint64_t size = 0;
    std::string text;
    int image = -1;  // index into images_, or -1 for text
  };
  void addText(std::string text);

  std::vector<ImageSource> images_;
  std::vector<Segment> segments_;
  std::string contentType_;
  std::uint64_t size_ = 0;
};

}  // namespace cvmock::client
