#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.h"

namespace recforge {

// One record of a delimited file. Field views point into the reader's text, or (for quoted fields
// with "" escapes) into the reader's scratch buffer; they stay valid until the next call to next().
struct DelimitedRecord {
    std::vector<std::string_view> fields;
    int64_t line = 0;     // 1-based physical line where the record starts
    std::string_view raw; // the record's text (quotes included), without the line break
    // A record the reader could split but that is malformed (text after a closing quote):
    // problemColumn is the 1-based field, problem says what is wrong. 0 / empty when fine.
    int64_t problemColumn = 0;
    std::string problem;
    // Some field views point into the reader's scratch buffer (quoted fields with "" escapes):
    // they are invalidated by the next call to next(); the others stay valid as long as the text.
    bool usesScratch = false;
};

// RFC 4180 reader over UTF-8 text already in memory: fields separated by one delimiter character,
// records by LF or CRLF; a field that starts with '"' is quoted and may hold delimiters, line
// breaks and "" (one quote). A quote inside an unquoted field is kept as a literal character.
// Blank lines are skipped (they are not records). Field sizes are unlimited (views, no copies).
class DelimitedReader {
public:
    enum class Status { Record, End, Error };

    DelimitedReader(std::string_view text, char delimiter, std::string file);

    // Reads the next record. Error (fatal, see error()) only for a quote that is never closed: the
    // error names the line where the quoted field opened.
    Status next(DelimitedRecord &record);

    const Error &error() const { return m_error; }
    size_t position() const { return m_pos; } // bytes consumed, for progress
    int64_t line() const { return m_line; }   // current 1-based line
    char delimiter() const { return m_delim; }

private:
    Status readQuotedRecord(DelimitedRecord &record, size_t start);

    std::string_view m_text;
    char m_delim;
    std::string m_file;
    size_t m_pos = 0;
    int64_t m_line = 1;
    std::string m_scratch;
    Error m_error;
};

// An owned copy of a record, for sniffing and previews.
struct SampleRecord {
    std::vector<std::string> fields;
    int64_t line = 0;
};

// Reads up to maxRecords records from the start of `text`. Stops early at an unterminated quote
// (the records before it are returned).
std::vector<SampleRecord> readSampleRecords(std::string_view text, char delimiter,
                                            size_t maxRecords);

// Picks the delimiter among ',', '\t', ';', '|' that splits the first lines of `sample` into the
// most consistent number (> 1) of fields; ',' when none splits anything.
char sniffDelimiter(std::string_view sample);

// Guesses whether the first record is a header: it is when its cells are distinct non-empty
// non-numeric text and (some column below holds numbers/dates, or a cell is a known column name,
// or the file is a single record). A first record with a numeric cell is never a header.
bool sniffHeader(const std::vector<SampleRecord> &records);

// Names of the duplicate header cells (each once), empty when all are distinct.
std::vector<std::string> duplicateNames(const std::vector<std::string> &names);

} // namespace recforge
