// The state a recording takes for granted (the verify table's "given"), built through the replayed cvmock's
// API before the first exchange, and the additions it names between exchanges ("before").
//
// given = {"projects": {LABEL: {"name", "domainId", "classificationType", "tags": {NAME: image count},
//          "untaggedImages": N, "trained": bool, "publishName", "storedPredictions": N}},
//          "before": {"EXCHANGE": {"untaggedImages": {LABEL: N}}}}
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "mock_server/recording/cassette.h"
#include "mock_server/recording/id_map.h"
#include "mock_server/recording/replay_images.h"
#include "mock_server/recording/replay_target.h"

namespace cvmock::recording {

// Not thread-safe; one per replayed cassette.
class GivenState {
 public:
  // Builds `given` (null builds nothing). Throws RecordingError naming the cassette for a malformed state,
  // std::runtime_error when cvmock refuses a step.
  GivenState(const Json& given, const std::string& cassette, ReplayTarget& target, ReplayImages& images);

  // Applies what "before" names for `exchange`, if anything.
  void before(int exchange);
  // The ids built, by kind, for the id map to hand out.
  const IdPools& pools() const { return pools_; }

 private:
  void buildProject(const std::string& label, const Json& spec);
  std::vector<std::string> upload(const std::string& projectId, std::size_t count, const std::string& tagId);
  [[noreturn]] void fail(const std::string& where, const std::string& message) const;

  Json given_;
  std::string cassette_;
  ReplayTarget& target_;
  ReplayImages& images_;
  IdPools pools_;
  std::map<std::string, std::string> projects_;  // label -> live id
  std::uint64_t nextSeries_ = 0;
};

}  // namespace cvmock::recording
