// Content-addressed body files and the choice between inline text, multipart parts and files.
#include "mock_server/recording/body_store.h"

#include <atomic>
#include <fstream>
#include <optional>

#include <unistd.h>

#include "mock_server/recording/multipart_split.h"
#include "mock_server/recording/sha256.h"

#include "mock_server/recording/ascii.h"

namespace cvmock::recording {
namespace {

// A media type whose bodies are bytes, whatever they happen to look like.
bool binaryMediaType(const std::string& contentType) {
  const std::string type = lowerAscii(contentType);
  return type.rfind("image/", 0) == 0 || type.rfind("application/octet-stream", 0) == 0 ||
         type.rfind("application/zip", 0) == 0;
}

// The extension a reader's tools recognise, from the first bytes.
std::string extensionFor(std::string_view head) {
  if (head.rfind("\xff\xd8\xff", 0) == 0) return ".jpg";
  if (head.rfind("\x89PNG", 0) == 0) return ".png";
  if (head.rfind("GIF8", 0) == 0) return ".gif";
  if (head.rfind("BM", 0) == 0) return ".bmp";
  if (head.rfind("PK\x03\x04", 0) == 0) return ".zip";
  if (!head.empty() && (head.front() == '{' || head.front() == '[')) return ".json";
  return ".bin";
}

std::string uniqueSuffix() {
  static std::atomic<unsigned long> counter{0};
  return std::to_string(::getpid()) + "-" + std::to_string(counter++);
}

}  // namespace

bool isInlineText(std::string_view bytes) {
  std::size_t i = 0;
  while (i < bytes.size()) {
    const auto c = static_cast<unsigned char>(bytes[i]);
    if (c == 0) return false;
    const std::size_t length = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xe ? 3 : (c >> 3) == 0x1e ? 4 : 0;
    if (length == 0 || i + length > bytes.size()) return false;
    for (std::size_t k = 1; k < length; ++k) {
      if ((static_cast<unsigned char>(bytes[i + k]) >> 6) != 0x2) return false;
    }
    i += length;
  }
  return true;
}

BodyStore::BodyStore(std::filesystem::path root, std::filesystem::path cassetteFolder)
    : bodies_(std::move(root) / "bodies"), cassetteFolder_(std::move(cassetteFolder)) {}

std::filesystem::path BodyStore::spoolFolder() const { return bodies_ / ".spool"; }

Body BodyStore::fileBody(const std::string& name, std::uint64_t size) const {
  Body body;
  body.kind = Body::Kind::File;
  body.file = std::filesystem::relative(bodies_ / name, cassetteFolder_).generic_string();
  body.size = size;
  return body;
}

Body BodyStore::storeBytes(std::string_view bytes) {
  const std::string name = sha256Hex(bytes) + extensionFor(bytes.substr(0, 8));
  const std::filesystem::path target = bodies_ / name;
  if (!std::filesystem::exists(target)) {
    std::filesystem::create_directories(bodies_);
    const std::filesystem::path temporary = bodies_ / (name + ".part-" + uniqueSuffix());
    {
      std::ofstream out(temporary, std::ios::binary);
      out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
      if (!out) throw std::runtime_error("cannot write " + temporary.string());
    }
    std::filesystem::rename(temporary, target);
  }
  return fileBody(name, bytes.size());
}

Body BodyStore::adopt(const std::filesystem::path& spool, const std::string& sha256, std::uint64_t size,
                      std::string_view head) {
  const std::string name = sha256 + extensionFor(head.substr(0, 8));
  const std::filesystem::path target = bodies_ / name;
  std::filesystem::create_directories(bodies_);
  if (!std::filesystem::exists(target)) {
    std::error_code linkError;
    std::filesystem::create_hard_link(spool, target, linkError);
    if (linkError) std::filesystem::copy_file(spool, target, std::filesystem::copy_options::skip_existing);
  }
  return fileBody(name, size);
}

Body BodyStore::content(std::string_view bytes, const std::string& contentType, const TextFilter& filter) {
  if (binaryMediaType(contentType) || !isInlineText(bytes)) return storeBytes(bytes);
  std::string text = filter ? filter(bytes) : std::string(bytes);
  if (text.size() > kInlineTextLimit) return storeBytes(text);
  Body body;
  body.kind = Body::Kind::Text;
  body.text = std::move(text);
  return body;
}

Body BodyStore::encode(std::string_view bytes, const std::string& contentType, const TextFilter& filter) {
  if (bytes.empty()) return {};
  std::optional<MultipartPieces> pieces = splitMultipart(bytes, contentType);
  if (!pieces) return content(bytes, contentType, filter);
  Body body;
  body.kind = Body::Kind::Multipart;
  body.boundary = pieces->boundary;
  body.preamble = pieces->preamble;
  body.epilogue = pieces->epilogue;
  for (const MultipartPiece& piece : pieces->parts) {
    body.parts.push_back({piece.head, content(piece.content, partContentType(piece.head), filter)});
  }
  return body;
}

}  // namespace cvmock::recording
