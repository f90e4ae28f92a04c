#include "rowsink.h"

#include <charconv>
#include <cmath>

namespace recforge {

namespace {

std::string clip(std::string_view text, size_t max)
{
    if (text.size() <= max)
        return std::string(text);
    // Do not cut a UTF-8 character in half.
    size_t end = max;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80)
        --end;
    return std::string(text.substr(0, end)) + "...";
}

std::string stripLineEnd(std::string_view raw)
{
    while (!raw.empty() && (raw.back() == '\n' || raw.back() == '\r'))
        raw.remove_suffix(1);
    return clip(raw, 200);
}

} // namespace

InteractionRowSink::InteractionRowSink(Dataset &dataset, FileImportReport &report,
                                       const ImportOptions &options, SinkLayout layout,
                                       std::string file)
    : m_dataset(dataset), m_out(dataset.interactions), m_report(report),
      m_layout(std::move(layout)), m_file(std::move(file)), m_policy(options.errorPolicy),
      m_maxRejectedKept(options.maxRejectedKept), m_timeFormat(options.timestampFormat),
      m_timePattern(options.timestampPattern),
      m_fastIntegerTime(options.timestampFormat == TimestampFormat::Auto ||
                        options.timestampFormat == TimestampFormat::UnixSeconds ||
                        options.timestampFormat == TimestampFormat::UnixMillis),
      m_events(options.events, dataset.eventKinds)
{
    if (m_report.file.empty())
        m_report.file = m_file;
    // The default event is a kind name ("view"), possibly a spelling ("pv") or a custom kind.
    const std::string lowered = toLowerAscii(trimSpaces(options.defaultEvent));
    const std::string_view builtin = EventResolver::builtinKind(lowered);
    m_defaultEvent = dataset.eventKinds.intern(
        builtin.empty() ? (lowered.empty() ? std::string("view") : lowered) : std::string(builtin));
}

void InteractionRowSink::reserve(size_t rows)
{
    m_out.reserve(m_out.size() + rows);
    // Typical logs: ~10 rows per user, ~50 per item. Over-reserving the maps costs more than a
    // rehash, so stay conservative.
    m_dataset.users.reserve(size_t(m_dataset.users.size()) + rows / 10);
    m_dataset.items.reserve(size_t(m_dataset.items.size()) + rows / 50);
}

std::optional<float> InteractionRowSink::parseValue(std::string_view text)
{
    // Fast path: a single digit ("1", "5") is most values of most logs.
    if (text.size() == 1 && text[0] >= '0' && text[0] <= '9')
        return float(text[0] - '0');
    const std::optional<double> v = parseFloatStrict(text);
    if (!v || *v < 0 || !std::isfinite(float(*v)))
        return std::nullopt;
    return float(*v);
}

bool InteractionRowSink::rejectField(const SinkField &field, int64_t line, std::string reason,
                                     std::string_view raw)
{
    // rowsRead was already counted by add().
    --m_report.rowsRead;
    return reject(line, field.column, field.name, std::move(reason), raw);
}

bool InteractionRowSink::rejectTimestamp(std::string_view text, int64_t line, std::string_view raw)
{
    text = trimSpaces(text);
    return rejectField(m_layout.timestamp, line,
                       text.empty() ? std::string("empty timestamp")
                                    : "not a timestamp: '" + clip(text, 60) + "'",
                       raw);
}

bool InteractionRowSink::rejectValue(std::string_view text, int64_t line, std::string_view raw)
{
    const std::optional<double> v = parseFloatStrict(text);
    std::string reason;
    if (v && *v < 0)
        reason = "negative value: '" + clip(text, 60) + "'";
    else if (!v && (equalsIgnoreCase(text, "nan") || equalsIgnoreCase(text, "-nan") ||
                    equalsIgnoreCase(text, "+nan")))
        reason = "value is NaN";
    else
        reason = "not a finite number: '" + clip(text, 60) + "'";
    return rejectField(m_layout.value, line, std::move(reason), raw);
}

bool InteractionRowSink::reject(int64_t line, int64_t column, std::string field, std::string reason,
                                std::string_view raw)
{
    ++m_report.rowsRead;
    ++m_report.rowsRejected;
    if (m_policy == ErrorPolicy::StopAtFirstError) {
        m_stopped = true;
        m_error = Error{ErrorCode::Parse, reason, Location{m_file, line, column, field}};
    }
    if (m_report.rejected.size() < m_maxRejectedKept) {
        RejectedRow row;
        row.file = m_file;
        row.line = line;
        row.column = column;
        row.field = std::move(field);
        row.reason = std::move(reason);
        row.text = stripLineEnd(raw);
        m_report.rejected.push_back(std::move(row));
    }
    return !m_stopped;
}

Status InteractionRowSink::finish()
{
    if (m_report.rowsAccepted == 0) {
        std::string message = "no usable interaction rows";
        if (m_report.rowsRead > 0) {
            message += " (" + std::to_string(m_report.rowsRead) + " read, all rejected";
            if (!m_report.rejected.empty())
                message += "; first: line " + std::to_string(m_report.rejected.front().line) +
                           ": " + m_report.rejected.front().reason;
            message += ")";
        }
        Location where{m_file, 0, 0, {}};
        if (!m_report.rejected.empty()) {
            where.line = m_report.rejected.front().line;
            where.column = m_report.rejected.front().column;
            where.field = m_report.rejected.front().field;
        }
        return makeError(ErrorCode::Empty, std::move(message), std::move(where));
    }
    m_dataset.syncInfoSizes();
    return {};
}

} // namespace recforge
