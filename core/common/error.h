#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <tl/expected.hpp>

namespace recforge {

// What kind of expected failure happened. Unexpected failures (LibTorch throws) are caught at the
// job boundary and reported as ErrorCode::Internal.
enum class ErrorCode {
    Io,       // file missing, unreadable, unwritable
    Parse,    // malformed input (row, field, quote, number, date)
    Encoding, // bytes are not valid in the declared/sniffed encoding
    Schema,   // missing/duplicate column, bad mapping, bad header
    InvalidArgument,
    Empty,    // nothing to work with (empty file, header only, all rows rejected)
    Database, // SQLite failure
    NotFound,
    Cancelled,
    Internal,
};

const char *errorCodeName(ErrorCode code);

// Where in the input a problem is. Line and column are 1-based; 0 means "not applicable".
struct Location {
    std::string file;
    int64_t line = 0;
    int64_t column = 0;
    std::string field; // column name or config key, when known

    bool empty() const { return file.empty() && line == 0 && column == 0 && field.empty(); }
    // "file:line:column (field)" with the parts that are known.
    std::string toString() const;
};

struct Error {
    ErrorCode code = ErrorCode::Internal;
    std::string message;
    Location location;

    // "file:12:3 (price): not a number: 'abc'"
    std::string toString() const;
};

template <typename T> using Expected = tl::expected<T, Error>;
using Status = tl::expected<void, Error>;

inline tl::unexpected<Error> makeError(ErrorCode code, std::string message, Location where = {})
{
    return tl::unexpected<Error>(Error{code, std::move(message), std::move(where)});
}

// A non-fatal problem: a skipped row, a dropped user. Shown in the UI's issues dock, printed by the
// CLI, stored with import reports.
struct Warning {
    std::string message;
    Location location;
};

} // namespace recforge
