// A thin RAII layer over the SQLite C API: a connection, prepared statements and transactions.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace cvmock::server::sqlite {

// Any SQLite failure; the message is SQLite's own, prefixed with what was being done.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// One open connection; closed by the destructor. Not thread-safe: the owner serialises its use.
class Database {
 public:
  // Opens (creating if needed) the database at `path`; ":memory:" is a private in-memory one. Throws Error.
  explicit Database(const std::string& path);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // Runs one or more statements that bind nothing and whose rows are ignored. Throws Error.
  void execute(std::string_view sql);
  // Rows inserted, updated or deleted by the last statement.
  int changes() const;
  sqlite3* handle() const { return db_; }

 private:
  friend class Statement;
  // Compiling SQL costs more than running the store's small queries, so finished statements are kept,
  // reset, per SQL text and handed out again; a statement still in use is never handed out twice.
  sqlite3_stmt* acquire(std::string_view sql);
  void release(std::string sql, sqlite3_stmt* statement);

  sqlite3* db_ = nullptr;
  std::unordered_map<std::string, std::vector<sqlite3_stmt*>> idle_;
};

// A prepared statement. Parameters are numbered from 1 and columns from 0, as in SQLite.
// Binding copies the value (SQLITE_TRANSIENT), so arguments need not outlive the call.
class Statement {
 public:
  Statement(Database& db, std::string_view sql);  // throws Error on bad SQL
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, double value);  // a REAL: a float widened to double reads back exactly
  Statement& bind(int index, const std::string& text);
  Statement& bind(int index, const std::optional<std::string>& text);  // nullopt binds NULL
  Statement& bindBlob(int index, std::span<const std::byte> bytes);

  // Advances to the next row: true when there is one, false when done. Throws Error.
  bool step();
  // Steps to completion, for statements that return no rows.
  void run();
  // Clears bindings and rewinds, so the statement can run again.
  void reset();

  bool isNull(int column) const;
  std::int64_t integer(int column) const;
  double real(int column) const;
  std::string text(int column) const;
  std::optional<std::string> optionalText(int column) const;
  std::string blob(int column) const;  // the bytes as they were bound

 private:
  Database& owner_;
  std::string sql_;
  sqlite3_stmt* statement_ = nullptr;
  sqlite3* db_ = nullptr;
};

// BEGIN IMMEDIATE on construction; commit() makes it durable; otherwise the destructor rolls back,
// so an exception thrown half-way through a multi-row change leaves nothing behind.
class Transaction {
 public:
  explicit Transaction(Database& db);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  void commit();

 private:
  Database& db_;
  bool done_ = false;
};

}  // namespace cvmock::server::sqlite
