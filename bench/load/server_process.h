// A cvmock server run as a child process for a benchmark: start, wait until ready, read its peak memory, stop.
#pragma once

#include <chrono>
#include <map>
#include <mutex>
#include <string>
#include <sys/types.h>
#include <thread>
#include <vector>

namespace cvmock::bench {

class ServerProcess {
 public:
  // Starts `binary --port 0 <arguments>` and blocks until it answers on the port it printed.
  // Throws std::runtime_error when it does not start. With `keepOutput`, a thread goes on reading the child's
  // stdout (its request log) into outputLines(); otherwise the pipe is closed once the port is read.
  ServerProcess(const std::string& binary, const std::vector<std::string>& arguments, bool keepOutput = false);
  ~ServerProcess();  // SIGTERM, then waits (and joins the reader)
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
  // The same per thread (/proc/<pid>/task/<tid>/stat), by thread id.
  std::map<int, double> threadCpuSeconds() const;
  // The whole lines the child has written to stdout so far, after its "listening on" line (keepOutput only).
  std::vector<std::string> outputLines() const;

 private:
  double statusField(const char* name) const;

  pid_t pid_ = -1;
  int port_ = 0;
  std::chrono::duration<double, std::milli> startup_{};
  int outputFd_ = -1;
  std::thread reader_;
  mutable std::mutex outputMutex_;  // guards output_, which reader_ appends to
  std::string output_;
};

}  // namespace cvmock::bench
