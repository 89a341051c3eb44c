// The recording format (docs/RECORDING_FORMAT.md): a cassette is one JSON Lines file, a header line then one
// line per exchange, whose large or binary bodies live beside it in files named by their SHA-256.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace cvmock::recording {

using Json = nlohmann::ordered_json;

inline constexpr int kFormatVersion = 1;

// A recording that cannot be read: the message names the file, the line and the exchange.
class RecordingError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Header name -> values, in the order they were recorded; names keep their recorded spelling.
using HeaderList = std::vector<std::pair<std::string, std::vector<std::string>>>;

// The first value of `name` (any case), or nullopt.
std::optional<std::string> headerValue(const HeaderList& headers, const std::string& name);
void setHeader(HeaderList& headers, const std::string& name, std::vector<std::string> values);

struct BodyPart;

// A body as recorded: none, UTF-8 text kept verbatim, bytes in a file beside the cassette, or a
// multipart/form-data envelope whose parts are text or files (so an image uploaded twice is stored once).
struct Body {
  enum class Kind { None, Text, File, Multipart };
  Kind kind = Kind::None;
  std::string text;        // Text
  std::string file;        // File: path relative to the cassette's folder
  std::uint64_t size = 0;  // File: its length in bytes
  // Multipart: preamble, then "--boundary\r\n" + head + "\r\n\r\n" + content + "\r\n" per part,
  // then "--boundary--" + epilogue.
  std::string boundary;
  std::string preamble;
  std::string epilogue;
  std::vector<BodyPart> parts;
};

struct BodyPart {
  std::string head;  // the part's header lines, joined by "\r\n"
  Body content;      // Text or File
};

struct RecordedRequest {
  std::string method;
  std::string target;  // path and query exactly as the client sent them
  HeaderList headers;
  Body body;
};

struct RecordedResponse {
  int status = 0;
  HeaderList headers;
  Body body;
};

struct Exchange {
  std::string startedAt;             // ISO 8601 UTC; "" when the source did not say
  std::optional<double> durationMs;  // upstream round trip
  RecordedRequest request;
  RecordedResponse response;
  std::string proxyError;  // non-empty: the upstream gave no answer and the proxy wrote the 502 itself
  // The images behind the URLs the request named, fetched by the recorder (File bodies), by URL.
  std::vector<std::pair<std::string, Body>> urlImages;
  Json extra = Json::object();  // fields of a converted source that have no place above, kept verbatim
};

struct CassetteHeader {
  int version = kFormatVersion;
  std::string source;      // "cvmock record", or the converted format's name
  std::string origin;      // the converted file, relative to the converted folder; "" for a proxy recording
  std::string upstream;    // scheme://{upstream}[:port] for a proxy recording
  std::string recordedAt;  // ISO 8601 UTC
  Json extra = Json::object();
};

struct Cassette {
  std::filesystem::path file;
  CassetteHeader header;
  std::vector<Exchange> exchanges;
};

// One line of the file (no trailing newline).
std::string headerLine(const CassetteHeader& header);
std::string exchangeLine(const Exchange& exchange);

// Reads and checks a whole cassette. Throws RecordingError naming the file, line and exchange for a line
// that is not JSON (a truncated file), a field missing or of the wrong type, or a body file that is missing,
// of another size or of another SHA-256 than its name says.
Cassette readCassette(const std::filesystem::path& file);

// The bytes a body stands for, reassembled from its files (relative to `folder`). Throws RecordingError.
std::string bodyBytes(const Body& body, const std::filesystem::path& folder);

// Every cassette (*.jsonl) under `path`, sorted; `path` itself when it is a cassette file.
std::vector<std::filesystem::path> findCassettes(const std::filesystem::path& path);

}  // namespace cvmock::recording
