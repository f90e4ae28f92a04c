#include "importer.h"

#include <algorithm>
#include <set>

#include "data/import/delimitedimporter.h"
#include "data/import/fieldparsers.h"
#include "data/import/formatdetection.h"
#include "data/import/jsonlimporter.h"
#include "data/import/movielensimporter.h"
#include "data/import/recboleimporter.h"
#include "data/import/sequenceimporter.h"

namespace recforge {

Expected<ImportResult> importDataset(const ImportOptions &options, Observer &observer,
                                     StopToken stop)
{
    if (options.path.empty())
        return makeError(ErrorCode::InvalidArgument, "no interactions file given");
    auto format = resolveImportFormat(options);
    if (!format)
        return tl::unexpected(format.error());
    switch (*format) {
    case ImportFormat::JsonLines:
        return importJsonLines(options, observer, std::move(stop));
    case ImportFormat::Sequence:
        return importSequences(options, observer, std::move(stop));
    case ImportFormat::MovieLens:
        return importMovieLens(options, observer, std::move(stop));
    case ImportFormat::RecBole:
        return importRecBole(options, observer, std::move(stop));
    case ImportFormat::Auto:
    case ImportFormat::Delimited:
        break;
    }
    return importDelimited(options, observer, std::move(stop));
}

Expected<FileImportReport> importItems(Dataset &dataset, const ImportOptions &options,
                                       Observer &observer, StopToken stop)
{
    if (options.itemsPath.empty())
        return makeError(ErrorCode::InvalidArgument, "no catalogue file given");
    // The caller passes a copy (see importer.h), so a failure half-way needs no rollback here.
    if (sideFileFormat(options.itemsPath) == ImportFormat::JsonLines)
        return importJsonLinesItems(dataset, options, observer, std::move(stop));
    return importDelimitedItems(dataset, options, observer, std::move(stop));
}

Expected<FileImportReport> importUsers(Dataset &dataset, const ImportOptions &options,
                                       Observer &observer, StopToken stop)
{
    if (options.usersPath.empty())
        return makeError(ErrorCode::InvalidArgument, "no user file given");
    if (sideFileFormat(options.usersPath) == ImportFormat::JsonLines)
        return importJsonLinesUsers(dataset, options, observer, std::move(stop));
    return importDelimitedUsers(dataset, options, observer, std::move(stop));
}

const char *importFormatName(ImportFormat format)
{
    switch (format) {
    case ImportFormat::Auto:
        return "auto";
    case ImportFormat::Delimited:
        return "delimited";
    case ImportFormat::JsonLines:
        return "jsonl";
    case ImportFormat::Sequence:
        return "sequence";
    case ImportFormat::MovieLens:
        return "movielens";
    case ImportFormat::RecBole:
        return "recbole";
    }
    return "auto";
}

Expected<ImportFormat> parseImportFormat(const std::string &name)
{
    const std::string key = toLowerAscii(trimSpaces(name));
    struct Alias {
        std::string_view name;
        ImportFormat format;
    };
    static constexpr Alias kAliases[] = {
        {"auto", ImportFormat::Auto},           {"", ImportFormat::Auto},
        {"delimited", ImportFormat::Delimited}, {"csv", ImportFormat::Delimited},
        {"tsv", ImportFormat::Delimited},       {"jsonl", ImportFormat::JsonLines},
        {"json", ImportFormat::JsonLines},      {"jsonlines", ImportFormat::JsonLines},
        {"ndjson", ImportFormat::JsonLines},    {"sequence", ImportFormat::Sequence},
        {"seq", ImportFormat::Sequence},        {"movielens", ImportFormat::MovieLens},
        {"ml-100k", ImportFormat::MovieLens},   {"ml100k", ImportFormat::MovieLens},
        {"recbole", ImportFormat::RecBole},     {"atomic", ImportFormat::RecBole},
    };
    for (const Alias &a : kAliases)
        if (a.name == key)
            return a.format;
    return makeError(ErrorCode::InvalidArgument,
                     "unknown import format '" + name +
                         "' (expected auto, delimited, jsonl, sequence, movielens or recbole)");
}

const char *columnTypeName(ColumnType type)
{
    switch (type) {
    case ColumnType::Empty:
        return "empty";
    case ColumnType::Integer:
        return "integer";
    case ColumnType::Real:
        return "real";
    case ColumnType::Timestamp:
        return "timestamp";
    case ColumnType::Text:
        return "text";
    }
    return "text";
}

} // namespace recforge
