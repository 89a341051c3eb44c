// A strict, allocation-bounded multipart/form-data parser: each part is copied once, nothing is read past the body.
#include "mock_server/api/multipart.h"

#include "mock_server/base/text.h"

namespace cvmock::server {
namespace {

constexpr std::string_view kCrlf = "\r\n";
constexpr std::size_t kMaxBoundaryLength = 70;  // RFC 2046 §5.1.1

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

// The value of `name=value` or `name="value"` among the `;`-separated parameters of a header value.
std::optional<std::string> parameter(std::string_view header, std::string_view name) {
  std::size_t pos = header.find(';');
  while (pos != std::string_view::npos) {
    header.remove_prefix(pos + 1);
    const std::size_t eq = header.find('=');
    if (eq == std::string_view::npos) return std::nullopt;
    const bool matches = equalsIgnoreCase(trim(header.substr(0, eq)), name);
    std::string_view rest = trim(header.substr(eq + 1));
    if (!rest.empty() && rest.front() == '"') {
      const std::size_t close = rest.find('"', 1);
      if (close == std::string_view::npos) return std::nullopt;
      if (matches) return std::string(rest.substr(1, close - 1));
      header = rest.substr(close + 1);
      pos = header.find(';');
      continue;
    }
    const std::size_t end = rest.find(';');
    if (matches) return std::string(trim(rest.substr(0, end)));
    header = rest;
    pos = end;
  }
  return std::nullopt;
}

// Reads the header block of a part (up to, not including, its blank line); false when a line is malformed.
bool readHeaders(std::string_view block, FormPart& part) {
  while (!block.empty()) {
    const std::size_t end = block.find(kCrlf);
    const std::string_view line = block.substr(0, end);
    block = end == std::string_view::npos ? std::string_view() : block.substr(end + kCrlf.size());
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) return false;
    const std::string_view name = trim(line.substr(0, colon));
    const std::string_view value = trim(line.substr(colon + 1));
    if (equalsIgnoreCase(name, "Content-Disposition")) {
      part.name = parameter(value, "name").value_or("");
      part.fileName = parameter(value, "filename");
    } else if (equalsIgnoreCase(name, "Content-Type")) {
      part.contentType = std::string(value);
    }
  }
  return true;
}

}  // namespace

bool isMultipartFormData(std::string_view contentType) {
  const std::string_view mediaType = trim(contentType.substr(0, contentType.find(';')));
  return equalsIgnoreCase(mediaType, "multipart/form-data");
}

std::optional<std::string> multipartBoundary(std::string_view contentType) {
  std::optional<std::string> boundary = parameter(contentType, "boundary");
  if (!boundary || boundary->empty() || boundary->size() > kMaxBoundaryLength) return std::nullopt;
  return boundary;
}

std::optional<std::vector<FormPart>> parseMultipart(std::string_view body, std::string_view boundary) {
  if (boundary.empty()) return std::nullopt;
  const std::string delimiter = "--" + std::string(boundary);
  const std::string separator = std::string(kCrlf) + delimiter;  // what ends a part's content
  // The first delimiter starts the body or a line of its own.
  std::size_t pos = delimiter.size();
  if (!body.starts_with(delimiter)) {
    pos = body.find(separator);
    if (pos == std::string_view::npos) return std::nullopt;
    pos += separator.size();
  }

  std::vector<FormPart> parts;
  while (true) {
    std::string_view rest = body.substr(pos);
    if (rest.starts_with("--")) return parts;  // the close delimiter
    const std::size_t lineEnd = rest.find(kCrlf);
    if (lineEnd == std::string_view::npos || !trim(rest.substr(0, lineEnd)).empty()) return std::nullopt;
    rest.remove_prefix(lineEnd + kCrlf.size());

    FormPart part;
    const bool noHeaders = rest.starts_with(kCrlf);
    const std::size_t headersEnd = noHeaders ? 0 : rest.find("\r\n\r\n");
    if (headersEnd == std::string_view::npos || !readHeaders(rest.substr(0, headersEnd), part)) return std::nullopt;
    rest.remove_prefix(noHeaders ? kCrlf.size() : headersEnd + 2 * kCrlf.size());

    const std::size_t contentEnd = rest.find(separator);
    if (contentEnd == std::string_view::npos) return std::nullopt;
    part.content = std::string(rest.substr(0, contentEnd));
    parts.push_back(std::move(part));
    pos = static_cast<std::size_t>(rest.data() - body.data()) + contentEnd + separator.size();
  }
}

}  // namespace cvmock::server
