// A fresh cvmock in this process (state in memory, a fixed seed, training held until the replay releases it),
// and an HTTP client to it.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <thread>

#include "mock_server/recording/exchange_compare.h"

namespace httplib {
class Client;
}

namespace cvmock::server {
class DetectorFitMemo;
class Server;
}

namespace cvmock::recording {

inline constexpr const char* kReplayTrainingKey = "cvmock-verify-training-key";
inline constexpr const char* kReplayPredictionKey = "cvmock-verify-prediction-key";
// A key the replayed cvmock refuses, sent where the recorded service refused the recorded one.
inline constexpr const char* kRefusedKey = "cvmock-verify-refused-key";

class ReplayTarget {
 public:
  // Starts cvmock on a free loopback port. `predictionResourceId`: the ARM id publishing accepts ("" for
  // cvmock's default). `detectorFits`: the detector fits this cvmock shares with the other replays' (null: its
  // own). Throws std::runtime_error when it cannot start.
  ReplayTarget(std::uint64_t seed, const std::string& predictionResourceId,
               std::shared_ptr<server::DetectorFitMemo> detectorFits = nullptr);
  ~ReplayTarget();
  ReplayTarget(const ReplayTarget&) = delete;
  ReplayTarget& operator=(const ReplayTarget&) = delete;

  // One request; a status of 0 means no answer (the message is in the body).
  LiveAnswer send(const std::string& method, const std::string& target, const HeaderList& headers,
                  const std::string& body);
  // A Training API v3.3 call with the replay's key; throws std::runtime_error unless it answers 2xx.
  Json training(const std::string& method, const std::string& pathAndQuery, const std::string& body = "",
                const std::string& contentType = "");
  // A Prediction API v3.1 call with the replay's key; throws std::runtime_error unless it answers 2xx.
  Json prediction(const std::string& pathAndQuery, const std::string& body, const std::string& contentType);
  // Lets every held training finish (the admin API's training/advance).
  void releaseTrainings();
  const std::string& predictionResourceId() const { return predictionResourceId_; }

 private:
  Json call(const std::string& method, const std::string& target, HeaderList headers, const std::string& body);

  std::string predictionResourceId_;
  std::unique_ptr<server::Server> server_;
  std::thread serving_;
  std::unique_ptr<httplib::Client> client_;
};

}  // namespace cvmock::recording
