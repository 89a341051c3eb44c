// An image to upload: its encoded bytes and, optionally, the file name the service records.
#pragma once

#include <optional>
#include <string>

namespace cvmock::client {

struct ImageFile {
  std::string bytes;                    // the encoded file (jpg, png, bmp or gif), sent unchanged
  std::optional<std::string> fileName;  // sent as the multipart filename when present
};

}  // namespace cvmock::client
