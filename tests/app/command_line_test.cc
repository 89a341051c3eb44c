// The executable's own command line: --help lists every subcommand, and `cvmock healthcheck` reaches a cvmock
// serving HTTPS (--cert/--key, a self-signed certificate made by openssl for this run) through --ca-file,
// $CVMOCK_CA_FILE or --insecure, and refuses it untrusted.
#include <gtest/gtest.h>

#include <cstdlib>
#include <regex>

#include "tests/app/run_cvmock.h"
#include "tests/support/cvmock_process.h"

namespace cvmock::testing {
namespace {

TEST(CommandLine, HelpListsEachSubcommandOnOneLine) {
  const RunResult help = runCvmock({"--help"});
  ASSERT_EQ(help.exitCode, 0) << help.err;
  for (const char* subcommand : {"healthcheck", "record", "verify", "convert-recordings"}) {
    // "  NAME ARGS...   what it does", on one line of the subcommands' list.
    const std::regex line("\n  " + std::string(subcommand) + "( [^\n]*)?  +[a-z][^\n]+\n");
    EXPECT_TRUE(std::regex_search(help.out, line)) << subcommand << " is not listed in:\n" << help.out;
  }
}

// A certificate for 127.0.0.1 (the address, in its subjectAltName) valid for a day, and its key.
struct Certificate {
  TempDir dir;
  std::string cert = (dir.path() / "cert.pem").string();
  std::string key = (dir.path() / "key.pem").string();
  Certificate() {
    const std::string command = shellQuoted(OPENSSL_BINARY) +
                                " req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=127.0.0.1 "
                                "-addext subjectAltName=IP:127.0.0.1 -keyout " +
                                shellQuoted(key) + " -out " + shellQuoted(cert) + " 2>/dev/null";
    if (std::system(command.c_str()) != 0) throw std::runtime_error("openssl could not make a certificate");
  }
};

class HealthcheckOverHttps : public ::testing::Test {
 protected:
  Certificate certificate;
  CvmockProcess cvmock{CVMOCK_BINARY, {"--cert", certificate.cert, "--key", certificate.key}};

  RunResult healthcheck(std::vector<std::string> args, const std::vector<std::string>& environment = {}) {
    args.insert(args.begin(), {"healthcheck", "--endpoint", cvmock.endpoint(), "--timeout", "5"});
    return runCvmock(args, environment);
  }
};

TEST_F(HealthcheckOverHttps, TheServerSpeaksHttps) { ASSERT_EQ(cvmock.endpoint().rfind("https://", 0), 0u); }

TEST_F(HealthcheckOverHttps, ACaFileMakesTheCertificateTrusted) {
  const RunResult result = healthcheck({"--ca-file", certificate.cert});
  EXPECT_EQ(result.exitCode, 0) << result.err;
}

TEST_F(HealthcheckOverHttps, TheCaFileMayComeFromTheEnvironment) {
  const RunResult result = healthcheck({}, {"CVMOCK_CA_FILE=" + certificate.cert});
  EXPECT_EQ(result.exitCode, 0) << result.err;
}

TEST_F(HealthcheckOverHttps, AnUntrustedCertificateFailsAndSaysWhatToPass) {
  const RunResult result = healthcheck({});
  EXPECT_EQ(result.exitCode, 1) << result.err;
  EXPECT_NE(result.err.find("not trusted: pass --ca-file FILE, or --insecure"), std::string::npos) << result.err;
}

TEST_F(HealthcheckOverHttps, InsecureSkipsTheCheck) {
  const RunResult result = healthcheck({"--insecure"});
  EXPECT_EQ(result.exitCode, 0) << result.err;
}

TEST_F(HealthcheckOverHttps, PlainHttpToItFailsWithAHint) {
  std::string endpoint = cvmock.endpoint();
  endpoint.replace(0, 5, "http");  // https:// -> http://
  const RunResult result = runCvmock({"healthcheck", "--endpoint", endpoint, "--timeout", "5"});
  EXPECT_EQ(result.exitCode, 1) << result.err;
  EXPECT_NE(result.err.find("use an https:// endpoint"), std::string::npos) << result.err;
}

TEST(Healthcheck, AnUnreadableCaFileOrAnUnknownSchemeIsABadCommandLine) {
  const RunResult missing = runCvmock({"healthcheck", "--ca-file", "/nonexistent/ca.pem"});
  EXPECT_EQ(missing.exitCode, 2) << missing.err;
  EXPECT_NE(missing.err.find("cannot read --ca-file /nonexistent/ca.pem"), std::string::npos) << missing.err;
  const RunResult scheme = runCvmock({"healthcheck", "--endpoint", "ftp://127.0.0.1:1"});
  EXPECT_EQ(scheme.exitCode, 2) << scheme.err;
  EXPECT_NE(scheme.err.find("--endpoint must start with http:// or https://"), std::string::npos) << scheme.err;
}

}  // namespace
}  // namespace cvmock::testing
