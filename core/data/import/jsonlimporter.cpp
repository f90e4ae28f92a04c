#include "jsonlimporter.h"

#include <chrono>
#include <optional>

#include "data/import/formatsupport.h"
#include "data/import/importer.h"
#include "data/import/jsonfields.h"
#include "data/import/rowsink.h"
#include "data/import/textdecoder.h"

namespace recforge {

using namespace importdetail;

namespace {

bool isRatingName(const std::string &key)
{
    const std::string lowered = toLowerAscii(key);
    return lowered == "rating" || lowered == "overall" || lowered == "score" || lowered == "stars";
}

// Fills empty column names from the first object's keys. Error when user or item stays unknown.
Status inferColumns(InteractionColumns &columns, const std::optional<Json> &sample,
                    const std::string &file)
{
    if (!sample)
        return {};
    const Json &o = *sample;
    if (columns.user.empty())
        columns.user = inferKey(o, {"user_id", "user", "uid", "visitor_id", "reviewer_id",
                                    "customer_id", "member_id", "client_id"});
    if (columns.item.empty())
        columns.item = inferKey(o, {"item_id", "item", "iid", "product_id", "product", "asin",
                                    "sku", "goods_id", "movie_id", "sid"});
    if (columns.timestamp.empty())
        columns.timestamp = inferKey(o, {"timestamp", "time", "ts", "unix_review_time", "datetime",
                                         "event_time", "date", "created_at"});
    if (columns.event.empty())
        columns.event = inferKey(
            o, {"event", "event_type", "behavior", "behaviour", "action", "interaction", "type"});
    if (columns.value.empty())
        columns.value = inferKey(o, {"rating", "value", "score", "overall", "weight", "stars"});
    std::string keys;
    for (auto it = o.begin(); it != o.end(); ++it)
        keys += (keys.empty() ? "" : ", ") + it.key();
    if (columns.user.empty())
        return makeError(ErrorCode::Schema,
                         "no user id field among the keys {" + keys + "}; set the user column",
                         Location{file, 0, 0, "user"});
    if (columns.item.empty())
        return makeError(ErrorCode::Schema,
                         "no item id field among the keys {" + keys + "}; set the item column",
                         Location{file, 0, 0, "item"});
    return {};
}

SinkField sinkField(const std::string &key)
{
    return key.empty() ? SinkField{} : SinkField::at(0, key);
}

class JsonInteractionReader {
public:
    JsonInteractionReader(Dataset &dataset, FileImportReport &report, const ImportOptions &options,
                          const InteractionColumns &columns, std::string file)
        : m_columns(columns), m_file(file), m_report(report),
          m_sink(dataset, report, options,
                 SinkLayout{sinkField(columns.user), sinkField(columns.item),
                            sinkField(columns.timestamp), sinkField(columns.event),
                            sinkField(columns.value)},
                 file)
    {
    }

    // False when the import must stop (error() says why).
    bool addLine(const TextLine &line)
    {
        Json object;
        try {
            object = Json::parse(line.text.begin(), line.text.end());
        } catch (const Json::parse_error &e) {
            const int64_t column = e.byte > 0 ? codePointColumn(line.text, e.byte - 1) : 1;
            return rejected(m_sink.reject(line.number, column, {}, syntaxReason(e), line.text));
        }
        if (!object.is_object())
            return rejected(m_sink.reject(
                line.number, 1, {},
                std::string("expected a JSON object, found ") + jsonTypeName(object), line.text));
        if (!idField(object, m_columns.user, "user", m_user, line) ||
            !idField(object, m_columns.item, "item", m_item, line))
            return !m_sink.stopped();
        if (!scalarField(object, m_columns.timestamp, m_time, line) ||
            !scalarField(object, m_columns.event, m_event, line) ||
            !scalarField(object, m_columns.value, m_value, line))
            return !m_sink.stopped();

        const int64_t rejectedBefore = m_report.rowsRejected;
        const bool go = m_sink.add(RecordFields{m_user, m_item, m_time, m_event, m_value},
                                   line.number, line.text);
        if (m_report.rowsRejected != rejectedBefore && !m_report.rejected.empty()) {
            // The sink knows the key but not where it is on the line: point at the value.
            RejectedRow &row = m_report.rejected.back();
            if (row.line == line.number && row.column == 0)
                row.column = valueColumn(line.text, row.field);
        }
        if (!go) {
            m_error = m_sink.error();
            if (m_error.location.column == 0)
                m_error.location.column = valueColumn(line.text, m_error.location.field);
        }
        return go;
    }

    Status finish() { return m_sink.finish(); }
    const Error &error() const { return m_error; }
    void reserve(size_t rows) { m_sink.reserve(rows); }

private:
    static std::string syntaxReason(const Json::parse_error &e)
    {
        // nlohmann's message repeats the position; keep the part after "syntax error ".
        std::string what = e.what();
        const size_t pos = what.find("syntax error");
        return pos == std::string::npos ? "invalid JSON" : "invalid JSON: " + what.substr(pos);
    }

    // Passes the sink's verdict on; keeps its error when the import stops.
    bool rejected(bool go)
    {
        if (!go)
            m_error = m_sink.error();
        return go;
    }

    bool idField(const Json &object, const std::string &key, const char *what, std::string &out,
                 const TextLine &line)
    {
        const Json *value = findField(object, key);
        std::string reason;
        if (!value || value->is_null()) {
            reason = std::string("missing ") + what + " id";
            rejected(m_sink.reject(line.number, 0, key, reason, line.text));
            return false;
        }
        if (!idText(*value, out, reason)) {
            rejected(m_sink.reject(line.number, valueColumn(line.text, key), key,
                                   std::string(what) + " " + reason, line.text));
            return false;
        }
        return true;
    }

    bool scalarField(const Json &object, const std::string &key, std::string &out,
                     const TextLine &line)
    {
        out.clear();
        if (key.empty())
            return true;
        const Json *value = findField(object, key);
        if (!value)
            return true; // an absent optional field is empty: the sink decides what that means
        std::string reason;
        if (!scalarText(*value, out, reason)) {
            rejected(m_sink.reject(line.number, valueColumn(line.text, key), key,
                                   key + ": " + reason, line.text));
            return false;
        }
        return true;
    }

    InteractionColumns m_columns;
    std::string m_file;
    FileImportReport &m_report;
    InteractionRowSink m_sink;
    Error m_error;
    std::string m_user, m_item, m_time, m_event, m_value;
};

} // namespace

Expected<ImportResult> importJsonLines(const ImportOptions &options, Observer &observer,
                                       StopToken stop)
{
    const auto started = std::chrono::steady_clock::now();
    auto decoded = loadText(options.path, options.encoding);
    if (!decoded)
        return tl::unexpected(decoded.error());
    const std::string_view text = decoded->text();
    const std::string &file = options.path;

    ImportResult result;
    result.dataset.name =
        options.datasetName.empty() ? fileStem(options.path) : options.datasetName;
    FileImportReport report;
    report.file = file;
    report.format = "jsonl";
    report.encoding = decoded->encodingName;

    const std::optional<Json> sample = sampleObject(text);
    ImportOptions effective = options;
    InteractionColumns &columns = effective.columns;
    const bool valueInferred = columns.value.empty();
    if (Status inferred = inferColumns(columns, sample, file); !inferred)
        return tl::unexpected(inferred.error());
    if (columns.user.empty())
        columns.user = "user_id"; // no object at all: every line is rejected below
    if (columns.item.empty())
        columns.item = "item_id";
    if (valueInferred && isRatingName(columns.value) && columns.event.empty() &&
        isGenericDefaultEvent(options))
        effective.defaultEvent = "rating";

    {
        JsonInteractionReader reader(result.dataset, report, effective, columns, file);
        reader.reserve(text.size() / 80);
        ProgressReporter progress(observer, stop, "parse " + displayName(file),
                                  int64_t(text.size()));
        LineCursor cursor(text);
        TextLine line;
        while (cursor.next(line)) {
            if (!progress.tick(int64_t(cursor.position())))
                return tl::unexpected(cancelledError(file));
            if (isBlank(line.text))
                continue; // blank lines are not records (documented in the header)
            if (!reader.addLine(line))
                return tl::unexpected(reader.error());
        }
        progress.finish();
        if (Status done = reader.finish(); !done)
            return tl::unexpected(done.error());
    }
    result.report.files.push_back(std::move(report));

    if (!options.itemsPath.empty()) {
        // importItems picks JSON Lines or a delimited reader by the file's extension.
        auto items = importItems(result.dataset, options, observer, stop);
        if (!items)
            return tl::unexpected(items.error());
        result.report.files.push_back(std::move(*items));
    }
    if (!options.usersPath.empty()) {
        auto users = importUsers(result.dataset, options, observer, stop);
        if (!users)
            return tl::unexpected(users.error());
        result.report.files.push_back(std::move(*users));
    }
    result.dataset.syncInfoSizes();
    result.report.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return result;
}

} // namespace recforge
