// The banner's lines.
#include "mock_server/app/banner.h"

#include "mock_server/app/version.h"

namespace cvmock::server {
namespace {

std::string keys(const Resource& resource) {
  return resource.key2.empty() ? resource.key1 : resource.key1 + ", " + resource.key2;
}

std::string endpointOf(const Server& server, const std::string& resourceName) {
  for (const Endpoint& endpoint : server.endpoints()) {
    for (const std::string& name : endpoint.resources) {
      if (name == resourceName) return endpoint.url + "/";
    }
  }
  return "";
}

}  // namespace

void printBanner(std::ostream& out, const Server& server, const ServerConfig& config) {
  const std::string endpoint = server.endpoints().front().url;
  out << versionText() << "\n"
      << "cvmock listening on " << endpoint << "\n"
      << "portal: " << endpoint << "/portal/\n";
  for (const Resource& resource : server.resources()) {
    out << "resource " << resource.name << ": " << endpointOf(server, resource.name) << " (" << kindName(resource.kind)
        << ", " << resource.region << ") keys: " << keys(resource) << "\n";
    if (resource.servesPrediction()) out << "  publish to it with predictionId=" << resource.armId << "\n";
  }
  out << "data: " << (config.dataDir.empty() ? "in memory (gone when cvmock stops; --data-dir keeps it)"
                                             : config.dataDir)
      << "\n"
      << "stop with Ctrl-C (SIGINT) or SIGTERM" << std::endl;
}

}  // namespace cvmock::server
