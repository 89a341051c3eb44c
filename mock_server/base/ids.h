// GUIDs as the service writes them: lower case with hyphens; drawn from a seeded generator.
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <random>
#include <string>
#include <string_view>

namespace cvmock::server {

// Thread-safe. The same seed gives the same sequence of ids, so a scripted run is reproducible.
class IdGenerator {
 public:
  explicit IdGenerator(std::uint64_t seed);
  std::string next();

 private:
  std::mutex mutex_;
  std::mt19937_64 engine_;
};

// The seed of the id sequence for a service started `restarts` times before on the same state: `seed`
// itself on fresh state (so a run is reproducible), a different stream after each restart so that
// no id handed out before the restart is handed out again.
std::uint64_t restartSeed(std::uint64_t seed, std::uint64_t restarts);

// The canonical lower-case form of a GUID written with or without hyphens or braces, in any case;
// nullopt for anything else.
std::optional<std::string> normaliseGuid(std::string_view text);

// The id without hyphens, as blob URIs spell it.
std::string compactGuid(std::string_view guid);

}  // namespace cvmock::server
