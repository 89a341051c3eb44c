// The one table that spells an enumeration's values, read both ways: printing a value and parsing a name.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "mock_server/base/text.h"

namespace cvmock::server {

template <typename E>
struct EnumName {
  E value;
  std::string_view name;
};

// The name `table` gives `value`; every value an enumeration can hold must have a row.
template <typename E, std::size_t N>
constexpr std::string_view enumName(const std::array<EnumName<E>, N>& table, E value) {
  for (const EnumName<E>& row : table) {
    if (row.value == value) return row.name;
  }
  return {};
}

// The value named `text`, compared without regard to ASCII case as the service compares them; nullopt for an
// unknown name.
template <typename E, std::size_t N>
std::optional<E> parseEnumName(const std::array<EnumName<E>, N>& table, std::string_view text) {
  auto row = std::find_if(table.begin(), table.end(), [&](const EnumName<E>& r) { return equalsIgnoreCase(r.name, text); });
  if (row == table.end()) return std::nullopt;
  return row->value;
}

// The names as a sentence lists them, for error messages: "Newest, Oldest or Suggested".
template <typename E, std::size_t N>
std::string enumNameList(const std::array<EnumName<E>, N>& table) {
  std::string out;
  for (std::size_t i = 0; i < N; ++i) {
    out += (i == 0 ? "" : i + 1 == N ? " or " : ", ") + std::string(table[i].name);
  }
  return out;
}

}  // namespace cvmock::server
