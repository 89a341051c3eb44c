// Where recorded bodies go: inline text, or files under <root>/bodies named by their SHA-256, written once.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>

#include "mock_server/recording/cassette.h"

namespace cvmock::recording {

// Bodies up to this size that are UTF-8 text (and not a media type of bytes) stay inline in the cassette.
inline constexpr std::size_t kInlineTextLimit = 64 * 1024;

// Thread-safe: files are written under a temporary name and renamed, so two writers of the same content
// leave one whole file. Throws std::runtime_error when a file cannot be written.
class BodyStore {
 public:
  // Files go to `root`/bodies; the paths recorded are relative to `cassetteFolder`.
  BodyStore(std::filesystem::path root, std::filesystem::path cassetteFolder);

  // Rewrites a piece of text before it is stored (the scrubber); the bytes of images are never given to it.
  using TextFilter = std::function<std::string(std::string_view)>;

  // The recorded form of `bytes` sent with `contentType` ("" when none): Text, a Multipart envelope whose
  // parts are split out (when it rebuilds byte for byte), or a File. Text, inline or in a file, passes `filter`.
  Body encode(std::string_view bytes, const std::string& contentType, const TextFilter& filter = {});
  // A File body for bytes already spooled to `spool`: linked (or copied) under their content name unless that
  // file exists; the spool file stays the caller's. `sha256` and `size` describe the bytes, `head` is their
  // first bytes (for the file's extension).
  Body adopt(const std::filesystem::path& spool, const std::string& sha256, std::uint64_t size, std::string_view head);
  // A folder for spool files, on the same file system as the bodies (so adopt() can link).
  std::filesystem::path spoolFolder() const;

 private:
  Body storeBytes(std::string_view bytes);
  Body content(std::string_view bytes, const std::string& contentType, const TextFilter& filter);
  Body fileBody(const std::string& name, std::uint64_t size) const;

  std::filesystem::path bodies_;
  std::filesystem::path cassetteFolder_;
};

// Well-formed UTF-8 without NUL bytes: text a cassette can hold inline.
bool isInlineText(std::string_view bytes);

}  // namespace cvmock::recording
