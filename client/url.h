// Percent-encoding of path segments and query strings, done here so the wire text is exact.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "client/models/enums.h"

namespace cvmock::client {

// Encodes every byte except RFC 3986 unreserved characters (A-Z a-z 0-9 - . _ ~), so a publish
// name with spaces becomes "My%20Model" and a resource id's slashes become %2F.
std::string percentEncode(std::string_view text);

// Joins already-known segments into "/a/b/c", percent-encoding each one.
std::string pathOf(std::initializer_list<std::string_view> segments);

// Query parameters in the order added; absent optionals and empty lists are not sent at all,
// which is how the SDKs treat unset optional parameters.
class Query {
 public:
  Query& add(std::string name, std::string value);
  Query& add(std::string name, const std::optional<std::string>& value);
  Query& add(std::string name, std::optional<int> value);
  Query& add(std::string name, std::optional<double> value);
  Query& add(std::string name, std::optional<bool> value);
  // Array parameters go on the wire comma-joined (the spec's collectionFormat csv).
  Query& add(std::string name, const std::vector<std::string>& values);
  // Enums go as their wire text.
  template <SpecEnum E>
  Query& add(std::string name, std::optional<E> value) {
    return value ? add(std::move(name), std::string(client::toString(*value))) : *this;
  }
  template <SpecEnum E>
  Query& add(std::string name, const std::vector<E>& values) {
    std::vector<std::string> texts;
    for (E value : values) texts.emplace_back(client::toString(value));
    return add(std::move(name), texts);
  }

  // "?a=1&b=x%20y", or "" when there are no parameters. Names are the spec's own and go verbatim
  // ("$filter" stays "$filter"); values are percent-encoded.
  std::string toString() const;

 private:
  std::vector<std::pair<std::string, std::string>> params_;
};

}  // namespace cvmock::client
