// Plain-text tables for cvctl output: columns padded to their widest cell.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace cvmock::cvctl {

class Table {
 public:
  explicit Table(std::vector<std::string> headers);

  // A row has one cell per header; missing cells print empty, extra cells are dropped.
  void addRow(std::vector<std::string> cells);
  void print(std::ostream& out) const;

 private:
  std::vector<std::string> headers_;
  std::vector<std::vector<std::string>> rows_;
};

// A number with three decimals ("0.950"), as the performance and prediction tables show them.
std::string formatDecimal(double value);

}  // namespace cvmock::cvctl
