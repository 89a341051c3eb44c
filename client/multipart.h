// multipart/form-data bodies for the image upload operations.
#pragma once

#include <string>
#include <vector>

#include "client/image_file.h"

namespace cvmock::client {

struct MultipartBody {
  std::string contentType;  // "multipart/form-data; boundary=..."
  std::string body;
};

// One part per image, each named "imageData" (the spec's formData parameter name, which the real
// service and the .NET SDK use) with Content-Type application/octet-stream. The boundary is random
// and checked not to occur inside any image.
MultipartBody encodeImageParts(const std::vector<ImageFile>& images);

}  // namespace cvmock::client
