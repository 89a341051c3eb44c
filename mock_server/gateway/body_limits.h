// How large a request body may be, decided by its operation's row before the body is read.
#pragma once

#include <cstddef>

#include "mock_server/api/http.h"
#include "mock_server/api/operation.h"
#include "mock_server/base/limits.h"

namespace cvmock::server {

// The largest body an operation of `kind` takes: one prediction image plus 64 KiB of multipart framing or
// JSON; a training batch of maxImagesPerBatch images, base64-encoded as CreateImagesFromFiles sends them, plus
// 1 MiB; 1 MiB for JSON documents and for anything else (a body where none is expected, or no operation).
std::size_t bodyLimit(BodyKind kind, const ServiceLimits& limits);

// The largest body any operation takes: cpp-httplib's own cap for bodies sent without a Content-Length.
std::size_t largestBody(const ServiceLimits& limits);

// The error a body over bodyLimit is refused with: BadRequestImageSizeBytes naming the image limit where the
// body carries images (as the service answers), the gateway's 413 otherwise.
[[noreturn]] void refuseOversizedBody(BodyKind kind, const ServiceLimits& limits);

// The Content-Length a request declares; 0 when it declares none.
std::size_t declaredLength(const httplib::Request& request);

// cpp-httplib parses multipart/form-data bodies itself and matches that media type case-sensitively; this
// rewrites it in upper case (media types are case-insensitive, so the header keeps its meaning) so that the
// raw body reaches cvmock's own parser (api/multipart.h). Call before the body is read.
void keepMultipartRaw(httplib::Request& request);

}  // namespace cvmock::server
