// The scenario's images: fixtures written by cvmock-fixtures ($CVMOCK_FIXTURES_BIN) into a temporary folder and
// served on a loopback HTTP server, so the URL operations have something to fetch: one folder per shape for the
// classifier, and scenes/ (several shapes each, with their boxes) for the detector.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "tests/contract/cpp/scenes.h"

namespace httplib {
class Server;
}

namespace cvmock::contract {

inline const std::vector<std::string> kClasses = {"circle", "square", "triangle"};
inline constexpr int kPerClass = 10;

// file(shape, index) is a path relative to the folder; data(rel) its bytes; url(rel) where the target can fetch it,
// or std::nullopt when it cannot: the real service cannot reach a loopback server, so its URLs come from
// $CVMOCK_CONTRACT_IMAGE_BASE_URL (a public copy of the same folder, scenes/ included), and without it the URL steps
// skip. scenes() are the kScenes detection scenes in order.
class Images {
 public:
  explicit Images(bool real);
  ~Images();
  Images(const Images&) = delete;
  Images& operator=(const Images&) = delete;

  std::string file(const std::string& shape, int index) const;
  std::string data(const std::string& rel) const;
  std::optional<std::string> url(const std::string& rel) const;
  const std::vector<Scene>& scenes() const { return scenes_; }

 private:
  std::filesystem::path dir_;
  std::vector<Scene> scenes_;
  std::string base_;  // "" when there is no URL to give
  std::unique_ptr<httplib::Server> server_;
  std::thread serving_;
};

}  // namespace cvmock::contract
