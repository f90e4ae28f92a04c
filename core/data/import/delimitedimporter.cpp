#include "delimitedimporter.h"

#include <algorithm>
#include <array>
#include <chrono>

#include "data/import/columninference.h"
#include "data/import/formatsupport.h"
#include "data/import/importer.h"
#include "data/import/rowsink.h"

namespace recforge {

namespace {

constexpr size_t kSniffBytes = 64 * 1024;
constexpr size_t kSampleRecords = 200;

std::string_view sniffWindow(std::string_view text)
{
    return text.substr(0, std::min(text.size(), kSniffBytes));
}

// Rows in `text` estimated from the line density of its first megabyte.
size_t estimateRows(std::string_view text)
{
    const std::string_view head = text.substr(0, std::min<size_t>(text.size(), 1 << 20));
    const size_t lines = size_t(std::count(head.begin(), head.end(), '\n')) + 1;
    return size_t(double(text.size()) * double(lines) / double(std::max<size_t>(head.size(), 1)) *
                  1.02) +
           16;
}

SinkField sinkField(const std::vector<std::string> &names, std::optional<size_t> index)
{
    if (!index)
        return {};
    return SinkField::at(int64_t(*index) + 1, names[*index]);
}

std::string joinNames(const std::vector<std::string> &names)
{
    std::string out;
    for (size_t i = 0; i < names.size(); ++i)
        out += (i ? ", " : "") + names[i];
    return out;
}

// True when the options map a column by a name that is a cell of the first record: then that
// record is a header even if its cells look like data.
bool namesMappedColumn(const DelimitedRecord &first, const ImportOptions &options)
{
    const std::string *refs[] = {&options.columns.user,      &options.columns.item,
                                 &options.columns.timestamp, &options.columns.event,
                                 &options.columns.value,     &options.itemColumns.item,
                                 &options.userColumns.user};
    for (const std::string *ref : refs) {
        if (ref->empty() || (*ref)[0] == '#')
            continue;
        for (std::string_view cell : first.fields)
            if (trimSpaces(cell) == *ref)
                return true;
    }
    return false;
}

// Rejects a record with the wrong number of fields or malformed quoting.
bool rejectMalformed(InteractionRowSink &sink, const DelimitedRecord &record,
                     const std::vector<std::string> &names)
{
    const size_t expected = names.size();
    if (record.fields.size() != expected) {
        const size_t found = record.fields.size();
        const size_t column = std::min(found, expected) + 1;
        return sink.reject(
            record.line, int64_t(column), column <= expected ? names[column - 1] : std::string(),
            "expected " + std::to_string(expected) + " fields, found " + std::to_string(found),
            record.raw);
    }
    const size_t c = size_t(record.problemColumn);
    return sink.reject(record.line, record.problemColumn,
                       c <= expected ? names[c - 1] : std::string(), record.problem, record.raw);
}

} // namespace

Expected<DelimitedSource> openDelimited(const std::string &path, const ImportOptions &options,
                                        size_t maxBytes)
{
    auto decoded = loadText(path, options.encoding, maxBytes);
    if (!decoded)
        return tl::unexpected(decoded.error());
    DelimitedSource src;
    src.path = path;
    src.file = path;
    src.text = std::move(*decoded);
    const std::string_view text = src.text.text();
    const std::string_view window = sniffWindow(text);
    src.delimiter = options.delimiter != 0 ? options.delimiter : sniffDelimiter(window);

    src.reader.emplace(text, src.delimiter, src.file);
    DelimitedRecord first;
    const auto status = src.reader->next(first);
    if (status == DelimitedReader::Status::Error)
        return tl::unexpected(src.reader->error());
    if (status == DelimitedReader::Status::End)
        return makeError(ErrorCode::Empty, "the file is empty (no records)",
                         Location{src.file, 0, 0, {}});

    std::vector<SampleRecord> sample = readSampleRecords(window, src.delimiter, kSampleRecords + 1);
    src.hasHeader = options.hasHeader.has_value()
                        ? *options.hasHeader
                        : sniffHeader(sample) || namesMappedColumn(first, options);
    if (src.hasHeader) {
        for (size_t c = 0; c < first.fields.size(); ++c) {
            const std::string_view name = trimSpaces(first.fields[c]);
            src.names.push_back(name.empty() ? "column " + std::to_string(c + 1)
                                             : std::string(name));
        }
        const std::vector<std::string> dups = duplicateNames(src.names);
        if (!dups.empty())
            return makeError(ErrorCode::Schema,
                             "duplicate column names in the header: " + joinNames(dups),
                             Location{src.file, first.line, 0, dups.front()});
        if (!sample.empty())
            sample.erase(sample.begin());
        if (sample.empty()) {
            // The window may end inside a long first record; ask the reader itself.
            DelimitedReader probe = *src.reader;
            DelimitedRecord next;
            const auto st = probe.next(next);
            if (st == DelimitedReader::Status::Error)
                return tl::unexpected(probe.error());
            if (st == DelimitedReader::Status::End)
                return makeError(ErrorCode::Empty, "the file has a header but no data rows",
                                 Location{src.file, first.line, 0, {}});
            SampleRecord s;
            s.line = next.line;
            s.fields.assign(next.fields.begin(), next.fields.end());
            sample.push_back(std::move(s));
        }
    } else {
        for (size_t c = 0; c < first.fields.size(); ++c)
            src.names.push_back("column " + std::to_string(c + 1));
        src.reader.emplace(text, src.delimiter, src.file);
        if (sample.empty()) {
            SampleRecord s;
            s.line = first.line;
            s.fields.assign(first.fields.begin(), first.fields.end());
            sample.push_back(std::move(s));
        }
    }
    if (sample.size() > kSampleRecords)
        sample.resize(kSampleRecords);
    src.sample = std::move(sample);
    return src;
}

Expected<ImportResult> importDelimited(const ImportOptions &options, Observer &observer,
                                       StopToken stop)
{
    const auto started = std::chrono::steady_clock::now();
    auto opened = openDelimited(options.path, options);
    if (!opened)
        return tl::unexpected(opened.error());
    DelimitedSource &src = *opened;

    // Column mapping: explicit, or inferred as a whole when user or item is missing.
    InteractionColumns cols = options.columns;
    if (cols.user.empty() || cols.item.empty()) {
        const auto types = inferColumnTypes(src.sample, src.names.size());
        const InteractionColumns guess =
            suggestInteractionColumns(src.names, types, src.sample, src.hasHeader);
        if (cols.user.empty() && cols.item.empty()) {
            cols = guess;
        } else {
            cols.user = cols.user.empty() ? guess.user : cols.user;
            cols.item = cols.item.empty() ? guess.item : cols.item;
        }
    }
    for (const auto &[name, value] : {std::pair{"user", &cols.user}, {"item", &cols.item}})
        if (value->empty())
            return makeError(ErrorCode::Schema,
                             std::string("cannot tell which column holds the ") + name +
                                 " id; map it explicitly (columns: " + joinNames(src.names) + ")",
                             Location{src.file, 0, 0, name});
    auto resolve = [&](const std::string &ref,
                       const char *role) -> Expected<std::optional<size_t>> {
        if (ref.empty())
            return std::optional<size_t>();
        auto index = resolveColumn(ref, src.names, src.hasHeader, role, src.file);
        if (!index)
            return tl::unexpected(index.error());
        return std::optional<size_t>(*index);
    };
    auto userCol = resolve(cols.user, "user");
    auto itemCol = resolve(cols.item, "item");
    auto timeCol = resolve(cols.timestamp, "timestamp");
    auto eventCol = resolve(cols.event, "event");
    auto valueCol = resolve(cols.value, "value");
    for (auto *col : {&userCol, &itemCol, &timeCol, &eventCol, &valueCol})
        if (!*col)
            return tl::unexpected(col->error());

    ImportResult result;
    Dataset &dataset = result.dataset;
    dataset.name =
        options.datasetName.empty() ? importdetail::fileStem(options.path) : options.datasetName;
    FileImportReport report;
    report.file = src.file;
    report.format = importFormatName(ImportFormat::Delimited);
    report.encoding = src.text.encodingName;
    report.delimiter = src.delimiter;
    report.header = src.hasHeader;

    SinkLayout layout;
    layout.user = sinkField(src.names, *userCol);
    layout.item = sinkField(src.names, *itemCol);
    layout.timestamp = sinkField(src.names, *timeCol);
    layout.event = sinkField(src.names, *eventCol);
    layout.value = sinkField(src.names, *valueCol);
    InteractionRowSink sink(dataset, report, options, layout, src.file);
    const std::string_view text = src.text.text();
    sink.reserve(estimateRows(text));

    // Unmapped fields read an index past the record: point them at an always-empty extra slot.
    const size_t expected = src.names.size();
    const size_t none = expected;
    const size_t iu = **userCol, ii = **itemCol;
    const size_t it = timeCol->value_or(none), ie = eventCol->value_or(none),
                 iv = valueCol->value_or(none);

    ProgressReporter progress(observer, stop, "parse", int64_t(text.size()));
    DelimitedReader &reader = *src.reader;
    DelimitedRecord record;
    record.fields.reserve(expected + 1);

    // Records pass through a short queue: a record's ids are hashed and their id-map slots
    // prefetched kAhead records before it is added, so the cache misses of consecutive records
    // overlap (the id maps of a 10M-row log do not fit in cache). Rows are still added strictly in
    // file order, and the queue is drained before any rejection or error.
    struct Pending {
        RecordFields fields;
        int64_t line;
        std::string_view raw;
        uint64_t userHash, itemHash;
    };
    constexpr size_t kAhead = 16;
    std::array<Pending, kAhead> queue;
    size_t head = 0, queued = 0;
    auto addOldest = [&]() {
        const Pending &p = queue[head];
        head = (head + 1) % kAhead;
        --queued;
        return sink.add(p.fields, p.line, p.raw, p.userHash, p.itemHash);
    };
    auto flush = [&]() {
        while (queued > 0)
            if (!addOldest())
                return false;
        return true;
    };

    uint32_t sinceTick = 0;
    for (;;) {
        const auto status = reader.next(record);
        if (status == DelimitedReader::Status::End)
            break;
        if (status == DelimitedReader::Status::Error) {
            if (!flush())
                return tl::unexpected(sink.error());
            return tl::unexpected(reader.error());
        }
        bool ok = true;
        if (record.fields.size() != expected || record.problemColumn != 0) [[unlikely]] {
            ok = flush() && rejectMalformed(sink, record, src.names);
        } else {
            if (queued == kAhead)
                ok = addOldest();
            record.fields.emplace_back(); // the empty slot for unmapped fields
            const std::string_view *f = record.fields.data();
            Pending &p = queue[(head + queued++) % kAhead];
            p.fields = RecordFields{f[iu], f[ii], f[it], f[ie], f[iv]};
            p.line = record.line;
            p.raw = record.raw;
            p.userHash = InteractionRowSink::hashId(p.fields.user);
            p.itemHash = InteractionRowSink::hashId(p.fields.item);
            sink.prefetch(p.userHash, p.itemHash);
            // Views into the reader's scratch buffer do not survive the next record.
            if (record.usesScratch)
                ok = ok && flush();
        }
        if (!ok)
            return tl::unexpected(sink.error());
        if (++sinceTick == 16384) {
            sinceTick = 0;
            if (!progress.tick(int64_t(reader.position())))
                return tl::unexpected(importdetail::cancelledError(src.file));
        }
    }
    if (!flush())
        return tl::unexpected(sink.error());
    if (!progress.finish())
        return tl::unexpected(importdetail::cancelledError(src.file));
    if (auto done = sink.finish(); !done)
        return tl::unexpected(done.error());
    // The decoded text is no longer needed; release it before the side files are read.
    src.reader.reset();
    src.text = DecodedText();
    result.report.files.push_back(std::move(report));

    if (!options.itemsPath.empty()) {
        auto items = importItems(dataset, options, observer, stop);
        if (!items)
            return tl::unexpected(items.error());
        result.report.files.push_back(std::move(*items));
    }
    if (!options.usersPath.empty()) {
        auto users = importUsers(dataset, options, observer, stop);
        if (!users)
            return tl::unexpected(users.error());
        result.report.files.push_back(std::move(*users));
    }
    result.report.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return result;
}

} // namespace recforge
