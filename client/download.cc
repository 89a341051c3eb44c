// Key-less GETs of absolute URLs, to a sink or a file.
#include "client/download.h"

#include <fstream>
#include <stdexcept>

namespace cvmock::client {

void download(const std::string& uri, const DownloadSink& sink, const ClientOptions& options) {
  const size_t schemeEnd = uri.find("://");
  const size_t pathStart = schemeEnd == std::string::npos ? std::string::npos : uri.find('/', schemeEnd + 3);
  const std::string origin = uri.substr(0, pathStart);
  // The rest goes as it came: a SAS signature is already percent-encoded and must not be touched.
  const std::string rest = pathStart == std::string::npos ? "/" : uri.substr(pathStart);
  Connection connection(origin, "", "", "", options);
  connection.download(HttpRequest{"GET", rest}, sink);
}

std::uint64_t downloadToFile(const std::string& uri, const std::filesystem::path& path,
                             const ClientOptions& options) {
  const std::filesystem::path partial = path.string() + ".partial";
  std::ofstream out;
  std::uint64_t written = 0;
  DownloadSink sink{[&] {
                      out.close();
                      out.open(partial, std::ios::binary | std::ios::trunc);
                      if (!out) throw std::runtime_error("cannot write " + partial.string());
                      written = 0;
                    },
                    [&](const char* data, std::size_t size) {
                      out.write(data, static_cast<std::streamsize>(size));
                      written += size;
                      return static_cast<bool>(out);
                    }};
  try {
    download(uri, sink, options);
    out.close();
    if (!out) throw std::runtime_error("cannot write " + partial.string());
    std::filesystem::rename(partial, path);
  } catch (...) {
    out.close();
    std::error_code ignored;  // the download's own error is the one to report
    std::filesystem::remove(partial, ignored);
    throw;
  }
  return written;
}

}  // namespace cvmock::client
