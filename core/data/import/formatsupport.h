#pragma once

// Internal helpers shared by the JSON Lines, sequence, MovieLens and RecBole importers: line
// iteration over decoded text, the report/policy bookkeeping of catalogue and user side files, and
// small path utilities. Not part of the public import API.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.h"
#include "data/import/importoptions.h"

namespace recforge::importdetail {

// One physical line of a text: its 1-based number, byte offset of its start, the text without the
// line break (a trailing '\r' of CRLF files is removed).
struct TextLine {
    int64_t number = 0;
    size_t offset = 0;
    std::string_view text;
};

// Iterates the lines of a UTF-8 text. A final line without a line break is still a line; an empty
// text has no line.
class LineCursor {
public:
    explicit LineCursor(std::string_view text) : m_text(text) {}
    bool next(TextLine &line);
    // Bytes consumed so far (for progress).
    size_t position() const { return m_pos; }

private:
    std::string_view m_text;
    size_t m_pos = 0;
    int64_t m_number = 0;
};

// True when the text holds only spaces, tabs and line breaks.
bool isBlank(std::string_view text);

// Splits on one separator character; keeps empty fields ("a||b" -> a, "", b).
void splitOn(std::string_view text, char separator, std::vector<std::string_view> &out);
// Splits on runs of spaces and tabs; no empty fields.
void splitWhitespace(std::string_view text, std::vector<std::string_view> &out);
// Splits on a multi-character separator ("::").
void splitOn(std::string_view text, std::string_view separator, std::vector<std::string_view> &out);

// 1-based column (in code points) of byte `byteOffset` of a UTF-8 line.
int64_t codePointColumn(std::string_view line, size_t byteOffset);

// ISO-8859-1 bytes to UTF-8 (every byte is a valid Latin-1 character, so this cannot fail).
std::string latin1ToUtf8(std::string_view bytes);

// Report bookkeeping for files that are not interaction logs (catalogue, users, attributes):
// counts records, keeps the first maxRejectedKept rejections and applies the ErrorPolicy.
// Invariant: rowsRead == rowsAccepted + rowsRejected after every accept()/reject().
class SideFileRows {
public:
    SideFileRows(FileImportReport &report, const ImportOptions &options, std::string file);
    void accept()
    {
        ++m_report.rowsRead;
        ++m_report.rowsAccepted;
    }
    // Counts a rejected record. Returns false when ErrorPolicy::StopAtFirstError stops the import;
    // error() then holds a Parse error at file:line:column (field).
    bool reject(int64_t line, int64_t column, std::string field, std::string reason,
                std::string_view raw);
    // Empty error when nothing was accepted (names the first rejection when there was one).
    Status finish(const std::string &what) const;
    const Error &error() const { return m_error; }

private:
    FileImportReport &m_report;
    std::string m_file;
    ErrorPolicy m_policy;
    size_t m_maxKept;
    Error m_error;
};

// Raw record text for a report: at most 200 bytes, not cutting a UTF-8 character.
std::string clipRaw(std::string_view raw);

Error cancelledError(const std::string &file);

bool isDirectory(const std::string &path);
bool fileExists(const std::string &path);
// "dir/name.ext" -> "name"
std::string fileStem(const std::string &path);
// "dir/name.ext" -> "dir/<sibling>"
std::string siblingPath(const std::string &path, const std::string &sibling);
// "dir/name.inter" -> "dir/name.item" (replaces the last extension)
std::string replaceExtension(const std::string &path, const std::string &extension);
// Final path component, used as the file name in locations and reports.
std::string displayName(const std::string &path);

} // namespace recforge::importdetail

namespace recforge::importdetail {

// True when options.defaultEvent is the generic ImportOptions default (or empty), i.e. the caller
// did not choose an event kind and a format may use its own ("purchase" for sequences, "rating" for
// rating files).
bool isGenericDefaultEvent(const ImportOptions &options);

} // namespace recforge::importdetail

namespace recforge::importdetail {

// "Beauty > Skin Care > Face" -> [Beauty, Skin Care, Face]: splits on `separator` when it occurs,
// else on '|' or '/' when one of those occurs; parts are trimmed and empty parts dropped.
std::vector<std::string> splitCategoryPath(std::string_view text, const std::string &separator);

} // namespace recforge::importdetail
