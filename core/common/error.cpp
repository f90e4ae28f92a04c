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
        out.append(out.empty() ? "line " : ":");
        out.append(std::to_string(line));
        if (column > 0) {
            out.push_back(':');
            out.append(std::to_string(column));
        }
    }
    if (!field.empty()) {
        if (!out.empty())
            out.push_back(' ');
        out.push_back('(');
        out.append(field);
        out.push_back(')');
    }
    return out;
}

std::string Error::toString() const
{
    const std::string where = location.toString();
    return where.empty() ? message : where + ": " + message;
}

} // namespace recforge
