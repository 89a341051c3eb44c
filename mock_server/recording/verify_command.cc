// `cvmock verify`: read every cassette (refusing a damaged one before replaying anything), replay each against
// a fresh cvmock, report.
#include <chrono>
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
    "usage: cvmock verify PATH [--table FILE] [--junit FILE] [--json] [--seed N] [--only GLOB] [--print-table]\n"
    "  PATH           a recording folder (every *.jsonl below it) or one cassette\n"
    "  --table        the verify table to add to the built-in one (default: verify.json beside the recording)\n"
    "  --junit        also write JUnit XML to FILE\n"
    "  --json         print the report as JSON instead of text\n"
    "  --seed         the replayed cvmock's seed (default 0)\n"
    "  --only         replay only the recordings whose id matches GLOB\n"
    "  --print-table  print the built-in verify table and exit\n"
    "Exit status: 0 every exchange matches, 1 one differs, 2 bad arguments or an unreadable recording.\n";

std::string cassetteId(const std::filesystem::path& file, const std::filesystem::path& root) {
  std::filesystem::path relative = std::filesystem::is_directory(root) ? std::filesystem::relative(file, root)
                                                                      : file.filename();
  return relative.replace_extension("").generic_string();
}

}  // namespace

int runVerify(const std::vector<std::string>& args) {
  const CommandLine line = parseCommandLine(args, {"--table", "--junit", "--seed", "--only"},
                                            {"--json", "--help", "--print-table"});
  if (line.has("--help")) {
    std::cout << kUsage;
    return 0;
  }
  if (line.has("--print-table")) {
    std::cout << kBuiltinTable << "\n";
    return 0;
  }
  std::uint64_t seed = 0;
  std::string error = line.error;
  if (error.empty() && line.positional.size() != 1) error = "needs one PATH";
  try {
    seed = std::stoull(line.value("--seed", "0"));
  } catch (const std::exception&) {
    error = "invalid --seed " + line.value("--seed");
  }
  if (!error.empty()) {
    std::cerr << "cvmock verify: " << error << "\n\n" << kUsage;
    return 2;
  }
  const std::filesystem::path root = line.positional.front();
  const std::filesystem::path tableFile =
      line.value("--table", ((std::filesystem::is_directory(root) ? root : root.parent_path()) / "verify.json").string());

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
  std::vector<CassetteResult> results;
  {
    ReplayImages images;
    for (const auto& [id, cassette] : cassettes) results.push_back(replayCassette(cassette, id, table, seed, images));
  }
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
