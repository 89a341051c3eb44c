// Column layout for cvctl's text tables.
#include "client/cvctl/table.h"

#include <algorithm>
#include <cstdio>

namespace cvmock::cvctl {

Table::Table(std::vector<std::string> headers) : headers_(std::move(headers)) {}

void Table::addRow(std::vector<std::string> cells) {
  cells.resize(headers_.size());
  rows_.push_back(std::move(cells));
}

void Table::print(std::ostream& out) const {
  std::vector<size_t> widths;
  for (const auto& header : headers_) widths.push_back(header.size());
  for (const auto& row : rows_) {
    for (size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], row[i].size());
  }
  auto printRow = [&](const std::vector<std::string>& cells) {
    for (size_t i = 0; i < cells.size(); ++i) {
      bool last = i + 1 == cells.size();
      out << cells[i] << (last ? "" : std::string(widths[i] - cells[i].size() + 2, ' '));
    }
    out << "\n";
  };
  printRow(headers_);
  for (const auto& row : rows_) printRow(row);
}

std::string formatDecimal(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.3f", value);
  return text;
}

}  // namespace cvmock::cvctl
