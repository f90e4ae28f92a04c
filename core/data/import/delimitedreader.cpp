#include "delimitedreader.h"

#include <algorithm>
#include <cstring>
#include <map>
#include <set>

#include "data/import/columninference.h"
#include "data/import/fieldparsers.h"

namespace recforge {

DelimitedReader::DelimitedReader(std::string_view text, char delimiter, std::string file)
    : m_text(text), m_delim(delimiter), m_file(std::move(file))
{
}

DelimitedReader::Status DelimitedReader::next(DelimitedRecord &record)
{
    const char *const base = m_text.data();
    const size_t size = m_text.size();
    // Blank lines (LF or CRLF only) are not records.
    for (;;) {
        if (m_pos >= size)
            return Status::End;
        const char c = base[m_pos];
        if (c == '\n') {
            ++m_pos;
            ++m_line;
        } else if (c == '\r' && (m_pos + 1 == size || base[m_pos + 1] == '\n')) {
            ++m_pos;
        } else {
            break;
        }
    }
    const size_t start = m_pos;
    record.fields.clear();
    record.line = m_line;
    record.problemColumn = 0;
    record.usesScratch = false;
    if (!record.problem.empty())
        record.problem.clear();

    // Fast path: a record without quoted fields is split in one pass of views.
    const char delim = m_delim;
    size_t p = start;
    for (;;) {
        if (p < size && base[p] == '"')
            return readQuotedRecord(record, start);
        const size_t fieldStart = p;
        while (p < size && base[p] != delim && base[p] != '\n')
            ++p;
        if (p < size && base[p] == delim) {
            record.fields.emplace_back(base + fieldStart, p - fieldStart);
            ++p;
            if (p == size) {
                record.fields.emplace_back(base + p, 0);
                record.raw = std::string_view(base + start, p - start);
                m_pos = p;
                return Status::Record;
            }
            continue;
        }
        size_t fieldEnd = p;
        if (fieldEnd > fieldStart && base[fieldEnd - 1] == '\r')
            --fieldEnd;
        record.fields.emplace_back(base + fieldStart, fieldEnd - fieldStart);
        record.raw = std::string_view(base + start, fieldEnd - start);
        if (p < size) {
            m_pos = p + 1;
            ++m_line;
        } else {
            m_pos = p;
        }
        return Status::Record;
    }
}

DelimitedReader::Status DelimitedReader::readQuotedRecord(DelimitedRecord &record, size_t start)
{
    // Fields are collected as (in scratch?, begin, length) and turned into views at the end,
    // because the scratch buffer may move while it grows.
    struct Span {
        bool scratch;
        size_t begin, length;
    };
    thread_local std::vector<Span> spans;
    spans.clear();
    m_scratch.clear();
    record.fields.clear();

    const char *const base = m_text.data();
    const size_t size = m_text.size();
    const char delim = m_delim;
    int64_t line = m_line;
    size_t p = start;
    size_t recordEnd = start;
    for (;;) {
        if (p < size && base[p] == '"') {
            const int64_t quoteLine = line;
            ++p;
            size_t segment = p;
            bool escaped = false;
            size_t scratchBegin = m_scratch.size();
            for (;;) {
                const void *hit = std::memchr(base + p, '"', size - p);
                if (!hit) {
                    m_error = Error{ErrorCode::Parse,
                                    "unterminated quoted field (the quote opened here is never "
                                    "closed)",
                                    Location{m_file, quoteLine, int64_t(spans.size()) + 1, {}}};
                    m_pos = size;
                    return Status::Error;
                }
                const size_t q = size_t(static_cast<const char *>(hit) - base);
                line += std::count(base + p, base + q, '\n');
                if (q + 1 < size && base[q + 1] == '"') {
                    // "" is one quote: copy what we have plus one quote to the scratch buffer.
                    if (!escaped) {
                        escaped = true;
                        scratchBegin = m_scratch.size();
                    }
                    m_scratch.append(base + segment, q + 1 - segment);
                    p = q + 2;
                    segment = p;
                    continue;
                }
                if (escaped) {
                    m_scratch.append(base + segment, q - segment);
                    spans.push_back({true, scratchBegin, m_scratch.size() - scratchBegin});
                } else {
                    spans.push_back({false, segment, q - segment});
                }
                p = q + 1;
                break;
            }
            const bool atFieldEnd = p >= size || base[p] == delim || base[p] == '\n' ||
                                    (base[p] == '\r' && (p + 1 == size || base[p + 1] == '\n'));
            if (!atFieldEnd) {
                if (record.problemColumn == 0) {
                    record.problemColumn = int64_t(spans.size());
                    record.problem = "unexpected text after a closing quote";
                }
                while (p < size && base[p] != delim && base[p] != '\n')
                    ++p;
            }
        } else {
            const size_t fieldStart = p;
            while (p < size && base[p] != delim && base[p] != '\n')
                ++p;
            size_t fieldEnd = p;
            if ((p == size || base[p] == '\n') && fieldEnd > fieldStart &&
                base[fieldEnd - 1] == '\r')
                --fieldEnd;
            spans.push_back({false, fieldStart, fieldEnd - fieldStart});
        }
        if (p < size && base[p] == delim) {
            ++p;
            if (p == size) {
                spans.push_back({false, p, 0});
                recordEnd = p;
                break;
            }
            continue;
        }
        recordEnd = p;
        if (p < size && base[p] == '\r')
            ++p; // CR of a CRLF right after a closing quote
        else if (recordEnd > start && base[recordEnd - 1] == '\r')
            --recordEnd; // CR of a CRLF after an unquoted last field
        if (p < size) {  // the '\n'
            ++p;
            ++line;
        }
        break;
    }
    for (const Span &s : spans) {
        record.usesScratch = record.usesScratch || s.scratch;
        record.fields.emplace_back(s.scratch ? m_scratch.data() + s.begin : base + s.begin,
                                   s.length);
    }
    record.raw = std::string_view(base + start, recordEnd - start);
    m_pos = p;
    m_line = line;
    return Status::Record;
}

std::vector<SampleRecord> readSampleRecords(std::string_view text, char delimiter,
                                            size_t maxRecords)
{
    std::vector<SampleRecord> out;
    DelimitedReader reader(text, delimiter, {});
    DelimitedRecord record;
    while (out.size() < maxRecords && reader.next(record) == DelimitedReader::Status::Record) {
        SampleRecord sample;
        sample.line = record.line;
        sample.fields.assign(record.fields.begin(), record.fields.end());
        out.push_back(std::move(sample));
    }
    return out;
}

char sniffDelimiter(std::string_view sample)
{
    static constexpr char kCandidates[] = {',', '\t', ';', '|'};
    char best = ',';
    double bestScore = 0;
    for (char c : kCandidates) {
        const std::vector<SampleRecord> records = readSampleRecords(sample, c, 20);
        if (records.empty())
            continue;
        std::map<size_t, size_t> counts;
        for (const SampleRecord &r : records)
            ++counts[r.fields.size()];
        const auto mode = std::max_element(counts.begin(), counts.end(), [](auto a, auto b) {
            return a.second < b.second || (a.second == b.second && a.first < b.first);
        });
        if (mode->first <= 1)
            continue;
        // Consistency first (a comma inside TSV text splits rows unevenly), then more fields.
        const double consistency = double(mode->second) / double(records.size());
        const double score = consistency * 1000.0 + double(std::min<size_t>(mode->first, 100));
        if (score > bestScore) {
            bestScore = score;
            best = c;
        }
    }
    return best;
}

bool sniffHeader(const std::vector<SampleRecord> &records)
{
    if (records.empty())
        return false;
    const std::vector<std::string> &first = records.front().fields;
    bool knownName = false;
    for (const std::string &cell : first) {
        const std::string_view v = trimSpaces(cell);
        if (v.empty() || parseFloatStrict(v) || looksLikeDateTime(v))
            return false;
        knownName = knownName || headerRole(v) != HeaderRole::None;
    }
    if (knownName || records.size() == 1)
        return true;
    // A column that holds numbers or dates below a text cell has a header.
    std::vector<SampleRecord> body(records.begin() + 1, records.end());
    const std::vector<ColumnType> types = inferColumnTypes(body, first.size());
    for (ColumnType t : types)
        if (t == ColumnType::Integer || t == ColumnType::Real || t == ColumnType::Timestamp)
            return true;
    return false;
}

std::vector<std::string> duplicateNames(const std::vector<std::string> &names)
{
    std::set<std::string> seen, reported;
    std::vector<std::string> out;
    for (const std::string &n : names)
        if (!seen.insert(n).second && reported.insert(n).second)
            out.push_back(n);
    return out;
}

} // namespace recforge
