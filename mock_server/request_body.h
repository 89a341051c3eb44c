// Request bodies: how large each may be, decided before it is read, and reading one for cvmock's own parsers.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string_view>

#include "mock_server/http.h"
#include "mock_server/service_config.h"

namespace cvmock::server {

// The image limit a path is held to and the largest body it may carry. The Prediction API and the quick tests
// take one prediction image (plus 64 KiB of multipart framing or JSON); every other route at most a full
// training batch: maxImagesPerBatch images, base64-encoded as CreateImagesFromFiles sends them, plus 1 MiB.
struct BodyLimit {
  std::size_t imageBytes;
  std::size_t bodyBytes;
};
BodyLimit bodyLimit(std::string_view path, const ServiceLimits& limits);

// The largest body any route accepts: cpp-httplib's own cap for bodies sent without a Content-Length.
std::size_t largestBody(const ServiceLimits& limits);

// True when the request's Content-Length exceeds bodyLimit(path).bodyBytes.
bool bodyOverLimit(const httplib::Request& request, const ServiceLimits& limits);

// Throws BadRequestImageSizeBytes, naming the path's image limit, when bodyOverLimit.
void refuseOversizedBody(const httplib::Request& request, const ServiceLimits& limits);

// cpp-httplib parses multipart/form-data bodies itself and matches that media type case-sensitively; this
// rewrites it in upper case (media types are case-insensitive, so the header keeps its meaning) so that the
// raw body reaches multipart.h. Call from the pre-routing handler, before the body is read.
void keepMultipartRaw(httplib::Request& request);

// Reads the body into a copy of `request` and passes it to `dispatch`. A body over its limit is read and thrown
// away as it arrives (so the connection stays in step and costs no memory), and `dispatch` gets the request
// without it, to refuse. When the body cannot be read (cut short, or chunked past largestBody), cpp-httplib's
// own status (400, 413) is the answer and `dispatch` is not called.
void readBody(const httplib::Request& request, const httplib::ContentReader& reader, const ServiceLimits& limits,
              const std::function<void(const httplib::Request&)>& dispatch);

}  // namespace cvmock::server
