// Cassette lines to and from JSON, with errors that say where a hand-edited or truncated file went wrong.
#include "mock_server/recording/cassette.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>

#include "mock_server/recording/ascii.h"
#include "mock_server/recording/sha256.h"

namespace cvmock::recording {
namespace {

// --- writing ----------------------------------------------------------------------------------------------

Json headersJson(const HeaderList& headers) {
  Json out = Json::object();
  for (const auto& [name, values] : headers) out[name] = values;
  return out;
}

Json contentJson(const Body& body) {
  if (body.kind == Body::Kind::Text) return Json{{"text", body.text}};
  return Json{{"file", body.file}, {"bytes", body.size}};
}

Json bodyJson(const Body& body) {
  if (body.kind != Body::Kind::Multipart) return contentJson(body);
  Json parts = Json::array();
  for (const BodyPart& part : body.parts) {
    Json entry = {{"head", part.head}};
    entry.update(contentJson(part.content));
    parts.push_back(std::move(entry));
  }
  Json multipart = {{"boundary", body.boundary}};
  if (!body.preamble.empty()) multipart["preamble"] = body.preamble;
  multipart["parts"] = std::move(parts);
  multipart["epilogue"] = body.epilogue;
  return Json{{"multipart", std::move(multipart)}};
}

void putMessage(Json& out, const HeaderList& headers, const Body& body) {
  out["headers"] = headersJson(headers);
  if (body.kind != Body::Kind::None) out["body"] = bodyJson(body);
}

// --- reading ----------------------------------------------------------------------------------------------

// Where a line is in its file, for error messages.
struct Place {
  const std::filesystem::path& file;
  std::size_t line;
  std::string what;  // "the header" or "exchange N"

  [[noreturn]] void fail(const std::string& message) const {
    throw RecordingError(file.string() + " line " + std::to_string(line) + " (" + what + "): " + message);
  }
};

enum class Kind { String, Number, Object, Array };

bool isKind(const Json& value, Kind kind) {
  switch (kind) {
    case Kind::String:
      return value.is_string();
    case Kind::Number:
      return value.is_number();
    case Kind::Object:
      return value.is_object();
    case Kind::Array:
      return value.is_array();
  }
  return false;
}

const char* kindName(Kind kind) {
  switch (kind) {
    case Kind::String:
      return "a string";
    case Kind::Number:
      return "a number";
    case Kind::Object:
      return "an object";
    case Kind::Array:
      return "an array";
  }
  return "";
}

// object[name], which must be there and of `kind`; `where` prefixes the name in the message ("request.").
const Json& field(const Json& object, const char* name, Kind kind, const Place& place, const std::string& where) {
  auto found = object.find(name);
  if (found == object.end()) place.fail(where + name + " is missing");
  if (!isKind(*found, kind)) place.fail(where + name + " must be " + kindName(kind) + ", not " + found->dump());
  return *found;
}

std::string optionalString(const Json& object, const char* name, const Place& place, const std::string& where) {
  if (!object.contains(name)) return "";
  return field(object, name, Kind::String, place, where).get<std::string>();
}

HeaderList readHeaders(const Json& object, const Place& place, const std::string& where) {
  HeaderList headers;
  if (!object.contains("headers")) return headers;
  for (const auto& [name, values] : field(object, "headers", Kind::Object, place, where).items()) {
    if (!values.is_array() || !std::all_of(values.begin(), values.end(), [](const Json& v) { return v.is_string(); })) {
      place.fail(where + "headers." + name + " must be an array of strings");
    }
    headers.emplace_back(name, values.get<std::vector<std::string>>());
  }
  return headers;
}

// A body file must exist, have the recorded length and hash to the name it carries.
void checkBodyFile(const Body& body, const Place& place, const std::string& where) {
  const std::filesystem::path path = place.file.parent_path() / body.file;
  std::error_code error;
  const std::uintmax_t size = std::filesystem::file_size(path, error);
  if (error) place.fail(where + "file " + body.file + " cannot be read: " + error.message());
  if (size != body.size) {
    place.fail(where + "file " + body.file + " holds " + std::to_string(size) + " bytes, the recording says " +
               std::to_string(body.size));
  }
  std::ifstream in(path, std::ios::binary);
  Sha256 digest;
  std::string chunk(1 << 16, '\0');
  while (in.read(chunk.data(), static_cast<std::streamsize>(chunk.size())) || in.gcount() > 0) {
    digest.update(std::string_view(chunk.data(), static_cast<std::size_t>(in.gcount())));
  }
  const std::string stem = path.stem().string();
  if (digest.hex() != stem) place.fail(where + "file " + body.file + " does not hash to its name (edited?)");
}

Body readContent(const Json& object, const Place& place, const std::string& where) {
  Body body;
  if (object.contains("text")) {
    body.kind = Body::Kind::Text;
    body.text = field(object, "text", Kind::String, place, where).get<std::string>();
    return body;
  }
  if (!object.contains("file")) place.fail(where + "needs text, file or multipart");
  body.kind = Body::Kind::File;
  body.file = field(object, "file", Kind::String, place, where).get<std::string>();
  const Json& size = field(object, "bytes", Kind::Number, place, where);
  if (!size.is_number_unsigned()) place.fail(where + "bytes must be a count of bytes");
  body.size = size.get<std::uint64_t>();
  checkBodyFile(body, place, where);
  return body;
}

Body readBody(const Json& message, const Place& place, const std::string& where) {
  if (!message.contains("body")) return {};
  const Json& body = field(message, "body", Kind::Object, place, where);
  if (!body.contains("multipart")) return readContent(body, place, where + "body.");
  const std::string at = where + "body.multipart.";
  const Json& multipart = field(body, "multipart", Kind::Object, place, where + "body.");
  Body out;
  out.kind = Body::Kind::Multipart;
  out.boundary = field(multipart, "boundary", Kind::String, place, at).get<std::string>();
  out.preamble = optionalString(multipart, "preamble", place, at);
  out.epilogue = optionalString(multipart, "epilogue", place, at);
  const Json& parts = field(multipart, "parts", Kind::Array, place, at);
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const std::string partAt = at + "parts[" + std::to_string(i) + "].";
    if (!parts[i].is_object()) place.fail(partAt + " must be an object");
    BodyPart part;
    part.head = field(parts[i], "head", Kind::String, place, partAt).get<std::string>();
    part.content = readContent(parts[i], place, partAt);
    out.parts.push_back(std::move(part));
  }
  return out;
}

Json parseLine(const std::string& text, const Place& place) {
  Json line;
  try {
    line = Json::parse(text);
  } catch (const Json::parse_error& error) {
    place.fail(std::string("not JSON (truncated or hand-edited?): ") + error.what());
  }
  if (!line.is_object()) place.fail("must be a JSON object");
  return line;
}

CassetteHeader readHeader(const Json& line, const Place& place) {
  CassetteHeader header;
  const Json& version = field(line, "cvmockRecording", Kind::Number, place, "");
  if (version != kFormatVersion) {
    place.fail("format version " + version.dump() + " is not " + std::to_string(kFormatVersion) +
               ", the one this cvmock reads");
  }
  header.source = optionalString(line, "source", place, "");
  header.origin = optionalString(line, "origin", place, "");
  header.upstream = optionalString(line, "upstream", place, "");
  header.recordedAt = optionalString(line, "recordedAt", place, "");
  if (line.contains("extra")) header.extra = field(line, "extra", Kind::Object, place, "");
  return header;
}

Exchange readExchange(const Json& line, const Place& place) {
  Exchange exchange;
  exchange.startedAt = optionalString(line, "startedAt", place, "");
  if (line.contains("durationMs")) {
    exchange.durationMs = field(line, "durationMs", Kind::Number, place, "").get<double>();
  }
  const Json& request = field(line, "request", Kind::Object, place, "");
  exchange.request.method = field(request, "method", Kind::String, place, "request.").get<std::string>();
  exchange.request.target = field(request, "target", Kind::String, place, "request.").get<std::string>();
  if (exchange.request.method.empty()) place.fail("request.method is empty");
  exchange.request.headers = readHeaders(request, place, "request.");
  exchange.request.body = readBody(request, place, "request.");
  const Json& response = field(line, "response", Kind::Object, place, "");
  const Json& status = field(response, "status", Kind::Number, place, "response.");
  if (!status.is_number_integer() || status.get<int>() < 100 || status.get<int>() > 599) {
    place.fail("response.status must be an HTTP status (100-599), not " + status.dump());
  }
  exchange.response.status = status.get<int>();
  exchange.response.headers = readHeaders(response, place, "response.");
  exchange.response.body = readBody(response, place, "response.");
  exchange.proxyError = optionalString(line, "proxyError", place, "");
  if (line.contains("urlImages")) {
    for (const auto& [url, image] : field(line, "urlImages", Kind::Object, place, "").items()) {
      const std::string at = "urlImages[" + Json(url).dump() + "]";
      if (!image.is_object()) place.fail(at + " must be an object");
      exchange.urlImages.emplace_back(url, readContent(image, place, at + "."));
    }
  }
  if (line.contains("extra")) exchange.extra = field(line, "extra", Kind::Object, place, "");
  return exchange;
}

void appendContent(std::string& out, const Body& body, const std::filesystem::path& folder) {
  if (body.kind == Body::Kind::Text) {
    out += body.text;
    return;
  }
  std::ifstream in(folder / body.file, std::ios::binary);
  if (!in) throw RecordingError("cannot read body file " + (folder / body.file).string());
  std::ostringstream bytes;
  bytes << in.rdbuf();
  out += bytes.str();
}

}  // namespace

std::optional<std::string> headerValue(const HeaderList& headers, const std::string& name) {
  for (const auto& [key, values] : headers) {
    if (equalsAsciiIgnoreCase(key, name) && !values.empty()) return values.front();
  }
  return std::nullopt;
}

void setHeader(HeaderList& headers, const std::string& name, std::vector<std::string> values) {
  for (auto& [key, existing] : headers) {
    if (equalsAsciiIgnoreCase(key, name)) {
      existing = std::move(values);
      return;
    }
  }
  headers.emplace_back(name, std::move(values));
}

std::string headerLine(const CassetteHeader& header) {
  Json line = {{"cvmockRecording", header.version}, {"source", header.source}};
  if (!header.origin.empty()) line["origin"] = header.origin;
  if (!header.upstream.empty()) line["upstream"] = header.upstream;
  if (!header.recordedAt.empty()) line["recordedAt"] = header.recordedAt;
  if (!header.extra.empty()) line["extra"] = header.extra;
  return line.dump();
}

std::string exchangeLine(const Exchange& exchange) {
  Json line = Json::object();
  if (!exchange.startedAt.empty()) line["startedAt"] = exchange.startedAt;
  if (exchange.durationMs) line["durationMs"] = *exchange.durationMs;
  Json request = {{"method", exchange.request.method}, {"target", exchange.request.target}};
  putMessage(request, exchange.request.headers, exchange.request.body);
  Json response = {{"status", exchange.response.status}};
  putMessage(response, exchange.response.headers, exchange.response.body);
  line["request"] = std::move(request);
  line["response"] = std::move(response);
  if (!exchange.proxyError.empty()) line["proxyError"] = exchange.proxyError;
  if (!exchange.urlImages.empty()) {
    Json images = Json::object();
    for (const auto& [url, body] : exchange.urlImages) images[url] = contentJson(body);
    line["urlImages"] = std::move(images);
  }
  if (!exchange.extra.empty()) line["extra"] = exchange.extra;
  return line.dump(-1, ' ', false, Json::error_handler_t::strict);
}

Cassette readCassette(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw RecordingError(file.string() + ": cannot open the recording");
  Cassette cassette;
  cassette.file = file;
  std::string text;
  std::size_t lineNumber = 0;
  bool sawHeader = false;
  while (std::getline(in, text)) {
    ++lineNumber;
    if (text.empty()) continue;
    const std::string what = sawHeader ? "exchange " + std::to_string(cassette.exchanges.size() + 1) : "the header";
    const Place place{file, lineNumber, what};
    const Json line = parseLine(text, place);
    if (!sawHeader) {
      cassette.header = readHeader(line, place);
      sawHeader = true;
    } else {
      cassette.exchanges.push_back(readExchange(line, place));
    }
  }
  if (!sawHeader) throw RecordingError(file.string() + ": empty, not a cvmock recording (no header line)");
  return cassette;
}

std::string bodyBytes(const Body& body, const std::filesystem::path& folder) {
  std::string out;
  if (body.kind != Body::Kind::Multipart) {
    if (body.kind != Body::Kind::None) appendContent(out, body, folder);
    return out;
  }
  out += body.preamble;
  for (const BodyPart& part : body.parts) {
    out += "--" + body.boundary + "\r\n" + part.head + "\r\n\r\n";
    appendContent(out, part.content, folder);
    out += "\r\n";
  }
  out += "--" + body.boundary + "--" + body.epilogue;
  return out;
}

std::vector<std::filesystem::path> findCassettes(const std::filesystem::path& path) {
  if (std::filesystem::is_regular_file(path)) return {path};
  std::vector<std::filesystem::path> found;
  if (!std::filesystem::is_directory(path)) return found;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(path)) {
    if (entry.is_regular_file() && entry.path().extension() == ".jsonl") found.push_back(entry.path());
  }
  std::sort(found.begin(), found.end());
  return found;
}

}  // namespace cvmock::recording
