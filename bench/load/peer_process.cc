// PeerProcess: a free port from the kernel, fork/exec in its own process group, poll until it answers.
#include "bench/load/peer_process.h"

#include <chrono>
#include <csignal>
#include <netinet/in.h>
#include <stdexcept>
#include <sys/socket.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

#include <httplib.h>

namespace cvmock::bench {
namespace {

// A port nothing listens on now: bound to port 0, read back, released.
int freePort() {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof address;
  if (fd < 0 || bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
      getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    throw std::runtime_error("no free port");
  }
  const int port = ntohs(address.sin_port);
  close(fd);
  return port;
}

}  // namespace

PeerProcess::PeerProcess(std::vector<std::string> command, double timeoutSeconds) : port_(freePort()) {
  for (std::string& argument : command) {
    for (std::size_t at = argument.find("{port}"); at != std::string::npos; at = argument.find("{port}")) {
      argument.replace(at, 6, std::to_string(port_));
    }
  }
  pid_ = fork();
  if (pid_ == 0) {
    setpgid(0, 0);  // node starts children of its own; the whole group is stopped together
    std::vector<char*> argv;
    for (std::string& argument : command) argv.push_back(argument.data());
    argv.push_back(nullptr);
    execvp(argv[0], argv.data());
    _exit(127);
  }
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(timeoutSeconds);
  httplib::Client probe("127.0.0.1", port_);
  while (!probe.Get("/")) {
    if (std::chrono::steady_clock::now() > deadline || waitpid(pid_, nullptr, WNOHANG) == pid_) {
      kill(-pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
      throw std::runtime_error(command[0] + " did not answer on port " + std::to_string(port_));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
}

PeerProcess::~PeerProcess() {
  if (pid_ <= 0) return;
  kill(-pid_, SIGTERM);
  waitpid(pid_, nullptr, 0);
}

}  // namespace cvmock::bench
