// A SIGTERM against the real executable: cvmock stops at once though a client keeps an idle keep-alive
// connection open (cpp-httplib alone waits out its 5 s keep-alive timeout), and a request under way is answered
// before it exits.
#include <gtest/gtest.h>

#include <chrono>
#include <csignal>
#include <string>
#include <thread>

#include <sys/wait.h>

#include "tests/support/cvmock_process.h"
#include "tests/support/raw_http.h"

namespace cvmock::testing {
namespace {

using Clock = std::chrono::steady_clock;

constexpr char kListProjects[] =
    "GET /customvision/v3.3/training/projects HTTP/1.1\r\nHost: localhost\r\nTraining-Key: cvmock-training-key\r\n\r\n";

// Sends `request` and reads its whole answer (headers and Content-Length bytes of body); the connection stays
// open, as an SDK's keep-alive pool keeps it.
std::string exchange(int sock, const std::string& request) {
  send(sock, request.data(), request.size(), 0);
  std::string answer;
  receiveUntil(sock, answer, [](const std::string& text) {
    const std::size_t end = text.find("\r\n\r\n");
    if (end == std::string::npos) return false;
    const std::size_t at = text.find("Content-Length: ");
    const std::size_t length = at == std::string::npos ? 0 : std::stoul(text.substr(at + 16));
    return text.size() >= end + 4 + length;
  });
  return answer;
}

// True when the peer closed the connection: a read gives end of file (not a timeout, which gives -1).
bool closedByPeer(int sock) {
  char byte = 0;
  return recv(sock, &byte, 1, 0) == 0;
}

// cpp-httplib's keep-alive timeout is 5 s; a stop that waited it out would take that long.
constexpr auto kWellUnderKeepAlive = std::chrono::seconds(3);

TEST(Shutdown, SigtermEndsCvmockAtOnceWithAnIdleKeepAliveConnectionOpen) {
  CvmockProcess cvmock(CVMOCK_BINARY, {});
  const int idle = connectLoopback(cvmock.port());
  ASSERT_GE(idle, 0);
  ASSERT_EQ(exchange(idle, kListProjects).rfind("HTTP/1.1 200", 0), 0u);

  const Clock::time_point sent = Clock::now();
  const int status = cvmock.kill(SIGTERM);
  const Clock::duration took = Clock::now() - sent;
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << status;
  EXPECT_LT(took, kWellUnderKeepAlive) << std::chrono::duration<double>(took).count() << " s";
  EXPECT_TRUE(closedByPeer(idle));
  close(idle);
}

TEST(Shutdown, ARequestUnderWayAtSigtermIsAnsweredBeforeCvmockExits) {
  CvmockProcess cvmock(CVMOCK_BINARY, {});
  const int idle = connectLoopback(cvmock.port());
  const int busy = connectLoopback(cvmock.port());
  ASSERT_GE(idle, 0);
  ASSERT_GE(busy, 0);
  ASSERT_EQ(exchange(idle, kListProjects).rfind("HTTP/1.1 200", 0), 0u);
  // A request whose body has not come yet: the 100 Continue says cvmock has read its headers.
  const std::string head =
      "POST /customvision/v3.3/training/projects?name=graceful HTTP/1.1\r\nHost: localhost\r\n"
      "Training-Key: cvmock-training-key\r\nContent-Type: application/json\r\nContent-Length: 2\r\n"
      "Expect: 100-continue\r\n\r\n";
  ASSERT_EQ(exchange(busy, head).rfind("HTTP/1.1 100", 0), 0u);

  cvmock.send(SIGTERM);
  EXPECT_TRUE(closedByPeer(idle)) << "the idle connection is closed at once";
  EXPECT_TRUE(cvmock.running()) << "cvmock must wait for the request under way";
  const std::string answer = exchange(busy, "{}");
  EXPECT_EQ(answer.rfind("HTTP/1.1 200", 0), 0u) << answer;
  EXPECT_NE(answer.find("\"name\":\"graceful\""), std::string::npos) << answer;
  const int status = cvmock.wait();
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << status;
  close(idle);
  close(busy);
}

}  // namespace
}  // namespace cvmock::testing
