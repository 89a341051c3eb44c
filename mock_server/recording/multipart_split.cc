// Multipart bodies split along their boundary, kept only when the split rebuilds the exact bytes.
#include "mock_server/recording/multipart_split.h"

#include <cctype>

#include "mock_server/recording/ascii.h"

namespace cvmock::recording {
namespace {

// The boundary parameter of a multipart Content-Type, unquoted; "" when there is none.
std::string boundaryOf(const std::string& contentType) {
  const std::string type = lowerAscii(contentType);
  if (type.rfind("multipart/", 0) != 0) return "";
  const std::size_t at = type.find("boundary=");
  if (at == std::string::npos) return "";
  std::string value = contentType.substr(at + 9);
  if (!value.empty() && value.front() == '"') {
    const std::size_t close = value.find('"', 1);
    return close == std::string::npos ? "" : value.substr(1, close - 1);
  }
  return value.substr(0, value.find_first_of("; \t"));
}

std::string rebuild(const MultipartPieces& pieces) {
  std::string out = pieces.preamble;
  for (const MultipartPiece& part : pieces.parts) {
    out.append("--").append(pieces.boundary).append("\r\n").append(part.head).append("\r\n\r\n");
    out += part.content;
    out += "\r\n";
  }
  return out.append("--").append(pieces.boundary).append("--").append(pieces.epilogue);
}

}  // namespace

std::optional<MultipartPieces> splitMultipart(std::string_view body, const std::string& contentType) {
  MultipartPieces pieces;
  pieces.boundary = boundaryOf(contentType);
  if (pieces.boundary.empty()) return std::nullopt;
  const std::string delimiter = std::string("--").append(pieces.boundary);
  std::size_t at = body.find(delimiter);
  if (at == std::string_view::npos) return std::nullopt;
  pieces.preamble = std::string(body.substr(0, at));
  for (;;) {
    const std::size_t after = at + delimiter.size();
    if (body.substr(after, 2) == "--") {
      pieces.epilogue = std::string(body.substr(after + 2));
      break;
    }
    if (body.substr(after, 2) != "\r\n") return std::nullopt;
    const std::size_t start = after + 2;
    const std::size_t next = body.find(std::string("\r\n").append(delimiter), start);
    if (next == std::string_view::npos) return std::nullopt;
    const std::string_view part = body.substr(start, next - start);
    const std::size_t split = part.find("\r\n\r\n");
    if (split == std::string_view::npos) return std::nullopt;
    pieces.parts.push_back({std::string(part.substr(0, split)), part.substr(split + 4)});
    at = next + 2;
  }
  if (rebuild(pieces) != body) return std::nullopt;
  return pieces;
}

std::string partContentType(const std::string& head) {
  std::size_t start = 0;
  while (start < head.size()) {
    std::size_t end = head.find("\r\n", start);
    if (end == std::string::npos) end = head.size();
    const std::string line = head.substr(start, end - start);
    if (lowerAscii(line).rfind("content-type:", 0) == 0) {
      const std::size_t value = line.find_first_not_of(" \t", 13);
      return value == std::string::npos ? "" : line.substr(value);
    }
    start = end + 2;
  }
  return "";
}

}  // namespace cvmock::recording
