// HTTPS against `cvmock --cert --key` with a certificate made for this run by openssl: trusted through a CA file or
// the system store (OpenSSL's default paths, here pointed at the certificate with SSL_CERT_FILE), refused when
// untrusted, accepted unchecked only when asked; and the same through cvctl's --ca-file and --insecure.
#include <gtest/gtest.h>

#include <cstdlib>

#include "client/errors.h"
#include "tests/client/cvctl_runner.h"
#include "tests/client/cvmock_server.h"
#include "tests/support/temp_dir.h"

namespace cvmock::client {
namespace {

using testing::CvmockServer;

// A self-signed certificate for the address 127.0.0.1 only (not the name localhost), valid for a day, and its key.
struct Certificate {
  cvmock::testing::TempDir dir;
  std::string cert = (dir.path() / "cert.pem").string();
  std::string key = (dir.path() / "key.pem").string();
  Certificate() {
    const std::string command = "openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=127.0.0.1 "
                                "-addext subjectAltName=IP:127.0.0.1 -keyout " + key + " -out " +
                                cert + " 2>/dev/null";
    if (std::system(command.c_str()) != 0) throw std::runtime_error("openssl could not make a certificate");
  }
};

class TlsTest : public ::testing::Test {
 protected:
  Certificate certificate;
  CvmockServer cvmock{{"--cert", certificate.cert, "--key", certificate.key}};
};

TEST_F(TlsTest, TheServerSpeaksHttps) { EXPECT_EQ(cvmock.endpoint().rfind("https://", 0), 0u); }

TEST_F(TlsTest, ACaFileMakesTheCertificateTrusted) {
  TrainingClient training = cvmock.training({.tls = {.caFile = certificate.cert}});
  EXPECT_FALSE(training.getDomains().empty());
}

TEST_F(TlsTest, AnUntrustedCertificateIsRefusedAndNotRetried) {
  int attempts = 0;
  RetryPolicy counting{.sleep = [&](std::chrono::milliseconds) { ++attempts; }};
  TrainingClient training = cvmock.training({.retry = counting});
  try {
    training.getDomains();
    FAIL() << "a self-signed certificate must not be trusted by default";
  } catch (const ConnectionError& error) {
    EXPECT_EQ(error.kind(), ConnectionFailure::Tls) << error.what();
  }
  EXPECT_EQ(attempts, 0);
}

TEST_F(TlsTest, TheSystemStoreIsUsedWithoutACaFile) {
  ::setenv("SSL_CERT_FILE", certificate.cert.c_str(), 1);
  TrainingClient training = cvmock.training();
  EXPECT_NO_THROW(training.getDomains());
  ::unsetenv("SSL_CERT_FILE");
}

TEST_F(TlsTest, VerificationCanBeTurnedOffExplicitly) {
  TrainingClient training = cvmock.training({.tls = {.verifyPeer = false}});
  EXPECT_FALSE(training.getDomains().empty());
}

TEST_F(TlsTest, TheCertificateMustNameTheHost) {
  const std::string byName = "https://localhost:" + cvmock.endpoint().substr(cvmock.endpoint().rfind(':') + 1);
  TrainingClient training(byName, testing::kTrainingKey,
                          {.retry = RetryPolicy::none(), .tls = {.caFile = certificate.cert}});
  try {
    training.getDomains();
    FAIL() << "a certificate for 127.0.0.1 must not pass for localhost";
  } catch (const ConnectionError& error) {
    EXPECT_EQ(error.kind(), ConnectionFailure::Tls) << error.what();
  }
}

TEST_F(TlsTest, CvctlTrustsTheCaFileOrInsecureOnly) {
  const std::vector<std::string> base = {"--endpoint", cvmock.endpoint(), "domains"};
  const testing::CvctlResult untrusted = testing::runCvctl(base);
  EXPECT_EQ(untrusted.exitCode, 1);
  EXPECT_NE(untrusted.err.find("--ca-file"), std::string::npos) << untrusted.err;

  std::vector<std::string> withCa = {"--ca-file", certificate.cert};
  withCa.insert(withCa.end(), base.begin(), base.end());
  const testing::CvctlResult trusted = testing::runCvctl(withCa);
  EXPECT_EQ(trusted.exitCode, 0) << trusted.err;
  EXPECT_NE(trusted.out.find("General"), std::string::npos);

  std::vector<std::string> insecure = {"--insecure"};
  insecure.insert(insecure.end(), base.begin(), base.end());
  EXPECT_EQ(testing::runCvctl(insecure).exitCode, 0);
}

}  // namespace
}  // namespace cvmock::client
