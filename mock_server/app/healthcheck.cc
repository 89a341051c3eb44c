// healthcheck: one GET with a short timeout, over HTTP or HTTPS.
#include "mock_server/app/healthcheck.h"

#include <charconv>
#include <fstream>

#include "mock_server/api/http.h"

namespace cvmock::server {
namespace {

constexpr const char* kUsage =
    "usage: cvmock healthcheck [--endpoint URL] [--timeout SECONDS] [--ca-file FILE] [--insecure]\n";

struct HealthcheckOptions {
  std::string endpoint;
  int timeoutSeconds = 3;
  std::string caFile;
  bool insecure = false;
};

// The options, or a message saying what is wrong with the command line.
std::optional<std::string> parse(const std::vector<std::string>& args, HealthcheckOptions& options) {
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--insecure") {
      options.insecure = true;
      continue;
    }
    if (arg != "--endpoint" && arg != "--timeout" && arg != "--ca-file") return "unknown option: " + arg;
    if (i + 1 >= args.size()) return arg + " needs a value";
    const std::string& value = args[++i];
    if (arg == "--endpoint") {
      options.endpoint = value;
    } else if (arg == "--ca-file") {
      options.caFile = value;
    } else {
      const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), options.timeoutSeconds);
      if (ec != std::errc() || end != value.data() + value.size() || options.timeoutSeconds <= 0) {
        return "--timeout takes a positive number of seconds, not " + value;
      }
    }
  }
  if (!options.caFile.empty() && !std::ifstream(options.caFile)) return "cannot read --ca-file " + options.caFile;
  const bool known = options.endpoint.rfind("http://", 0) == 0 || options.endpoint.rfind("https://", 0) == 0;
  if (!known) return "--endpoint must start with http:// or https://, not " + options.endpoint;
  return std::nullopt;
}

// What to do about the failures a wrong TLS setting causes: an untrusted certificate, or HTTP sent to HTTPS.
std::string hint(httplib::Error error, const std::string& endpoint) {
  if (error == httplib::Error::SSLServerVerification) {
    return " (the server's certificate is not trusted: pass --ca-file FILE, or --insecure for a self-signed one)";
  }
  if (error == httplib::Error::Read && endpoint.rfind("http://", 0) == 0) {
    return " (if that cvmock serves HTTPS, use an https:// endpoint)";
  }
  return "";
}

}  // namespace

int runHealthcheck(const std::vector<std::string>& args,
                   const std::function<std::optional<std::string>(const char*)>& getenv, std::ostream& err) {
  HealthcheckOptions options;
  options.endpoint = "http://127.0.0.1:" + getenv("CVMOCK_PORT").value_or("8808");
  options.caFile = getenv("CVMOCK_CA_FILE").value_or("");
  if (std::optional<std::string> problem = parse(args, options)) {
    err << "cvmock healthcheck: " << *problem << "\n" << kUsage;
    return 2;
  }
  httplib::Client client(options.endpoint);
  client.set_connection_timeout(options.timeoutSeconds, 0);
  client.set_read_timeout(options.timeoutSeconds, 0);
  if (!options.caFile.empty()) client.set_ca_cert_path(options.caFile);
  client.enable_server_certificate_verification(!options.insecure);
  const httplib::Result result = client.Get("/_cvmock/ready");
  if (!result) {
    err << "cvmock healthcheck: no answer from " << options.endpoint << ": " << httplib::to_string(result.error())
        << hint(result.error(), options.endpoint) << "\n";
    return 1;
  }
  if (result->status != 200) {
    err << "cvmock healthcheck: " << options.endpoint << " answered " << result->status << "\n";
    return 1;
  }
  return 0;
}

}  // namespace cvmock::server
