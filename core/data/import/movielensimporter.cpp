#include "movielensimporter.h"

#include <chrono>

#include "data/import/fieldparsers.h"
#include "data/import/formatsupport.h"
#include "data/import/movielensside.h"
#include "data/import/rowsink.h"
#include "data/import/textdecoder.h"

namespace recforge {

using namespace importdetail;

namespace {

// u.data: "user<TAB>item<TAB>rating<TAB>unix-seconds". Lines without a tab are split on runs of
// spaces (some redistributions re-save the file that way).
Status readRatings(Dataset &dataset, FileImportReport &report, const ImportOptions &options,
                   std::string_view text, const std::string &file, Observer &observer,
                   StopToken stop)
{
    static const char *const kNames[] = {"user", "item", "rating", "timestamp"};
    InteractionRowSink sink(dataset, report, options,
                            SinkLayout{SinkField::at(1, kNames[0]), SinkField::at(2, kNames[1]),
                                       SinkField::at(4, kNames[3]), SinkField{},
                                       SinkField::at(3, kNames[2])},
                            file);
    sink.reserve(text.size() / 24);
    ProgressReporter progress(observer, std::move(stop), "parse " + displayName(file),
                              int64_t(text.size()));
    LineCursor cursor(text);
    TextLine line;
    std::vector<std::string_view> fields;
    while (cursor.next(line)) {
        if (!progress.tick(int64_t(cursor.position())))
            return tl::unexpected(cancelledError(file));
        if (isBlank(line.text))
            continue; // blank lines are not records
        if (line.text.find('\t') != std::string_view::npos)
            splitOn(line.text, '\t', fields);
        else
            splitWhitespace(line.text, fields);
        if (fields.size() != 4) {
            const bool few = fields.size() < 4;
            const size_t column = few ? fields.size() + 1 : 5;
            const std::string reason = "expected 4 fields (user, item, rating, timestamp), found " +
                                       std::to_string(fields.size());
            if (!sink.reject(line.number, int64_t(column), few ? kNames[column - 1] : "", reason,
                             line.text))
                return tl::unexpected(sink.error());
            continue;
        }
        if (!sink.add(RecordFields{fields[0], fields[1], fields[3], {}, fields[2]}, line.number,
                      line.text))
            return tl::unexpected(sink.error());
    }
    progress.finish();
    return sink.finish();
}

} // namespace

Expected<ImportResult> importMovieLens(const ImportOptions &options, Observer &observer,
                                       StopToken stop)
{
    const auto started = std::chrono::steady_clock::now();
    const std::string dataPath =
        isDirectory(options.path) ? siblingPath(options.path + "/", "u.data") : options.path;
    auto decoded = loadText(dataPath, options.encoding);
    if (!decoded)
        return tl::unexpected(decoded.error());

    ImportResult result;
    Dataset &dataset = result.dataset;
    dataset.name =
        options.datasetName.empty()
            ? (isDirectory(options.path) ? displayName(options.path) : fileStem(dataPath))
            : options.datasetName;
    FileImportReport report;
    report.file = dataPath;
    report.format = "movielens";
    report.encoding = decoded->encodingName;
    report.delimiter = '\t';

    ImportOptions effective = options;
    if (isGenericDefaultEvent(options))
        effective.defaultEvent = "rating";
    // The file holds unix seconds; Auto would also accept dates, which are not u.data.
    if (effective.timestampFormat == TimestampFormat::Auto)
        effective.timestampFormat = TimestampFormat::UnixSeconds;
    if (Status read =
            readRatings(dataset, report, effective, decoded->text(), dataPath, observer, stop);
        !read)
        return tl::unexpected(read.error());
    result.report.files.push_back(std::move(report));
    decoded = {}; // release the ratings text before the side files

    const std::string itemsPath =
        !options.itemsPath.empty()
            ? options.itemsPath
            : (fileExists(siblingPath(dataPath, "u.item")) ? siblingPath(dataPath, "u.item")
                                                           : std::string());
    if (!itemsPath.empty()) {
        auto items = importMovieLensItems(dataset, itemsPath, options, observer, stop);
        if (!items)
            return tl::unexpected(items.error());
        result.report.files.push_back(std::move(*items));
    }
    const std::string usersPath =
        !options.usersPath.empty()
            ? options.usersPath
            : (fileExists(siblingPath(dataPath, "u.user")) ? siblingPath(dataPath, "u.user")
                                                           : std::string());
    if (!usersPath.empty()) {
        auto users = importMovieLensUsers(dataset, usersPath, options, observer, stop);
        if (!users)
            return tl::unexpected(users.error());
        result.report.files.push_back(std::move(*users));
    }
    dataset.syncInfoSizes();
    result.report.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return result;
}

} // namespace recforge
