// The cassette format: lines round-trip, bodies rebuild byte for byte, and damage is named by file, line, exchange.
#include <fstream>

#include <gtest/gtest.h>

#include "mock_server/recording/body_store.h"
#include "mock_server/recording/cassette.h"
#include "mock_server/recording/cassette_writer.h"
#include "tests/support/temp_dir.h"

namespace cvmock::recording {
namespace {

const std::string kPng = std::string("\x89PNG\r\n\x1a\n", 8) + std::string(300, '\x07');

Exchange sampleExchange(BodyStore& store) {
  Exchange exchange;
  exchange.startedAt = "2024-05-01T12:00:00.000Z";
  exchange.durationMs = 1.5;
  exchange.request.method = "POST";
  exchange.request.target = "//customvision/v3.4-preview/training/projects/p/images?tagIds=a%2Cb";
  exchange.request.headers = {{"Training-Key", {"{key-1}"}},
                              {"Content-Type", {"multipart/form-data; boundary=\"b1\""}}};
  const std::string upload = "--b1\r\nContent-Type: application/octet-stream\r\n\r\n" + kPng + "\r\n--b1--\r\n";
  exchange.request.body = store.encode(upload, "multipart/form-data; boundary=\"b1\"");
  exchange.response.status = 200;
  exchange.response.headers = {{"Content-Type", {"application/json; charset=utf-8"}}};
  exchange.response.body = store.encode("{\r\n  \"isBatchSuccessful\": true\r\n}", "application/json");
  return exchange;
}

std::filesystem::path writeSample(const std::filesystem::path& folder) {
  BodyStore store(folder, folder);
  CassetteWriter writer(folder / "c.jsonl", CassetteHeader{kFormatVersion, "test", "", "", "", Json::object()});
  for (int i = 0; i < 3; ++i) writer.append(sampleExchange(store));
  return folder / "c.jsonl";
}

void replaceLine(const std::filesystem::path& file, std::size_t index, const std::string& text) {
  std::ifstream in(file);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  lines.at(index) = text;
  std::ofstream out(file, std::ios::trunc);
  for (const std::string& line : lines) out << line << "\n";
}

TEST(Cassette, RoundTripsExchangesAndRebuildsBodiesByteForByte) {
  testing::TempDir folder;
  const std::filesystem::path file = writeSample(folder.path());
  const Cassette cassette = readCassette(file);
  ASSERT_EQ(cassette.exchanges.size(), 3u);
  const Exchange& exchange = cassette.exchanges[1];
  EXPECT_EQ(exchange.request.target, "//customvision/v3.4-preview/training/projects/p/images?tagIds=a%2Cb");
  EXPECT_EQ(*exchange.durationMs, 1.5);
  ASSERT_EQ(exchange.request.body.kind, Body::Kind::Multipart);
  ASSERT_EQ(exchange.request.body.parts.size(), 1u);
  EXPECT_EQ(exchange.request.body.parts[0].content.kind, Body::Kind::File);
  EXPECT_EQ(bodyBytes(exchange.request.body, folder.path()),
            "--b1\r\nContent-Type: application/octet-stream\r\n\r\n" + kPng + "\r\n--b1--\r\n");
  EXPECT_EQ(exchange.response.body.kind, Body::Kind::Text);
  EXPECT_EQ(headerValue(exchange.request.headers, "training-key"), "{key-1}");
}

TEST(Cassette, StoresAnImageOnceWhateverEnvelopesItCameIn) {
  testing::TempDir folder;
  writeSample(folder.path());
  BodyStore store(folder.path(), folder.path());
  const Body alone = store.encode(kPng, "application/octet-stream");
  ASSERT_EQ(alone.kind, Body::Kind::File);
  std::size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(folder.path() / "bodies"))
    files += entry.is_regular_file();
  EXPECT_EQ(files, 1u);
  EXPECT_EQ(std::filesystem::path(alone.file).extension(), ".png");
}

TEST(Cassette, AnEnvelopeThatDoesNotRebuildIsStoredWhole) {
  testing::TempDir folder;
  BodyStore store(folder.path(), folder.path());
  const std::string odd = "--b1\r\n\r\nno head\r\n--b1--";  // a part without headers
  const Body body = store.encode(odd, "multipart/form-data; boundary=b1");
  EXPECT_NE(body.kind, Body::Kind::Multipart);
  EXPECT_EQ(bodyBytes(body, folder.path()), odd);
}

TEST(Cassette, TruncatedLineNamesFileLineAndExchange) {
  testing::TempDir folder;
  const std::filesystem::path file = writeSample(folder.path());
  replaceLine(file, 2, "{\"request\": {\"method\": \"GET\"");
  try {
    readCassette(file);
    FAIL() << "a truncated line was read";
  } catch (const RecordingError& error) {
    const std::string message = error.what();
    EXPECT_NE(message.find(file.string() + " line 3 (exchange 2): not JSON"), std::string::npos) << message;
  }
}

TEST(Cassette, HandEditedFieldsAreRefusedWithTheirName) {
  testing::TempDir folder;
  const std::filesystem::path file = writeSample(folder.path());
  const std::vector<std::pair<std::string, std::string>> edits = {
      {R"({"request":{"target":"/x"},"response":{"status":200}})", "request.method is missing"},
      {R"({"request":{"method":"GET","target":"/x"},"response":{"status":999}})", "response.status must be an HTTP"},
      {R"({"request":{"method":"GET","target":"/x","headers":{"A":"b"}},"response":{"status":200}})",
       "request.headers.A must be an array of strings"},
      {R"({"request":{"method":"GET","target":"/x","body":{"file":"bodies/none.bin","bytes":3}},)"
       R"("response":{"status":200}})",
       "request.body.file bodies/none.bin cannot be read"},
  };
  for (const auto& [line, expected] : edits) {
    replaceLine(file, 1, line);
    try {
      readCassette(file);
      ADD_FAILURE() << "accepted " << line;
    } catch (const RecordingError& error) {
      EXPECT_NE(std::string(error.what()).find("line 2 (exchange 1): " + expected), std::string::npos) << error.what();
    }
  }
}

TEST(Cassette, HeaderLineMustCarryThisFormatVersion) {
  testing::TempDir folder;
  const std::filesystem::path file = writeSample(folder.path());
  replaceLine(file, 0, R"({"cvmockRecording": 2})");
  EXPECT_THROW(readCassette(file), RecordingError);
}

TEST(Cassette, WriterNeverOverwritesARecording) {
  testing::TempDir folder;
  writeSample(folder.path());
  EXPECT_THROW(CassetteWriter(folder.path() / "c.jsonl", CassetteHeader{}), std::runtime_error);
  EXPECT_EQ(readCassette(folder.path() / "c.jsonl").exchanges.size(), 3u);
}

TEST(Cassette, ACassetteWithoutExchangesIsNotKept) {
  testing::TempDir folder;
  { CassetteWriter writer(folder.path() / "empty.jsonl", CassetteHeader{}); }
  EXPECT_FALSE(std::filesystem::exists(folder.path() / "empty.jsonl"));
}

}  // namespace
}  // namespace cvmock::recording
