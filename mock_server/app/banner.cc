// The banner's lines, and the words for a failed bind.
#include "mock_server/app/banner.h"

#include <cerrno>
#include <cstring>

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

std::string bindFailureMessage(const BindFailure& failure) {
  const std::string where = failure.resource.empty() ? "" : " (resource " + failure.resource + "'s own port)";
  const std::string port = failure.address.substr(failure.address.rfind(':') + 1);
  const std::string portFlag =
      failure.resource.empty() ? "start cvmock with --port N (--port 0 picks a free port)"
                               : "change the resource's \"port\" in the --resources file (0 picks a free port)";
  switch (failure.error) {
    case EADDRINUSE:
      return "port " + port + " is already in use" + where + ": another cvmock or another program holds " +
             failure.address + ". Stop it, or " + portFlag + ".";
    case EACCES:
      return "no permission to listen on " + failure.address + where + ": ports below 1024 need root. " +
             portFlag + ".";
    case EADDRNOTAVAIL:
      return "cannot listen on " + failure.address + where +
             ": the --host address is not one of this machine's. Use --host 127.0.0.1, or 0.0.0.0 for every "
             "interface.";
    default:
      break;
  }
  return "cannot listen on " + failure.address + where + ": " +
         (failure.error ? std::strerror(failure.error) : std::string("the address could not be resolved")) +
         ". Check --host and --port.";
}

}  // namespace cvmock::server
