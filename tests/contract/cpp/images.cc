// Writes the scenario's fixtures (shapes and detection scenes) and serves them over loopback HTTP.
#include "tests/contract/cpp/images.h"

#include <httplib.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <unistd.h>

namespace cvmock::contract {

Images::Images(bool real) {
  const char* binary = std::getenv("CVMOCK_FIXTURES_BIN");
  if (binary == nullptr || *binary == '\0') throw std::runtime_error("set CVMOCK_FIXTURES_BIN to cvmock-fixtures");
  dir_ = std::filesystem::temp_directory_path() / ("cvmock-contract-cpp-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir_);
  const std::string command = std::string("'") + binary + "' --out '" + dir_.string() +
                              "' --classes circle,square,triangle --per-class " + std::to_string(kPerClass) +
                              " --size 256 > /dev/null";
  if (std::system(command.c_str()) != 0) throw std::runtime_error("cvmock-fixtures failed: " + command);
  const std::string scenes = std::string("'") + binary + "' --detection --out '" + (dir_ / "scenes").string() +
                             "' --classes circle,square,triangle --images " + std::to_string(kScenes) + " > /dev/null";
  if (std::system(scenes.c_str()) != 0) throw std::runtime_error("cvmock-fixtures failed: " + scenes);
  scenes_ = readScenes(dir_ / "scenes", "scenes");
  if (real) {
    const char* base = std::getenv("CVMOCK_CONTRACT_IMAGE_BASE_URL");
    base_ = base == nullptr ? "" : base;
    while (!base_.empty() && base_.back() == '/') base_.pop_back();
    return;
  }
  server_ = std::make_unique<httplib::Server>();
  server_->set_mount_point("/", dir_.string());
  const int port = server_->bind_to_any_port("127.0.0.1");
  if (port < 0) throw std::runtime_error("the image server could not bind a port");
  serving_ = std::thread([this] { server_->listen_after_bind(); });
  // stop() does nothing until the accept loop runs, so the destructor must not race ahead of it.
  while (!server_->is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  base_ = "http://127.0.0.1:" + std::to_string(port);
}

Images::~Images() {
  if (server_) {
    server_->stop();
    serving_.join();
  }
  std::error_code ignored;  // a leftover temp folder must not fail a scenario that passed
  std::filesystem::remove_all(dir_, ignored);
}

std::string Images::file(const std::string& shape, int index) const {
  std::string number = std::to_string(index);
  const std::string stem = shape + "/" + shape + "_" + std::string(3 - number.size(), '0') + number;
  return std::filesystem::exists(dir_ / (stem + ".jpg")) ? stem + ".jpg" : stem + ".png";
}

std::string Images::data(const std::string& rel) const {
  std::ifstream in(dir_ / rel, std::ios::binary);
  if (!in) throw std::runtime_error("no image " + rel);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

std::optional<std::string> Images::url(const std::string& rel) const {
  if (base_.empty()) return std::nullopt;
  return base_ + "/" + rel;
}

}  // namespace cvmock::contract
