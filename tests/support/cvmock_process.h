// The real cvmock executable as a child process, for tests that kill it and start it again.
#pragma once

#include <csignal>
#include <cstdio>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <sys/wait.h>
#include <unistd.h>

namespace cvmock::testing {

// Starts `binary` with `args` plus --port 0, and waits for its "cvmock listening on http[s]://HOST:PORT"
// line to learn the scheme and port; what cvmock prints later is read and dropped, so a chatty cvmock never blocks
// on a full pipe. The destructor SIGKILLs a process that is still running.
class CvmockProcess {
 public:
  CvmockProcess(const std::string& binary, std::vector<std::string> args) {
    args.insert(args.begin(), {binary, "--port", "0"});
    int out[2];
    if (::pipe(out) != 0) throw std::runtime_error("pipe failed");
    pid_ = ::fork();
    if (pid_ < 0) throw std::runtime_error("fork failed");
    if (pid_ == 0) {
      ::dup2(out[1], STDOUT_FILENO);
      ::close(out[0]);
      ::close(out[1]);
      std::vector<char*> argv;
      for (std::string& arg : args) argv.push_back(arg.data());
      argv.push_back(nullptr);
      ::execv(binary.c_str(), argv.data());
      ::_exit(127);
    }
    ::close(out[1]);
    stdout_ = ::fdopen(out[0], "r");
    port_ = readPort();
    drain_ = std::thread([this] {
      char line[512];
      while (std::fgets(line, sizeof line, stdout_)) {
      }
    });
  }
  ~CvmockProcess() {
    if (pid_ > 0) kill(SIGKILL);
    if (drain_.joinable()) drain_.join();  // ends at the pipe's end of file, once cvmock is gone
    if (stdout_) std::fclose(stdout_);
  }
  CvmockProcess(const CvmockProcess&) = delete;
  CvmockProcess& operator=(const CvmockProcess&) = delete;

  std::string endpoint() const { return scheme_ + "://127.0.0.1:" + std::to_string(port_); }
  int port() const { return port_; }
  pid_t pid() const { return pid_; }

  // Sends `signal` and reaps the process; returns its wait status.
  int kill(int signal) {
    send(signal);
    return wait();
  }
  void send(int signal) const { ::kill(pid_, signal); }
  // Whether the process has not ended yet (it is not reaped).
  bool running() const {
    siginfo_t info{};
    return ::waitid(P_PID, static_cast<id_t>(pid_), &info, WEXITED | WNOHANG | WNOWAIT) == 0 && info.si_pid == 0;
  }
  // Reaps the process once it ends; returns its wait status.
  int wait() {
    int status = 0;
    ::waitpid(pid_, &status, 0);
    pid_ = -1;
    return status;
  }

 private:
  int readPort() {
    static const std::string kPrefix = "cvmock listening on ";
    char line[512];
    while (std::fgets(line, sizeof line, stdout_)) {
      const std::string text(line);
      if (text.rfind(kPrefix, 0) != 0) continue;
      scheme_ = text.substr(kPrefix.size(), text.find("://") - kPrefix.size());
      return std::stoi(text.substr(text.rfind(':') + 1));
    }
    throw std::runtime_error("cvmock exited before listening");
  }

  pid_t pid_ = -1;
  std::FILE* stdout_ = nullptr;
  std::thread drain_;
  std::string scheme_ = "http";
  int port_ = 0;
};

}  // namespace cvmock::testing
