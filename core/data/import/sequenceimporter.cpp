#include "sequenceimporter.h"

#include <chrono>

#include "data/import/formatsupport.h"
#include "data/import/importer.h"
#include "data/import/rowsink.h"
#include "data/import/textdecoder.h"

namespace recforge {

using namespace importdetail;

namespace {

constexpr size_t kMaxRepeatWarnings = 100;

bool hasExtension(const std::string &path, std::string_view extension)
{
    const std::string lowered = toLowerAscii(path);
    return lowered.size() >= extension.size() &&
           lowered.compare(lowered.size() - extension.size(), extension.size(), extension) == 0;
}

// The sink numbers rows by file position; the format's time is the position in the user's own
// sequence, which also continues correctly when a user appears on two lines.
void renumberPositions(Interactions &interactions, size_t firstRow, int32_t userCount)
{
    std::vector<int64_t> next(size_t(userCount), 0);
    for (size_t r = firstRow; r < interactions.size(); ++r)
        interactions.timestamp[r] = next[size_t(interactions.user[r])]++;
}

} // namespace

Expected<ImportResult> importSequences(const ImportOptions &options, Observer &observer,
                                       StopToken stop)
{
    const auto started = std::chrono::steady_clock::now();
    auto decoded = loadText(options.path, options.encoding);
    if (!decoded)
        return tl::unexpected(decoded.error());
    const std::string_view text = decoded->text();
    const std::string &file = options.path;

    ImportResult result;
    Dataset &dataset = result.dataset;
    dataset.name = options.datasetName.empty() ? fileStem(file) : options.datasetName;
    FileImportReport report;
    report.file = file;
    report.format = "sequence";
    report.encoding = decoded->encodingName;
    report.delimiter = ' ';

    ImportOptions effective = options;
    if (isGenericDefaultEvent(options))
        effective.defaultEvent = "purchase";
    {
        InteractionRowSink sink(dataset, report, effective,
                                SinkLayout{SinkField::at(1, "user"), SinkField::at(2, "item"),
                                           SinkField{}, SinkField{}, SinkField{}},
                                file);
        sink.reserve(text.size() / 6);
        std::vector<int64_t> firstLine; // per user index: line of the user's first sequence
        size_t repeats = 0;
        ProgressReporter progress(observer, stop, "parse " + displayName(file),
                                  int64_t(text.size()));
        LineCursor cursor(text);
        TextLine line;
        std::vector<std::string_view> tokens;
        while (cursor.next(line)) {
            if (!progress.tick(int64_t(cursor.position())))
                return tl::unexpected(cancelledError(file));
            splitWhitespace(line.text, tokens);
            if (tokens.empty())
                continue; // blank lines are not records
            if (tokens.size() == 1) {
                if (!sink.reject(line.number, 2, "item", "user has no items", line.text))
                    return tl::unexpected(sink.error());
                continue;
            }
            if (const auto known = dataset.users.find(tokens[0]);
                known && size_t(*known) < firstLine.size() && firstLine[size_t(*known)] > 0) {
                if (++repeats <= kMaxRepeatWarnings)
                    result.report.warnings.push_back(Warning{
                        "user '" + std::string(tokens[0]) + "' already had a sequence on line " +
                            std::to_string(firstLine[size_t(*known)]) + "; this line continues it",
                        Location{file, line.number, 1, "user"}});
            }
            for (size_t k = 1; k < tokens.size(); ++k)
                if (!sink.add(RecordFields{tokens[0], tokens[k], {}, {}, {}}, line.number,
                              line.text))
                    return tl::unexpected(sink.error());
            if (const auto index = dataset.users.find(tokens[0])) {
                if (firstLine.size() <= size_t(*index))
                    firstLine.resize(size_t(*index) + 1, 0);
                if (firstLine[size_t(*index)] == 0)
                    firstLine[size_t(*index)] = line.number;
            }
        }
        progress.finish();
        if (repeats > kMaxRepeatWarnings)
            result.report.warnings.push_back(Warning{
                std::to_string(repeats) + " lines continue an earlier user's sequence (first " +
                    std::to_string(kMaxRepeatWarnings) + " listed)",
                Location{file, 0, 0, {}}});
        if (Status done = sink.finish(); !done)
            return tl::unexpected(done.error());
    }
    renumberPositions(dataset.interactions, 0, dataset.userCount());
    result.report.files.push_back(std::move(report));

    if (!options.itemsPath.empty()) {
        auto items = hasExtension(options.itemsPath, ".json")
                         ? importItemAttributesJson(dataset, options.itemsPath, observer, stop,
                                                    options.errorPolicy)
                         : importItems(dataset, options, observer, stop);
        if (!items)
            return tl::unexpected(items.error());
        result.report.files.push_back(std::move(*items));
    }
    dataset.syncInfoSizes();
    result.report.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return result;
}

} // namespace recforge
