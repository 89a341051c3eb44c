// `cvmock verify`: read every cassette (refusing a damaged one before replaying anything), replay each against
// a fresh cvmock, report.
#include <atomic>
#include <chrono>
#include <thread>
#include <fstream>
#include <iostream>

#include "mock_server/recording/builtin_table.h"
#include "mock_server/recording/cassette_replay.h"
#include "mock_server/recording/command_line.h"
#include "mock_server/recording/commands.h"
#include "mock_server/recording/verify_report.h"

namespace cvmock::recording {
namespace {

constexpr const char* kUsage =
    "usage: cvmock verify PATH [--table FILE] [--junit FILE] [--json] [--seed N] [--only GLOB] [--jobs N]\n"
    "                         [--print-table]\n"
    "  PATH           a recording folder (every *.jsonl below it) or one cassette\n"
    "  --table        the verify table to add to the built-in one (default: verify.json beside the recording)\n"
    "  --junit        also write JUnit XML to FILE\n"
    "  --json         print the report as JSON instead of text\n"
    "  --seed         the replayed cvmock's seed (default 0)\n"
    "  --only         replay only the recordings whose id matches GLOB\n"
    "  --jobs         recordings replayed at once, each against its own cvmock (default: the number of cores)\n"
    "  --print-table  print the built-in verify table and exit\n"
    "Exit status: 0 every exchange matches, 1 one differs, 2 bad arguments or an unreadable recording.\n";

std::string cassetteId(const std::filesystem::path& file, const std::filesystem::path& root) {
  std::filesystem::path relative =
      std::filesystem::is_directory(root) ? std::filesystem::relative(file, root) : file.filename();
  return relative.replace_extension("").generic_string();
}

// Each cassette against its own cvmock, `jobs` at a time (they share nothing but the image server); results in
// the cassettes' order.
std::vector<CassetteResult> replayAll(const std::vector<std::pair<std::string, Cassette>>& cassettes,
                                      const VerifyTable& table, std::uint64_t seed, unsigned jobs) {
  std::vector<CassetteResult> results(cassettes.size());
  ReplayImages images;
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i = next++; i < cassettes.size(); i = next++) {
      results[i] = replayCassette(cassettes[i].second, cassettes[i].first, table, seed, images);
    }
  };
  std::vector<std::thread> workers;
  for (unsigned i = 1; i < std::min<std::size_t>(jobs, cassettes.size()); ++i) workers.emplace_back(work);
  work();
  for (std::thread& worker : workers) worker.join();
  return results;
}

}  // namespace

int runVerify(const std::vector<std::string>& args) {
  const CommandLine line =
      parseCommandLine(args, {"--table", "--junit", "--seed", "--only", "--jobs"}, {"--json", "--help", "--print-table"});
  if (line.has("--help")) {
    std::cout << kUsage;
    return 0;
  }
  if (line.has("--print-table")) {
    std::cout << kBuiltinTable << "\n";
    return 0;
  }
  std::uint64_t seed = 0;
  unsigned jobs = std::max(1u, std::thread::hardware_concurrency());
  std::string error = line.error;
  if (error.empty() && line.positional.size() != 1) error = "needs one PATH";
  try {
    seed = std::stoull(line.value("--seed", "0"));
    jobs = static_cast<unsigned>(std::stoul(line.value("--jobs", std::to_string(jobs))));
  } catch (const std::exception&) {
    error = "invalid --seed or --jobs";
  }
  if (error.empty() && jobs == 0) error = "--jobs must be at least 1";
  if (!error.empty()) {
    std::cerr << "cvmock verify: " << error << "\n\n" << kUsage;
    return 2;
  }
  const std::filesystem::path root = line.positional.front();
  const std::filesystem::path tableFile = line.value(
      "--table", ((std::filesystem::is_directory(root) ? root : root.parent_path()) / "verify.json").string());

  VerifyTable table = VerifyTable::builtin();
  std::vector<std::pair<std::string, Cassette>> cassettes;
  try {
    if (line.has("--table") || std::filesystem::exists(tableFile)) table.load(tableFile);
    for (const std::filesystem::path& file : findCassettes(root)) {
      const std::string id = cassetteId(file, root);
      if (!globMatches(line.value("--only", "*"), id)) continue;
      cassettes.emplace_back(id, readCassette(file));
    }
  } catch (const std::exception& failure) {
    std::cerr << "cvmock verify: " << failure.what() << "\n";
    return 2;
  }
  if (cassettes.empty()) {
    std::cerr << "cvmock verify: no recording (*.jsonl) under " << root.string() << "\n";
    return 1;
  }

  const auto started = std::chrono::steady_clock::now();
  const std::vector<CassetteResult> results = replayAll(cassettes, table, seed, jobs);
  const VerifySummary summary =
      summarise(results, std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
  if (line.has("--json")) {
    std::cout << jsonReport(results, summary).dump(2) << "\n";
  } else {
    writeTextReport(std::cout, results, summary);
  }
  if (line.has("--junit")) {
    std::ofstream junit(line.value("--junit"), std::ios::binary | std::ios::trunc);
    junit << junitReport(results, summary);
    if (!junit) {
      std::cerr << "cvmock verify: cannot write " << line.value("--junit") << "\n";
      return 2;
    }
  }
  return summary.passed() ? 0 : 1;
}

}  // namespace cvmock::recording
