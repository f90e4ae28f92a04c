#include "formatdetection.h"

#include <filesystem>
#include <set>

#include "data/import/fieldparsers.h"
#include "data/import/textdecoder.h"

namespace fs = std::filesystem;

namespace recforge {

namespace {

std::string lowerExtension(const fs::path &path)
{
    return toLowerAscii(path.extension().string());
}

bool isJsonExtension(const std::string &ext)
{
    return ext == ".jsonl" || ext == ".json" || ext == ".ndjson";
}

} // namespace

bool looksLikeSequenceText(std::string_view sample)
{
    if (sample.find_first_of(",;|") != std::string_view::npos)
        return false;
    std::set<size_t> counts;
    size_t lines = 0;
    size_t pos = 0;
    while (pos < sample.size() && lines < 200) {
        size_t end = sample.find('\n', pos);
        if (end == std::string_view::npos)
            end = sample.size();
        const std::string_view line = trimSpaces(sample.substr(pos, end - pos));
        pos = end + 1;
        if (line.empty())
            continue;
        size_t tokens = 0;
        bool inToken = false;
        for (char c : line) {
            const bool space = c == ' ' || c == '\t';
            if (!space && !inToken)
                ++tokens;
            inToken = !space;
        }
        if (tokens < 2)
            return false;
        counts.insert(tokens);
        ++lines;
    }
    // A constant count is a whitespace table, not a sequence file. One line cannot tell; call it a
    // sequence only when it is long (a user with several items).
    return lines > 0 && (counts.size() > 1 || (lines == 1 && *counts.begin() > 3));
}

Expected<ImportFormat> detectImportFormat(const std::string &path)
{
    std::error_code ec;
    const fs::path p(path);
    if (!fs::exists(p, ec))
        return makeError(ErrorCode::Io, "no such file or folder", Location{path, 0, 0, {}});
    if (fs::is_directory(p, ec)) {
        if (fs::exists(p / "u.data", ec))
            return ImportFormat::MovieLens;
        for (const auto &entry : fs::directory_iterator(p, ec))
            if (lowerExtension(entry.path()) == ".inter")
                return ImportFormat::RecBole;
        return makeError(ErrorCode::InvalidArgument,
                         "a folder is importable only when it holds u.data (MovieLens) or a "
                         "*.inter file (RecBole)",
                         Location{path, 0, 0, {}});
    }
    const std::string ext = lowerExtension(p);
    if (isJsonExtension(ext))
        return ImportFormat::JsonLines;
    if (ext == ".inter")
        return ImportFormat::RecBole;
    if (p.filename() == "u.data")
        return ImportFormat::MovieLens;
    if (ext == ".txt" || ext.empty()) {
        auto head = loadText(path, TextEncoding::Auto, 64 * 1024);
        if (head && looksLikeSequenceText(head->text()))
            return ImportFormat::Sequence;
    }
    return ImportFormat::Delimited;
}

Expected<ImportFormat> resolveImportFormat(const ImportOptions &options)
{
    if (options.format != ImportFormat::Auto)
        return options.format;
    return detectImportFormat(options.path);
}

ImportFormat sideFileFormat(const std::string &path)
{
    return isJsonExtension(lowerExtension(fs::path(path))) ? ImportFormat::JsonLines
                                                           : ImportFormat::Delimited;
}

} // namespace recforge
