// The three renderings of a verify run.
#include "mock_server/recording/verify_report.h"

#include <iomanip>
#include <sstream>

namespace cvmock::recording {
namespace {

std::string seconds(double value) {
  std::ostringstream out;
  out << std::fixed << std::setprecision(3) << value;
  return out.str();
}

std::string xmlEscaped(const std::string& text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::size_t skippedIn(const CassetteResult& result) {
  return static_cast<std::size_t>(std::count_if(result.exchanges.begin(), result.exchanges.end(),
                                                [](const ExchangeResult& e) { return !e.skipped.empty(); }));
}

std::string differenceLine(const Difference& difference) { return difference.where() + ": " + difference.message; }

}  // namespace

VerifySummary summarise(const std::vector<CassetteResult>& results, double elapsed) {
  VerifySummary summary;
  summary.seconds = elapsed;
  for (const CassetteResult& result : results) {
    ++summary.cassettes;
    if (!result.skipped.empty()) ++summary.skippedCassettes;
    if (result.failed()) ++summary.failedCassettes;
    for (const ExchangeResult& exchange : result.exchanges) {
      if (!exchange.skipped.empty()) {
        ++summary.skippedExchanges;
      } else {
        ++summary.exchanges;
        if (exchange.failed()) {
          ++summary.differing;
        } else if (!exchange.differences.empty()) {
          ++summary.accepted;
        } else {
          ++summary.matched;
        }
      }
    }
  }
  return summary;
}

void writeTextReport(std::ostream& out, const std::vector<CassetteResult>& results, const VerifySummary& summary) {
  for (const CassetteResult& result : results) {
    if (!result.skipped.empty()) {
      out << "skip  " << result.id << ": " << result.skipped << "\n";
      continue;
    }
    out << (result.failed() ? "FAIL  " : "ok    ") << result.id << " (" << result.exchanges.size() << " exchanges, "
        << seconds(result.seconds) << " s)\n";
    for (const ExchangeResult& exchange : result.exchanges) {
      const std::string label = "      exchange " + std::to_string(exchange.number) + " ";
      if (!exchange.skipped.empty()) {
        out << label << "skipped: " << exchange.skipped << "\n";
        continue;
      }
      if (exchange.differences.empty()) continue;
      out << label << exchange.request << "\n";
      for (const Difference& difference : exchange.differences) {
        out << (difference.acceptedWhy.empty() ? "        " : "        accepted ") << differenceLine(difference);
        if (!difference.acceptedWhy.empty()) out << " (" << difference.acceptedWhy << ")";
        out << "\n";
      }
    }
    if (!result.error.empty()) out << "      replay stopped: " << result.error << "\n";
  }
  out << "\n"
      << (summary.passed() ? "PASS" : "FAIL") << ": " << summary.cassettes << " recordings ("
      << summary.skippedCassettes << " skipped), " << summary.exchanges << " exchanges replayed: " << summary.matched
      << " match, " << summary.accepted << " match with accepted differences, " << summary.differing << " differ; "
      << summary.skippedExchanges << " exchanges skipped; " << seconds(summary.seconds) << " s\n";
}

Json jsonReport(const std::vector<CassetteResult>& results, const VerifySummary& summary) {
  Json recordings = Json::array();
  for (const CassetteResult& result : results) {
    Json exchanges = Json::array();
    for (const ExchangeResult& exchange : result.exchanges) {
      Json differences = Json::array();
      for (const Difference& difference : exchange.differences) {
        Json entry = {{"where", difference.where()}, {"message", difference.message}};
        if (!difference.acceptedWhy.empty()) entry["accepted"] = difference.acceptedWhy;
        differences.push_back(std::move(entry));
      }
      Json entry = {
          {"exchange", exchange.number}, {"request", exchange.request}, {"recordedStatus", exchange.recordedStatus}};
      if (!exchange.skipped.empty()) {
        entry["skipped"] = exchange.skipped;
      } else {
        entry["status"] = exchange.liveStatus;
        entry["passed"] = !exchange.failed();
        entry["differences"] = std::move(differences);
      }
      exchanges.push_back(std::move(entry));
    }
    Json recording = {
        {"recording", result.id}, {"file", result.file}, {"passed", !result.failed()}, {"seconds", result.seconds}};
    if (!result.skipped.empty()) recording["skipped"] = result.skipped;
    if (!result.error.empty()) recording["error"] = result.error;
    recording["exchanges"] = std::move(exchanges);
    recordings.push_back(std::move(recording));
  }
  return Json{{"passed", summary.passed()},
              {"summary",
               {{"recordings", summary.cassettes},
                {"skippedRecordings", summary.skippedCassettes},
                {"exchanges", summary.exchanges},
                {"matched", summary.matched},
                {"accepted", summary.accepted},
                {"differing", summary.differing},
                {"skippedExchanges", summary.skippedExchanges},
                {"seconds", summary.seconds}}},
              {"recordings", std::move(recordings)}};
}

std::string junitReport(const std::vector<CassetteResult>& results, const VerifySummary& summary) {
  std::ostringstream out;
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      << "<testsuites name=\"cvmock verify\" tests=\"" << summary.exchanges + summary.skippedExchanges
      << "\" failures=\"" << summary.differing << "\" time=\"" << seconds(summary.seconds) << "\">\n";
  for (const CassetteResult& result : results) {
    const std::size_t failures = static_cast<std::size_t>(std::count_if(
        result.exchanges.begin(), result.exchanges.end(), [](const ExchangeResult& e) { return e.failed(); }));
    out << "  <testsuite name=\"" << xmlEscaped(result.id) << "\" tests=\"" << result.exchanges.size()
        << "\" failures=\"" << failures << "\" errors=\"" << (result.error.empty() ? 0 : 1) << "\" skipped=\""
        << (result.skipped.empty() ? skippedIn(result) : 1) << "\" time=\"" << seconds(result.seconds) << "\">\n";
    if (!result.skipped.empty()) {
      out << "    <testcase classname=\"" << xmlEscaped(result.id) << "\" name=\"recording\"><skipped message=\""
          << xmlEscaped(result.skipped) << "\"/></testcase>\n";
    }
    for (const ExchangeResult& exchange : result.exchanges) {
      out << "    <testcase classname=\"" << xmlEscaped(result.id) << "\" name=\"exchange " << exchange.number << ": "
          << xmlEscaped(exchange.request) << "\">";
      if (!exchange.skipped.empty()) {
        out << "<skipped message=\"" << xmlEscaped(exchange.skipped) << "\"/>";
      } else if (exchange.failed()) {
        std::string details;
        for (const Difference& difference : exchange.differences) {
          if (difference.acceptedWhy.empty()) details += differenceLine(difference) + "\n";
        }
        out << "<failure message=\"" << xmlEscaped(details.substr(0, details.find('\n'))) << "\">"
            << xmlEscaped(details) << "</failure>";
      }
      out << "</testcase>\n";
    }
    if (!result.error.empty()) {
      out << "    <testcase classname=\"" << xmlEscaped(result.id) << "\" name=\"replay\"><error message=\""
          << xmlEscaped(result.error) << "\"/></testcase>\n";
    }
    out << "  </testsuite>\n";
  }
  out << "</testsuites>\n";
  return out.str();
}

}  // namespace cvmock::recording
