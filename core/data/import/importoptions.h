#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/error.h"
#include "data/dataset.h"

namespace recforge {

enum class ImportFormat {
    Auto,      // by extension and content sniffing
    Delimited, // CSV / TSV / ; / | with header or not
    JsonLines, // one JSON object per line
    Sequence,  // "user item1 item2 ..." per line (time order = position)
    MovieLens, // u.data (+ u.item, u.user beside it)
    RecBole,   // atomic files: name.inter (+ name.item, name.user) with "field:type" headers
};
enum class TextEncoding {
    Auto,
    Utf8,
    Gb18030
}; // Auto: UTF-8 (BOM or not) unless invalid, then GB18030
enum class ErrorPolicy { SkipAndReport, StopAtFirstError };
enum class TimestampFormat {
    Auto, // numbers: seconds, or milliseconds when > 1e11; text: ISO 8601 / common date formats
    UnixSeconds,
    UnixMillis,
    Iso8601, // 2024-03-01T12:30:00Z, 2024-03-01 12:30:00, 2024-03-01
    Custom,  // strptime-style pattern in ImportOptions::timestampPattern
};
enum class ColumnType { Empty, Integer, Real, Timestamp, Text };

// Which source column feeds which field. Names refer to header names; "#3" means the 4th column
// (0-based index) for files without a header. Empty = not mapped.
struct InteractionColumns {
    std::string user;      // required
    std::string item;      // required
    std::string timestamp; // optional: without it the row position is the time
    std::string event;     // optional: raw event string, mapped through EventMapping
    std::string value;     // optional: rating / weight (default 1)
};

struct ItemColumns {
    std::string item; // required
    std::string title, category, brand, price, description;
    std::string categorySeparator = ">"; // "Beauty > Skin > Face"; also accepts '/' and '|'
    std::vector<std::string> attributes; // other columns kept as free-form attributes
};

struct UserColumns {
    std::string user;                    // required
    std::vector<std::string> attributes; // empty = every other column
};

// Raw event strings ("pv", "buy", "addtocart") to event kinds and weights.
struct EventMapping {
    struct Target {
        std::string kind; // "view", "click", "cart", "purchase", "rating", or a custom name
        float weight = 1.0f;
    };
    std::map<std::string, Target> rules; // raw string (case-insensitive) -> target
    // Raw strings without a rule: used as a custom kind of their own name (lowercased) when true,
    // rejected as a row error when false.
    bool keepUnknownAsCustom = true;
    // Common spellings (pv, view, click, cart, addtocart, buy, purchase, order, rating...) are
    // recognised without rules.
    static EventMapping defaults();
};

struct ImportOptions {
    std::string path;        // interactions file (or u.data / name.inter)
    std::string itemsPath;   // optional catalogue file
    std::string usersPath;   // optional user attribute file
    std::string datasetName; // default: file stem
    ImportFormat format = ImportFormat::Auto;
    TextEncoding encoding = TextEncoding::Auto;
    char delimiter = 0;            // 0 = sniff among , \t ; |
    std::optional<bool> hasHeader; // nullopt = sniff
    InteractionColumns columns;    // empty user/item = infer from header names
    ItemColumns itemColumns;       // empty item = infer
    UserColumns userColumns;       // empty user = infer
    EventMapping events = EventMapping::defaults();
    std::string defaultEvent = "view"; // event kind when no event column is mapped
    TimestampFormat timestampFormat = TimestampFormat::Auto;
    std::string timestampPattern; // for TimestampFormat::Custom, e.g. "%d/%m/%Y %H:%M"
    ErrorPolicy errorPolicy = ErrorPolicy::SkipAndReport;
    size_t maxRejectedKept = 100000; // rejected rows kept in the report (all are counted)
};

struct RejectedRow {
    std::string file;
    int64_t line = 0;   // 1-based physical line where the record starts
    int64_t column = 0; // 1-based field index (0 = whole row)
    std::string field;  // header name when known
    std::string reason;
    std::string text; // the raw record, truncated to 200 bytes
};

// One file's outcome. Invariant: rowsRead == rowsAccepted + rowsRejected.
struct FileImportReport {
    std::string file;
    std::string format;   // "delimited", "jsonl", ...
    std::string encoding; // "utf-8", "utf-8-bom", "gb18030"
    char delimiter = 0;
    bool header = false;
    int64_t rowsRead = 0;
    int64_t rowsAccepted = 0;
    int64_t rowsRejected = 0;
    std::vector<RejectedRow> rejected; // first ImportOptions::maxRejectedKept of them
};

struct ImportReport {
    std::vector<FileImportReport> files;
    std::vector<Warning> warnings;
    double seconds = 0;
    int64_t totalRejected() const;
};

struct ImportResult {
    Dataset dataset;
    ImportReport report;
};

} // namespace recforge
