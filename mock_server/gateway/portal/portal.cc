// Portal: serves the embedded files; a path is only ever looked up in the table, never on the file system.
#include "mock_server/gateway/portal/portal.h"

#include <array>
#include <optional>
#include <string>
#include <utility>

#include "mock_server/api/http.h"
#include "mock_server/gateway/portal/embedded_files.h"

namespace cvmock::server::portal {
namespace {

constexpr std::string_view kRoot = "/portal";

constexpr std::array<std::pair<std::string_view, const char*>, 8> kContentTypes = {{
    {".html", "text/html; charset=utf-8"},
    {".css", "text/css; charset=utf-8"},
    {".js", "text/javascript; charset=utf-8"},
    {".json", "application/json; charset=utf-8"},
    {".svg", "image/svg+xml"},
    {".png", "image/png"},
    {".ico", "image/x-icon"},
    {".txt", "text/plain; charset=utf-8"},
}};

const char* contentType(std::string_view path) {
  for (const auto& [extension, type] : kContentTypes) {
    if (path.ends_with(extension)) return type;
  }
  return "application/octet-stream";
}

std::optional<std::string_view> findFile(std::string_view path) {
  for (const EmbeddedFile& file : embeddedFiles()) {
    if (file.path == path) return file.bytes;
  }
  return std::nullopt;
}

// The pages load only their own scripts, styles and images, and talk only to this server.
constexpr const char* kContentSecurityPolicy =
    "default-src 'self'; img-src 'self' blob: data:; style-src 'self'; script-src 'self'; connect-src 'self'; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

void notFound(httplib::Response& response) {
  response.status = 404;
  response.set_content("Not found\n", "text/plain; charset=utf-8");
}

}  // namespace

bool isPortalPath(std::string_view path) {
  return path == kRoot || (path.starts_with(kRoot) && path[kRoot.size()] == '/');
}

void handlePortal(const httplib::Request& request, httplib::Response& response) {
  response.set_header("X-Content-Type-Options", "nosniff");
  if (request.method != "GET" && request.method != "HEAD") {
    response.status = 405;
    response.set_header("Allow", "GET, HEAD");
    return;
  }
  if (request.path == kRoot) {
    response.set_redirect("/portal/", 301);
    return;
  }
  std::string_view relative = std::string_view(request.path).substr(kRoot.size() + 1);
  if (relative.empty()) relative = "index.html";
  const std::optional<std::string_view> bytes = findFile(relative);
  if (!bytes) {
    notFound(response);
    return;
  }
  response.status = 200;
  response.set_header("Cache-Control", "no-cache");
  response.set_header("Content-Security-Policy", kContentSecurityPolicy);
  response.set_content(std::string(*bytes), contentType(relative));
}

}  // namespace cvmock::server::portal
