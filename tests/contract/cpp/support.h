// Helpers the scenario's steps share: polling with a deadline, error expectations, ranking, artifact paths and box
// overlap.
#pragma once

#include <gtest/gtest.h>

#include <chrono>
#include <functional>
#include <stdexcept>
#include <string>
#include <thread>
#include <type_traits>
#include <vector>

#include "client/errors.h"
#include "client/models.h"

namespace cvmock::contract {

// Calls probe until it returns a value (returned) or timeout passes (throws std::runtime_error naming what was
// awaited). A CustomVisionError from probe ends the wait unless retryErrors says to try again, as the real service
// is eventually consistent.
template <class Probe>
auto poll(const std::string& what, Probe probe, std::chrono::milliseconds interval, std::chrono::milliseconds timeout,
          bool retryErrors = false) -> typename std::invoke_result_t<Probe>::value_type {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  std::string last = "nothing yet";
  while (true) {
    try {
      if (auto value = probe()) return *value;
      last = "not yet";
    } catch (const client::CustomVisionError& error) {
      if (!retryErrors) throw;
      last = error.what();
    }
    if (std::chrono::steady_clock::now() > deadline) {
      throw std::runtime_error("timed out waiting for " + what + ": " + last);
    }
    std::this_thread::sleep_for(interval);
  }
}

// The CustomVisionError a call ends in; a failure of the step when it succeeds (the returned error is then empty).
client::CustomVisionError errorOf(const std::function<void()>& call);

// The call fails with this HTTP status and, when given, this service error code.
void expectError(const std::function<void()>& call, int status, const std::string& code = "");

// Probabilities come ranked, highest first, and there is at least one.
void expectRanked(const std::vector<client::Prediction>& predictions);

// JPEG starts FF D8 FF, PNG 89 'PNG'.
bool isImage(const std::string& bytes);

// A blob URI's last two path segments are the artifact path GetArtifact takes ("i-<project>/i-<image>").
std::string artifactPath(const std::string& uri);

// The ids of the images, sorted.
std::vector<std::string> idsOf(const std::vector<client::Image>& images);

}  // namespace cvmock::contract
