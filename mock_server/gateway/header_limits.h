// How large a request's header fields may be: 32 KiB in all, as a front door like Azure's API Management allows,
// where cpp-httplib checks only each line (8,192 bytes) and lets any number of lines through.
#pragma once

#include <cstddef>

#include "mock_server/api/http.h"

namespace cvmock::server {

// The header fields' total on the wire, beyond which a request is refused with 431.
constexpr std::size_t kMaxRequestHeaderBytes = 32 * 1024;

// The bytes `request`'s header fields took on the wire ("name: value\r\n" each), not counting the fields
// cpp-httplib adds itself (REMOTE_ADDR and the like).
std::size_t headerBytes(const httplib::Request& request);

// headerBytes over kMaxRequestHeaderBytes.
bool headersTooLarge(const httplib::Request& request);

// Whether cpp-httplib's 400 for `request` refused a header line over its per-line limit, which is as much a
// 431 as headers too large in all: the request line was read (it has a path) but the header fields were not
// (cpp-httplib adds REMOTE_ADDR only once they are). Only meaningful in the error handler.
bool headerLineRefused(const httplib::Request& request);

}  // namespace cvmock::server
