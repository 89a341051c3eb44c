// What `cvmock verify` says: a readable report, the same as JSON, and JUnit XML for CI systems.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "mock_server/recording/cassette_replay.h"

namespace cvmock::recording {

struct VerifySummary {
  std::size_t cassettes = 0;
  std::size_t skippedCassettes = 0;
  std::size_t failedCassettes = 0;
  std::size_t exchanges = 0;  // replayed
  std::size_t matched = 0;    // no difference at all
  std::size_t accepted = 0;   // only differences the table accepts
  std::size_t differing = 0;
  std::size_t skippedExchanges = 0;
  double seconds = 0;
  // Every replayed exchange matched, and at least one was replayed.
  bool passed() const { return failedCassettes == 0 && exchanges > 0; }
};

VerifySummary summarise(const std::vector<CassetteResult>& results, double seconds);

void writeTextReport(std::ostream& out, const std::vector<CassetteResult>& results, const VerifySummary& summary);
Json jsonReport(const std::vector<CassetteResult>& results, const VerifySummary& summary);
std::string junitReport(const std::vector<CassetteResult>& results, const VerifySummary& summary);

}  // namespace cvmock::recording
