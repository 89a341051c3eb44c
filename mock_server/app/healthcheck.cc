// healthcheck: one GET with a short timeout.
#include "mock_server/app/healthcheck.h"

#include <cstdlib>

#include "mock_server/api/http.h"

namespace cvmock::server {

int runHealthcheck(const std::vector<std::string>& args,
                   const std::function<std::optional<std::string>(const char*)>& getenv, std::ostream& err) {
  std::string endpoint = "http://127.0.0.1:" + getenv("CVMOCK_PORT").value_or("8808");
  int timeoutSeconds = 3;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const bool hasValue = i + 1 < args.size();
    if (args[i] == "--endpoint" && hasValue) {
      endpoint = args[++i];
    } else if (args[i] == "--timeout" && hasValue) {
      timeoutSeconds = std::atoi(args[++i].c_str());
    } else {
      err << "usage: cvmock healthcheck [--endpoint URL] [--timeout SECONDS]\n";
      return 2;
    }
  }
  httplib::Client client(endpoint);
  client.set_connection_timeout(timeoutSeconds, 0);
  client.set_read_timeout(timeoutSeconds, 0);
  const httplib::Result result = client.Get("/_cvmock/ready");
  if (!result) {
    err << "cvmock healthcheck: no answer from " << endpoint << ": " << httplib::to_string(result.error()) << "\n";
    return 1;
  }
  if (result->status != 200) {
    err << "cvmock healthcheck: " << endpoint << " answered " << result->status << "\n";
    return 1;
  }
  return 0;
}

}  // namespace cvmock::server
