#include "error.h"

namespace recforge {

const char *errorCodeName(ErrorCode code)
{
    switch (code) {
    case ErrorCode::Io:
        return "io";
    case ErrorCode::Parse:
        return "parse";
    case ErrorCode::Encoding:
        return "encoding";
    case ErrorCode::Schema:
        return "schema";
    case ErrorCode::InvalidArgument:
        return "invalid-argument";
    case ErrorCode::Empty:
        return "empty";
    case ErrorCode::Database:
        return "database";
    case ErrorCode::NotFound:
        return "not-found";
    case ErrorCode::Cancelled:
        return "cancelled";
    case ErrorCode::Internal:
        return "internal";
    }
    return "unknown";
}

std::string Location::toString() const
{
    std::string out = file;
    if (line > 0) {
        out += (out.empty() ? "line " : ":") + std::to_string(line);
        if (column > 0)
            out += ":" + std::to_string(column);
    }
    if (!field.empty())
        out += (out.empty() ? "" : " ") + std::string("(") + field + ")";
    return out;
}

std::string Error::toString() const
{
    const std::string where = location.toString();
    return where.empty() ? message : where + ": " + message;
}

} // namespace recforge
