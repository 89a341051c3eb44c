// ServerProcess: fork/exec, the printed port, /proc/<pid>/status.
#include "bench/load/server_process.h"

#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

#include <httplib.h>

namespace cvmock::bench {
namespace {

// Reads the child's stdout until "listening on http://host:PORT"; returns PORT. What was read after that
// line is left in `rest`.
int readPort(int fd, std::string& rest) {
  std::string output;
  char chunk[256];
  while (true) {
    const ssize_t n = read(fd, chunk, sizeof chunk);
    if (n <= 0) throw std::runtime_error("cvmock exited before listening: " + output);
    output.append(chunk, static_cast<std::size_t>(n));
    const std::size_t at = output.find("listening on http://");
    const std::size_t end = output.find('\n', at);
    if (at == std::string::npos || end == std::string::npos) continue;
    rest = output.substr(end + 1);
    return std::stoi(output.substr(output.rfind(':', end) + 1));
  }
}

}  // namespace

ServerProcess::ServerProcess(const std::string& binary, const std::vector<std::string>& arguments,
                             bool keepOutput) {
  int pipeFds[2];
  if (pipe(pipeFds) != 0) throw std::runtime_error("pipe failed");
  const auto started = std::chrono::steady_clock::now();
  pid_ = fork();
  if (pid_ == 0) {
    dup2(pipeFds[1], STDOUT_FILENO);
    close(pipeFds[0]);
    std::vector<std::string> all = {binary, "--port", "0"};
    all.insert(all.end(), arguments.begin(), arguments.end());
    std::vector<char*> argv;
    for (std::string& argument : all) argv.push_back(argument.data());
    argv.push_back(nullptr);
    execv(binary.c_str(), argv.data());
    _exit(127);
  }
  close(pipeFds[1]);
  port_ = readPort(pipeFds[0], output_);
  if (keepOutput) {
    outputFd_ = pipeFds[0];
    reader_ = std::thread([this] {
      char chunk[4096];
      ssize_t n;
      while ((n = read(outputFd_, chunk, sizeof chunk)) > 0) {
        std::lock_guard lock(outputMutex_);
        output_.append(chunk, static_cast<std::size_t>(n));
      }
    });
  } else {
    close(pipeFds[0]);
  }
  httplib::Client probe("127.0.0.1", port_);
  while (!probe.Get("/customvision/v3.3/training/domains", {{"Training-Key", "cvmock-training-key"}})) {
    std::this_thread::sleep_for(std::chrono::microseconds(200));
  }
  startup_ = std::chrono::steady_clock::now() - started;
}

ServerProcess::~ServerProcess() {
  if (pid_ <= 0) return;
  kill(pid_, SIGTERM);
  waitpid(pid_, nullptr, 0);
  if (reader_.joinable()) reader_.join();  // the child's exit closed the pipe's other end
  if (outputFd_ >= 0) close(outputFd_);
}

std::vector<std::string> ServerProcess::outputLines() const {
  std::lock_guard lock(outputMutex_);
  std::vector<std::string> lines;
  std::size_t start = 0;
  for (std::size_t end = output_.find('\n'); end != std::string::npos; end = output_.find('\n', start)) {
    lines.push_back(output_.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

double ServerProcess::statusField(const char* name) const {
  std::ifstream status("/proc/" + std::to_string(pid_) + "/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind(name, 0) == 0) return std::stod(line.substr(line.find(':') + 1)) / 1024.0;  // kB -> MiB
  }
  return 0;
}

namespace {

// utime + stime of a /proc .../stat file, in seconds; 0 when it cannot be read.
double statCpuSeconds(const std::string& path) {
  std::ifstream stat(path);
  std::string line;
  std::getline(stat, line);
  // Fields after the parenthesised command name, which may itself hold spaces: state is field 3,
  // utime and stime are fields 14 and 15, in clock ticks.
  std::istringstream fields(line.substr(line.rfind(')') + 2));
  std::string field;
  double ticks = 0;
  for (int number = 3; number <= 15 && fields >> field; ++number) {
    if (number >= 14) ticks += std::stod(field);
  }
  return ticks / static_cast<double>(sysconf(_SC_CLK_TCK));
}

}  // namespace

double ServerProcess::cpuSeconds() const { return statCpuSeconds("/proc/" + std::to_string(pid_) + "/stat"); }

std::map<int, double> ServerProcess::threadCpuSeconds() const {
  std::map<int, double> threads;
  for (const auto& task : std::filesystem::directory_iterator("/proc/" + std::to_string(pid_) + "/task")) {
    threads[std::stoi(task.path().filename().string())] = statCpuSeconds((task.path() / "stat").string());
  }
  return threads;
}

double ServerProcess::residentMiB() const { return statusField("VmRSS"); }
double ServerProcess::peakResidentMiB() const { return statusField("VmHWM"); }

}  // namespace cvmock::bench
