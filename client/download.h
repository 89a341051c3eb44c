// Downloading what the service points at by URL: an export's downloadUri, a SAS image URI.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

#include "client/client_options.h"
#include "client/connection.h"

namespace cvmock::client {

// GETs an absolute http(s) URL with no key (the URL carries its own signature), streaming the body to sink, with
// the options' retries, timeouts and TLS trust. Throws std::invalid_argument for a URL that is not http(s),
// CustomVisionError for a non-2xx answer and ConnectionError when none comes.
void download(const std::string& uri, const DownloadSink& sink, const ClientOptions& options = {});

// download() into a file: written beside path and renamed over it at the end, so a failed download leaves no
// partial file behind. Returns the number of bytes written. Also throws std::runtime_error when the file cannot be
// written.
std::uint64_t downloadToFile(const std::string& uri, const std::filesystem::path& path,
                             const ClientOptions& options = {});

}  // namespace cvmock::client
