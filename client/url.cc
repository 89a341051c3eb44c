// Percent-encoding and query-string assembly for client requests.
#include "client/url.h"

#include <sstream>

namespace cvmock::client {

namespace {

bool isUnreserved(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.' || c == '_' || c == '~';
}

}  // namespace

std::string percentEncode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size());
  for (unsigned char c : text) {
    if (isUnreserved(c)) {
      out += static_cast<char>(c);
      continue;
    }
    out += '%';
    out += kHex[c >> 4];
    out += kHex[c & 0x0F];
  }
  return out;
}

std::string pathOf(std::initializer_list<std::string_view> segments) {
  std::string path;
  for (auto segment : segments) {
    path += '/';
    path += percentEncode(segment);
  }
  return path;
}

Query& Query::add(std::string name, std::string value) {
  params_.emplace_back(std::move(name), std::move(value));
  return *this;
}

Query& Query::add(std::string name, const std::optional<std::string>& value) {
  if (value) add(std::move(name), *value);
  return *this;
}

Query& Query::add(std::string name, std::optional<int> value) {
  if (value) add(std::move(name), std::to_string(*value));
  return *this;
}

Query& Query::add(std::string name, std::optional<double> value) {
  if (!value) return *this;
  std::ostringstream text;
  text << *value;
  return add(std::move(name), text.str());
}

Query& Query::add(std::string name, std::optional<bool> value) {
  if (value) add(std::move(name), std::string(*value ? "true" : "false"));
  return *this;
}

Query& Query::add(std::string name, const std::vector<std::string>& values) {
  if (values.empty()) return *this;
  std::string joined;
  for (const auto& value : values) {
    if (!joined.empty()) joined += ',';
    joined += value;
  }
  return add(std::move(name), joined);
}

std::string Query::toString() const {
  std::string text;
  for (const auto& [name, value] : params_) {
    text += text.empty() ? '?' : '&';
    text += name;
    text += '=';
    text += percentEncode(value);
  }
  return text;
}

}  // namespace cvmock::client
