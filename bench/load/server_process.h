// A cvmock server run as a child process for a benchmark: start, wait until ready, read its peak memory, stop.
#pragma once

#include <chrono>
#include <string>
#include <sys/types.h>
#include <vector>

namespace cvmock::bench {

class ServerProcess {
 public:
  // Starts `binary --port 0 <arguments>` and blocks until it answers on the port it printed.
  // Throws std::runtime_error when it does not start.
  ServerProcess(const std::string& binary, const std::vector<std::string>& arguments);
  ~ServerProcess();  // SIGTERM, then waits
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  std::string endpoint() const { return "http://127.0.0.1:" + std::to_string(port_); }
  // From fork to the first answered request.
  std::chrono::duration<double, std::milli> startupTime() const { return startup_; }
  // The process's resident set: now (VmRSS) and at its peak so far (VmHWM), in MiB.
  double residentMiB() const;
  double peakResidentMiB() const;
  // CPU time the process has used so far, user and system, in seconds (/proc/<pid>/stat).
  double cpuSeconds() const;

 private:
  double statusField(const char* name) const;

  pid_t pid_ = -1;
  int port_ = 0;
  std::chrono::duration<double, std::milli> startup_{};
};

}  // namespace cvmock::bench
