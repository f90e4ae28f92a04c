#include "formatsupport.h"

#include <filesystem>

#include "data/import/fieldparsers.h"

namespace recforge::importdetail {

namespace fs = std::filesystem;

bool LineCursor::next(TextLine &line)
{
    if (m_pos >= m_text.size())
        return false;
    const size_t start = m_pos;
    size_t end = m_text.find('\n', start);
    if (end == std::string_view::npos) {
        end = m_text.size();
        m_pos = end;
    } else {
        m_pos = end + 1;
    }
    size_t stop = end;
    if (stop > start && m_text[stop - 1] == '\r')
        --stop;
    line.number = ++m_number;
    line.offset = start;
    line.text = m_text.substr(start, stop - start);
    return true;
}

bool isBlank(std::string_view text)
{
    for (char c : text)
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n')
            return false;
    return true;
}

void splitOn(std::string_view text, char separator, std::vector<std::string_view> &out)
{
    out.clear();
    size_t start = 0;
    while (true) {
        const size_t end = text.find(separator, start);
        if (end == std::string_view::npos) {
            out.push_back(text.substr(start));
            return;
        }
        out.push_back(text.substr(start, end - start));
        start = end + 1;
    }
}

void splitOn(std::string_view text, std::string_view separator, std::vector<std::string_view> &out)
{
    out.clear();
    size_t start = 0;
    while (true) {
        const size_t end = text.find(separator, start);
        if (end == std::string_view::npos) {
            out.push_back(text.substr(start));
            return;
        }
        out.push_back(text.substr(start, end - start));
        start = end + separator.size();
    }
}

void splitWhitespace(std::string_view text, std::vector<std::string_view> &out)
{
    out.clear();
    size_t i = 0;
    const size_t n = text.size();
    while (i < n) {
        while (i < n && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r'))
            ++i;
        const size_t start = i;
        while (i < n && text[i] != ' ' && text[i] != '\t' && text[i] != '\r')
            ++i;
        if (i > start)
            out.push_back(text.substr(start, i - start));
    }
}

int64_t codePointColumn(std::string_view line, size_t byteOffset)
{
    int64_t column = 1;
    for (size_t i = 0; i < byteOffset && i < line.size(); ++i)
        if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80)
            ++column;
    return column;
}

std::string latin1ToUtf8(std::string_view bytes)
{
    std::string out;
    out.reserve(bytes.size() + bytes.size() / 8);
    for (char c : bytes) {
        const auto b = static_cast<unsigned char>(c);
        if (b < 0x80) {
            out.push_back(c);
        } else {
            out.push_back(char(0xC0 | (b >> 6)));
            out.push_back(char(0x80 | (b & 0x3F)));
        }
    }
    return out;
}

std::string clipRaw(std::string_view raw)
{
    if (raw.size() <= 200)
        return std::string(raw);
    size_t n = 200;
    while (n > 0 && (static_cast<unsigned char>(raw[n]) & 0xC0) == 0x80)
        --n;
    return std::string(raw.substr(0, n));
}

SideFileRows::SideFileRows(FileImportReport &report, const ImportOptions &options, std::string file)
    : m_report(report), m_file(std::move(file)), m_policy(options.errorPolicy),
      m_maxKept(options.maxRejectedKept)
{
    if (m_report.file.empty())
        m_report.file = m_file;
}

bool SideFileRows::reject(int64_t line, int64_t column, std::string field, std::string reason,
                          std::string_view raw)
{
    ++m_report.rowsRead;
    ++m_report.rowsRejected;
    if (m_policy == ErrorPolicy::StopAtFirstError) {
        m_error = Error{ErrorCode::Parse, reason, Location{m_file, line, column, field}};
        if (m_report.rejected.size() < m_maxKept)
            m_report.rejected.push_back(RejectedRow{m_file, line, column, std::move(field),
                                                    std::move(reason), clipRaw(raw)});
        return false;
    }
    if (m_report.rejected.size() < m_maxKept)
        m_report.rejected.push_back(
            RejectedRow{m_file, line, column, std::move(field), std::move(reason), clipRaw(raw)});
    return true;
}

Status SideFileRows::finish(const std::string &what) const
{
    if (m_report.rowsAccepted > 0)
        return {};
    std::string message = "no " + what + " in " + m_file;
    if (m_report.rowsRead > 0) {
        message += " (" + std::to_string(m_report.rowsRead) + " read, all rejected";
        if (!m_report.rejected.empty()) {
            const RejectedRow &first = m_report.rejected.front();
            message += "; first: line " + std::to_string(first.line) + ": " + first.reason;
        }
        message += ")";
    }
    return makeError(ErrorCode::Empty, message, Location{m_file, 0, 0, {}});
}

Error cancelledError(const std::string &file)
{
    return Error{ErrorCode::Cancelled, "import cancelled", Location{file, 0, 0, {}}};
}

bool isDirectory(const std::string &path)
{
    std::error_code ec;
    return fs::is_directory(path, ec);
}

bool fileExists(const std::string &path)
{
    std::error_code ec;
    return fs::is_regular_file(path, ec);
}

std::string fileStem(const std::string &path)
{
    return fs::path(path).stem().string();
}

std::string siblingPath(const std::string &path, const std::string &sibling)
{
    return (fs::path(path).parent_path() / sibling).string();
}

std::string replaceExtension(const std::string &path, const std::string &extension)
{
    return fs::path(path).replace_extension(extension).string();
}

std::string displayName(const std::string &path)
{
    std::string trimmed = path;
    while (trimmed.size() > 1 && trimmed.back() == '/')
        trimmed.pop_back(); // "data/ml-100k/" names the folder ml-100k
    const std::string name = fs::path(trimmed).filename().string();
    return name.empty() ? path : name;
}

} // namespace recforge::importdetail

namespace recforge::importdetail {

bool isGenericDefaultEvent(const ImportOptions &options)
{
    return options.defaultEvent.empty() || options.defaultEvent == ImportOptions{}.defaultEvent;
}

} // namespace recforge::importdetail

namespace recforge::importdetail {

std::vector<std::string> splitCategoryPath(std::string_view text, const std::string &separator)
{
    std::vector<std::string_view> parts;
    if (!separator.empty() && text.find(separator) != std::string_view::npos)
        splitOn(text, std::string_view(separator), parts);
    else if (text.find('|') != std::string_view::npos)
        splitOn(text, '|', parts);
    else if (text.find('/') != std::string_view::npos)
        splitOn(text, '/', parts);
    else
        parts.push_back(text);
    std::vector<std::string> out;
    for (std::string_view part : parts) {
        part = trimSpaces(part);
        if (!part.empty())
            out.emplace_back(part);
    }
    return out;
}

} // namespace recforge::importdetail
