// Replaying one cassette against a fresh in-process cvmock and comparing every answer with the recorded one.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "mock_server/recording/cassette.h"
#include "mock_server/recording/exchange_compare.h"
#include "mock_server/recording/replay_images.h"
#include "mock_server/recording/verify_table.h"
#include "mock_server/service/detector_fit_memo.h"

namespace cvmock::recording {

struct ExchangeResult {
  int number = 0;       // 1-based
  std::string request;  // "METHOD target" as recorded
  int recordedStatus = 0;
  int liveStatus = 0;
  std::vector<Difference> differences;  // accepted ones included, marked
  std::string skipped;                  // why it was not replayed
  bool failed() const;
};

struct CassetteResult {
  std::string id;  // the cassette's path below the verified folder, without .jsonl
  std::string file;
  std::string skipped;  // why the whole cassette was not replayed
  std::string error;    // why the replay stopped (a given state cvmock refused, an unreadable body file)
  std::vector<ExchangeResult> exchanges;
  double seconds = 0;
  bool failed() const;
};

// Replays `cassette` in order against a fresh cvmock, which takes detector fits from `detectorFits` (shared by
// the cassettes of one verify; null: its own). Never throws: what stops the replay is the result's error.
CassetteResult replayCassette(const Cassette& cassette, const std::string& id, const VerifyTable& table,
                              std::uint64_t seed, ReplayImages& images,
                              std::shared_ptr<server::DetectorFitMemo> detectorFits = nullptr);

}  // namespace cvmock::recording
