#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/error.h"
#include "data/dataset.h"
#include "data/import/fieldparsers.h"
#include "data/import/importoptions.h"

namespace recforge {

// Where one logical field of an interaction record comes from, for error messages.
struct SinkField {
    bool mapped = false;
    int64_t column = 0; // 1-based source column (0 = unknown / not a column)
    std::string name;   // header name or JSON key, when known

    static SinkField at(int64_t column, std::string name = {})
    {
        return SinkField{true, column, std::move(name)};
    }
};

// Which logical fields a source provides. user and item must be mapped; an unmapped timestamp
// makes the record position the time, an unmapped event uses ImportOptions::defaultEvent, an
// unmapped value uses the event's weight.
struct SinkLayout {
    SinkField user, item, timestamp, event, value;
};

// The already-split text of one record. Fields whose SinkField is not mapped are ignored.
// Surrounding spaces are ignored in every field.
struct RecordFields {
    std::string_view user, item, timestamp, event, value;
};

// Validates records and appends them to a Dataset's interactions, interning user and item ids;
// counts every record into a FileImportReport and applies the ErrorPolicy. Shared by every
// interactions importer; add() is the hot loop of a 10M-row import.
//
// A record is rejected (with a reason and the offending column) when: user or item id is empty;
// the timestamp is mapped but empty or does not parse; the event does not resolve; the value is
// mapped, non-empty and not a finite number >= 0. An empty value uses the event weight.
// Invariant after every call: report.rowsRead == report.rowsAccepted + report.rowsRejected.
class InteractionRowSink {
public:
    // `file` is the name used in locations; it is also written to report.file when that is empty.
    InteractionRowSink(Dataset &dataset, FileImportReport &report, const ImportOptions &options,
                       SinkLayout layout, std::string file);

    // Reserves columns (and id maps, from rough ratios) for about `rows` records.
    void reserve(size_t rows);

    // Adds one record that starts on 1-based physical `line`; `raw` is its text for the report
    // (only copied when the record is rejected). Returns false when the import must stop because
    // ErrorPolicy::StopAtFirstError met a bad record; error() then names file:line:column (field).
    bool add(const RecordFields &fields, int64_t line, std::string_view raw)
    {
        return addImpl<false>(fields, line, raw, 0, 0);
    }

    // Bulk loaders: hash ids a few records ahead and prefetch their id-map slots, so the cache
    // misses of many records overlap; then add with the hashes. Same result as add().
    static uint64_t hashId(std::string_view rawId) { return IdMap::hashOf(trimSpaces(rawId)); }
    void prefetch(uint64_t userHash, uint64_t itemHash) const
    {
        m_dataset.users.prefetch(userHash);
        m_dataset.items.prefetch(itemHash);
    }
    bool add(const RecordFields &fields, int64_t line, std::string_view raw, uint64_t userHash,
             uint64_t itemHash)
    {
        return addImpl<true>(fields, line, raw, userHash, itemHash);
    }

    // Counts a record the reader itself could not split (ragged row, bad quote) under the same
    // policy. `column` is 1-based (0 = whole row). Returns false when the import must stop.
    bool reject(int64_t line, int64_t column, std::string field, std::string reason,
                std::string_view raw);

    // After the last record: an Empty error when no record was accepted (the message says how many
    // were read and rejected, and names the first rejection). Otherwise fills dataset info sizes.
    Status finish();

    // The StopAtFirstError error (valid after add()/reject() returned false).
    const Error &error() const { return m_error; }
    bool stopped() const { return m_stopped; }
    const FileImportReport &report() const { return m_report; }

private:
    template <bool Hashed>
    bool addImpl(const RecordFields &fields, int64_t line, std::string_view raw, uint64_t userHash,
                 uint64_t itemHash)
    {
        ++m_report.rowsRead;
        const std::string_view user = trimSpaces(fields.user);
        const std::string_view item = trimSpaces(fields.item);
        if (user.empty()) [[unlikely]]
            return rejectField(m_layout.user, line, "empty user id", raw);
        if (item.empty()) [[unlikely]]
            return rejectField(m_layout.item, line, "empty item id", raw);

        int64_t ts = m_report.rowsRead - 1; // position in the file when there is no time column
        if (m_layout.timestamp.mapped) {
            const std::optional<int64_t> parsed = parseTime(fields.timestamp);
            if (!parsed) [[unlikely]]
                return rejectTimestamp(fields.timestamp, line, raw);
            ts = *parsed;
        }

        uint16_t event = m_defaultEvent;
        float value = m_defaultWeight;
        if (m_layout.event.mapped) {
            auto resolved = m_events.resolve(trimSpaces(fields.event));
            if (!resolved) [[unlikely]]
                return rejectField(m_layout.event, line, resolved.error(), raw);
            event = resolved->code;
            value = resolved->weight;
        }
        if (m_layout.value.mapped) {
            const std::string_view text = trimSpaces(fields.value);
            if (!text.empty()) {
                const std::optional<float> parsed = parseValue(text);
                if (!parsed) [[unlikely]]
                    return rejectValue(text, line, raw);
                value = *parsed;
            }
        }

        if constexpr (Hashed) {
            m_out.user.push_back(m_dataset.users.intern(user, userHash));
            m_out.item.push_back(m_dataset.items.intern(item, itemHash));
        } else {
            m_out.user.push_back(m_dataset.users.intern(user));
            m_out.item.push_back(m_dataset.items.intern(item));
        }
        m_out.timestamp.push_back(ts);
        m_out.event.push_back(event);
        m_out.value.push_back(value);
        ++m_report.rowsAccepted;
        return true;
    }

    std::optional<int64_t> parseTime(std::string_view text) const
    {
        text = trimSpaces(text);
        if (m_fastIntegerTime) {
            // Fast path for the common all-digit unix time; anything else takes the general parser.
            int64_t v = 0;
            size_t i = 0;
            for (; i < text.size() && i < 18; ++i) {
                const unsigned d = unsigned(text[i]) - '0';
                if (d > 9)
                    break;
                v = v * 10 + d;
            }
            if (i == text.size() && i > 0 && i < 18) {
                if (m_timeFormat == TimestampFormat::UnixMillis ||
                    (m_timeFormat == TimestampFormat::Auto && v > 100000000000LL))
                    return v / 1000;
                return v;
            }
        }
        return parseTimestamp(text, m_timeFormat, m_timePattern);
    }
    static std::optional<float> parseValue(std::string_view text);

    bool rejectField(const SinkField &field, int64_t line, std::string reason,
                     std::string_view raw);
    bool rejectTimestamp(std::string_view text, int64_t line, std::string_view raw);
    bool rejectValue(std::string_view text, int64_t line, std::string_view raw);

    Dataset &m_dataset;
    Interactions &m_out;
    FileImportReport &m_report;
    SinkLayout m_layout;
    std::string m_file;
    ErrorPolicy m_policy;
    size_t m_maxRejectedKept;
    TimestampFormat m_timeFormat;
    std::string m_timePattern;
    bool m_fastIntegerTime;
    EventResolver m_events;
    uint16_t m_defaultEvent = 0;
    float m_defaultWeight = 1.0f;
    bool m_stopped = false;
    Error m_error;
};

} // namespace recforge
