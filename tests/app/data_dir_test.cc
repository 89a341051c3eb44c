// --data-dir at start-up, against the real executable: one cvmock at a time on a data directory (in memory, any
// number), and a directory that is a file, cannot be created or cannot be written refused in one message that
// names the flag, the cause and the fix, with a non-zero exit.
#include <gtest/gtest.h>

#include <algorithm>
#include <csignal>
#include <filesystem>
#include <fstream>

#include "tests/app/run_cvmock.h"
#include "tests/support/cvmock_process.h"

namespace cvmock::testing {
namespace {

namespace fs = std::filesystem;

// A refusal is one line on stderr starting "cvmock: ", with no exception's text in it.
void expectOneMessage(const RunResult& result) {
  EXPECT_EQ(std::count(result.err.begin(), result.err.end(), '\n'), 1) << result.err;
  EXPECT_EQ(result.err.rfind("cvmock: ", 0), 0u) << result.err;
  EXPECT_EQ(result.err.find("filesystem error"), std::string::npos) << result.err;
  EXPECT_EQ(result.err.find("sqlite"), std::string::npos) << result.err;
  EXPECT_EQ(result.out.find("cvmock listening on"), std::string::npos) << "it must not have started:\n" << result.out;
}

RunResult startOn(const fs::path& dataDir, bool unprivileged = false) {
  return runCvmock({"--port", "0", "--data-dir", dataDir.string()}, {}, unprivileged);
}

TEST(DataDir, ASecondCvmockOnTheSameDirectoryIsRefusedNamingTheFirst) {
  TempDir dir;
  const fs::path data = dir.path() / "data";
  CvmockProcess first(CVMOCK_BINARY, {"--data-dir", data.string()});
  const RunResult second = startOn(data);
  EXPECT_EQ(second.exitCode, 1) << second.out << second.err;
  expectOneMessage(second);
  EXPECT_NE(second.err.find("--data-dir " + data.string() + " is in use by another cvmock"), std::string::npos)
      << second.err;
  EXPECT_NE(second.err.find("(pid " + std::to_string(first.pid()) + ")"), std::string::npos) << second.err;
  EXPECT_NE(second.err.find("Stop the other, or start this one with another --data-dir"), std::string::npos)
      << second.err;
  // The first keeps the directory, and its lock file names it.
  EXPECT_EQ(readWhole(data / "cvmock.lock"), std::to_string(first.pid()) + "\n");
}

TEST(DataDir, TheLockGoesWithTheProcessEvenAKilledOne) {
  TempDir dir;
  {
    CvmockProcess first(CVMOCK_BINARY, {"--data-dir", dir.path().string()});
    first.kill(SIGKILL);
  }
  CvmockProcess second(CVMOCK_BINARY, {"--data-dir", dir.path().string()});
  EXPECT_EQ(readWhole(dir.path() / "cvmock.lock"), std::to_string(second.pid()) + "\n");
}

TEST(DataDir, InMemoryCvmocksTakeNoLock) {
  CvmockProcess first(CVMOCK_BINARY, {});
  CvmockProcess second(CVMOCK_BINARY, {});
  EXPECT_NE(first.endpoint(), second.endpoint());
}

TEST(DataDir, AFileInItsPlaceIsRefused) {
  TempDir dir;
  const fs::path file = dir.path() / "cvmock-data";
  std::ofstream(file) << "not a directory";
  const RunResult result = startOn(file);
  EXPECT_EQ(result.exitCode, 1) << result.err;
  expectOneMessage(result);
  EXPECT_NE(result.err.find("--data-dir " + file.string() + " is a file, not a directory"), std::string::npos)
      << result.err;
}

TEST(DataDir, MissingParentsAreCreated) {
  TempDir dir;
  const fs::path nested = dir.path() / "a" / "b" / "data";
  CvmockProcess cvmock(CVMOCK_BINARY, {"--data-dir", nested.string()});
  EXPECT_TRUE(fs::exists(nested / "cvmock.db"));
  EXPECT_TRUE(fs::exists(nested / "cvmock.lock"));
}

TEST(DataDir, APathThroughAFileIsRefusedAsUncreatable) {
  TempDir dir;
  std::ofstream(dir.path() / "file") << "x";
  const fs::path below = dir.path() / "file" / "data";
  const RunResult result = startOn(below);
  EXPECT_EQ(result.exitCode, 1) << result.err;
  expectOneMessage(result);
  EXPECT_NE(result.err.find("cannot create --data-dir " + below.string() + ": part of the path is a file"),
            std::string::npos)
      << result.err;
}

TEST(DataDir, ADatabaseItCannotOpenIsRefusedNamingTheFlag) {
  TempDir dir;
  std::ofstream(dir.path() / "cvmock.db") << std::string(4096, 'x');  // not an SQLite file
  const RunResult result = startOn(dir.path());
  EXPECT_EQ(result.exitCode, 1) << result.err;
  EXPECT_EQ(std::count(result.err.begin(), result.err.end(), '\n'), 1) << result.err;
  EXPECT_EQ(result.err.rfind("cvmock: --data-dir " + dir.path().string() + " holds a cvmock.db that cannot be opened (",
                             0),
            0u)
      << result.err;
  EXPECT_NE(result.err.find("Give another --data-dir, or move cvmock.db away"), std::string::npos) << result.err;
}

// Run as the user nobody (when the suite runs as root), for whom a directory of mode 555 owned by root is read-only.
TEST(DataDir, AReadOnlyDirectoryIsRefusedWithTheFix) {
  TempDir dir;
  const fs::path readOnly = dir.path() / "read-only";
  fs::create_directory(readOnly);
  fs::permissions(readOnly, fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read |
                                fs::perms::group_exec | fs::perms::others_read | fs::perms::others_exec);
  const RunResult result = startOn(readOnly, true);
  EXPECT_EQ(result.exitCode, 1) << result.err;
  expectOneMessage(result);
  EXPECT_NE(result.err.find("cannot write to --data-dir " + readOnly.string() + ": Permission denied"),
            std::string::npos)
      << result.err;
  EXPECT_NE(result.err.find("Make it writable by this user"), std::string::npos) << result.err;

  const RunResult below = startOn(readOnly / "data", true);
  EXPECT_EQ(below.exitCode, 1) << below.err;
  expectOneMessage(below);
  EXPECT_NE(below.err.find("cannot create --data-dir " + (readOnly / "data").string() + ": Permission denied"),
            std::string::npos)
      << below.err;
}

}  // namespace
}  // namespace cvmock::testing
