// Header fields over the gateway's limits: 32 KiB in all, or one line over cpp-httplib's 8,192 bytes, are 431 with
// the gateway's JSON body, whether the request asks first (Expect: 100-continue) or not; below the limits, served.
#include <gtest/gtest.h>

#include <sys/socket.h>
#include <unistd.h>

#include "tests/support/http_session.h"
#include "tests/support/raw_http.h"
#include "tests/support/test_server.h"

namespace cvmock::testing {
namespace {

constexpr const char* kProjectsPath = "/customvision/v3.3/training/projects";

// GET /projects with the training key and `extra` header fields.
Reply getProjects(const TestServer& server, const httplib::Headers& extra) {
  httplib::Headers headers = extra;
  headers.emplace("Training-Key", "cvmock-training-key");
  httplib::Client client(server.endpoint());
  httplib::Result result = client.Get(kProjectsPath, headers);
  if (!result) throw std::runtime_error("no answer: " + httplib::to_string(result.error()));
  return {result->status, result->body, result->headers};
}

// `count` header fields of `bytes` each on the wire ("X-Filler-N: aaa...\r\n").
httplib::Headers filler(int count, std::size_t bytes) {
  httplib::Headers headers;
  for (int i = 0; i < count; ++i) {
    const std::string name = "X-Filler-" + std::to_string(i);
    headers.emplace(name, std::string(bytes - name.size() - 4, 'a'));
  }
  return headers;
}

void expectHeadersRefused(const Reply& reply) {
  EXPECT_EQ(reply.status, 431) << reply.body;
  EXPECT_EQ(reply.code(), "431") << reply.body;
  EXPECT_NE(reply.json()["error"]["message"].get<std::string>().find("32,768"), std::string::npos) << reply.body;
}

TEST(ApiHeaderLimits, ManyLinesOver32KiBInAllAre431) {
  TestServer server;
  expectHeadersRefused(getProjects(server, filler(5, 8000)));  // 40,000 bytes, each line within cpp-httplib's 8,192
}

TEST(ApiHeaderLimits, OneLineOf40KiBIs431NotABadRequest) {
  TestServer server;
  expectHeadersRefused(getProjects(server, {{"X-Big", std::string(40 * 1024, 'a')}}));
}

TEST(ApiHeaderLimits, HeadersJustUnderTheLimitAreServed) {
  TestServer server;
  const Reply reply = getProjects(server, filler(4, 8000));  // 32,000 bytes with the key and Host
  EXPECT_EQ(reply.status, 200) << reply.body;
}

// Raw, since httplib's client never asks first: the probe's refusal comes before any body, framed by its
// Content-Length so that the client can read it whole without waiting for the connection to close.
TEST(ApiHeaderLimits, AProbeWithOversizedHeadersIsRefusedWithAFramedAnswer) {
  TestServer server;
  const int sock = connectLoopback(server.port());
  ASSERT_GE(sock, 0);
  std::string request = std::string("POST ") + kProjectsPath +
                        "?name=p HTTP/1.1\r\nHost: 127.0.0.1\r\nTraining-Key: cvmock-training-key\r\n"
                        "Content-Type: application/json\r\nContent-Length: 2\r\nExpect: 100-continue\r\n";
  for (const auto& [name, value] : filler(5, 8000)) request += name + ": " + value + "\r\n";
  request += "\r\n";
  ASSERT_EQ(send(sock, request.data(), request.size(), 0), static_cast<ssize_t>(request.size()));
  std::string answer;
  receiveUntil(sock, answer, [](const std::string& text) { return text.find("\r\n\r\n") != std::string::npos; });
  const std::size_t headEnd = answer.find("\r\n\r\n");
  ASSERT_NE(headEnd, std::string::npos) << answer;
  const std::size_t lengthAt = answer.find("Content-Length: ");
  ASSERT_LT(lengthAt, headEnd) << "the refusal must say how long its body is: " << answer;
  const std::size_t length = std::stoul(answer.substr(lengthAt + 16));
  receiveUntil(sock, answer, [&](const std::string& text) { return text.size() >= headEnd + 4 + length; });
  close(sock);
  EXPECT_TRUE(answer.starts_with("HTTP/1.1 431")) << answer;
  Reply body{431, answer.substr(headEnd + 4, length), {}};
  expectHeadersRefused(body);
}

}  // namespace
}  // namespace cvmock::testing
