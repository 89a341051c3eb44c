// A multipart/form-data body cut into its parts, so each part's bytes can be stored on their own.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cvmock::recording {

struct MultipartPiece {
  std::string head;          // the part's header lines, joined by "\r\n"
  std::string_view content;  // into the body given to splitMultipart
};

struct MultipartPieces {
  std::string boundary;
  std::string preamble;
  std::string epilogue;
  std::vector<MultipartPiece> parts;
};

// The parts of `body` when `contentType` is multipart/* with a boundary and the pieces rebuild `body`
// byte for byte (in the layout Body::Kind::Multipart documents); nullopt otherwise.
std::optional<MultipartPieces> splitMultipart(std::string_view body, const std::string& contentType);

// The Content-Type a part's head names, or "".
std::string partContentType(const std::string& head);

}  // namespace cvmock::recording
