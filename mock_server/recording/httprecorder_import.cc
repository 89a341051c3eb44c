// HttpRecorder → cassette, field by field.
#include "mock_server/recording/httprecorder_import.h"

#include <fstream>
#include <sstream>

#include "mock_server/recording/ascii.h"
#include "mock_server/recording/base64_text.h"

namespace cvmock::recording {
namespace {

struct EntryPlace {
  const std::filesystem::path& file;
  std::size_t entry;  // 1-based; 0 for the file itself

  [[noreturn]] void fail(const std::string& message) const {
    const std::string where = entry == 0 ? "" : " (entry " + std::to_string(entry) + ")";
    throw RecordingError(file.string() + where + ": " + message);
  }
};

bool recordedAsBase64(const std::string& contentType) {
  const std::string type = lowerAscii(contentType);
  return type.rfind("image/", 0) == 0 || type.rfind("application/octet-stream", 0) == 0 ||
         type.rfind("multipart/", 0) == 0;
}

bool plainHeaders(const Json& headers) {
  if (!headers.is_object()) return false;
  for (const auto& [name, values] : headers.items()) {
    if (!values.is_array()) return false;
    for (const Json& value : values) {
      if (!value.is_string()) return false;
    }
  }
  return true;
}

// Header values are arrays of strings; anything else is kept whole in `extra`.
HeaderList takeHeaders(Json& entry, const char* name, Json& extra) {
  HeaderList headers;
  auto found = entry.find(name);
  if (found == entry.end()) return headers;
  if (!plainHeaders(*found)) {
    extra[name] = std::move(*found);
  } else {
    for (const auto& [header, values] : found->items()) {
      headers.emplace_back(header, values.get<std::vector<std::string>>());
    }
  }
  entry.erase(found);
  return headers;
}

// A body: "" is none; base64 for byte media types, verbatim text otherwise. Kept in `extra` when not a string,
// or when base64 was expected and the text is not base64.
Body takeBody(Json& entry, const char* name, const HeaderList& headers, BodyStore& store, Json& extra) {
  auto found = entry.find(name);
  if (found == entry.end()) {
    extra[std::string(name) + "Absent"] = true;
    return {};
  }
  Body body;
  const std::string contentType = headerValue(headers, "Content-Type").value_or("");
  if (!found->is_string()) {
    extra[name] = std::move(*found);
  } else if (!recordedAsBase64(contentType)) {
    body = store.encode(found->get<std::string>(), contentType);
  } else if (std::optional<std::string> bytes = decodeBase64Text(found->get<std::string>())) {
    body = store.encode(*bytes, contentType);
  } else {
    extra[name] = std::move(*found);
  }
  entry.erase(name);
  return body;
}

std::string takeString(Json& entry, const char* name, const EntryPlace& place) {
  auto found = entry.find(name);
  if (found == entry.end() || !found->is_string()) place.fail(std::string(name) + " is missing or not a string");
  std::string value = found->get<std::string>();
  entry.erase(found);
  return value;
}

Exchange importEntry(Json entry, const EntryPlace& place, BodyStore& store) {
  if (!entry.is_object()) place.fail("an entry must be a JSON object");
  Exchange exchange;
  exchange.request.target = takeString(entry, "RequestUri", place);
  exchange.request.method = takeString(entry, "RequestMethod", place);
  auto encoded = entry.find("EncodedRequestUri");
  if (encoded != entry.end() && *encoded == encodeBase64Text(exchange.request.target)) entry.erase(encoded);
  auto status = entry.find("StatusCode");
  if (status == entry.end() || !status->is_number_integer()) place.fail("StatusCode is missing or not a number");
  exchange.response.status = status->get<int>();
  entry.erase(status);
  exchange.request.headers = takeHeaders(entry, "RequestHeaders", exchange.extra);
  exchange.response.headers = takeHeaders(entry, "ResponseHeaders", exchange.extra);
  exchange.request.body = takeBody(entry, "RequestBody", exchange.request.headers, store, exchange.extra);
  exchange.response.body = takeBody(entry, "ResponseBody", exchange.response.headers, store, exchange.extra);
  for (auto& [name, value] : entry.items()) exchange.extra[name] = std::move(value);
  return exchange;
}

}  // namespace

Cassette importHttpRecorder(const std::filesystem::path& source, const std::string& origin, BodyStore& store) {
  const EntryPlace file{source, 0};
  std::ifstream in(source, std::ios::binary);
  if (!in) file.fail("cannot open");
  std::ostringstream text;
  text << in.rdbuf();
  std::string content = text.str();
  if (content.rfind("\xef\xbb\xbf", 0) == 0) content.erase(0, 3);  // the recorder may write a byte order mark
  Json document;
  try {
    document = Json::parse(content);
  } catch (const Json::parse_error& error) {
    file.fail(std::string("not JSON: ") + error.what());
  }
  if (!document.is_object() || !document.contains("Entries") || !document["Entries"].is_array()) {
    file.fail("not an HttpRecorder session (no \"Entries\" array)");
  }
  Cassette cassette;
  cassette.header.source = kHttpRecorderSource;
  cassette.header.origin = origin;
  Json entries = std::move(document["Entries"]);
  document.erase("Entries");
  cassette.header.extra = std::move(document);
  for (std::size_t i = 0; i < entries.size(); ++i) {
    cassette.exchanges.push_back(importEntry(std::move(entries[i]), EntryPlace{source, i + 1}, store));
  }
  return cassette;
}

}  // namespace cvmock::recording
