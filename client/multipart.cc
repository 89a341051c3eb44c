// Writes images as multipart/form-data parts named "imageData".
#include "client/multipart.h"

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

bool occursInAny(const std::string& boundary, const std::vector<ImageFile>& images) {
  for (const auto& image : images) {
    if (image.bytes.find(boundary) != std::string::npos) return true;
  }
  return false;
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

MultipartBody encodeImageParts(const std::vector<ImageFile>& images) {
  std::string boundary = randomBoundary();
  while (occursInAny(boundary, images)) boundary = randomBoundary();

  std::string body;
  for (const auto& image : images) {
    body += "--" + boundary + "\r\n";
    body += "Content-Disposition: form-data; name=\"imageData\"";
    if (image.fileName) body += "; filename=\"" + headerSafe(*image.fileName) + "\"";
    body += "\r\nContent-Type: application/octet-stream\r\n\r\n";
    body += image.bytes;
    body += "\r\n";
  }
  body += "--" + boundary + "--\r\n";
  return {"multipart/form-data; boundary=" + boundary, std::move(body)};
}

}  // namespace cvmock::client
