#include "movielensside.h"

#include "data/import/fieldparsers.h"
#include "data/import/formatsupport.h"
#include "data/import/textdecoder.h"

namespace recforge::importdetail {

namespace {

const char *const kDefaultGenres[] = {
    "unknown",     "Action", "Adventure", "Animation", "Children's", "Comedy",  "Crime",
    "Documentary", "Drama",  "Fantasy",   "Film-Noir", "Horror",     "Musical", "Mystery",
    "Romance",     "Sci-Fi", "Thriller",  "War",       "Western"};

struct SideText {
    std::string text;
    std::string encodingName;
};

// MovieLens side files are ISO-8859-1; a copy re-saved as UTF-8 (valid UTF-8 or with a BOM) is
// read as such, and an explicit GB18030 choice is honoured.
Expected<SideText> loadLatin1(const std::string &path, TextEncoding encoding)
{
    auto bytes = readFileBytes(path);
    if (!bytes)
        return tl::unexpected(bytes.error());
    const std::string_view view = bytes->view();
    const bool bom = view.size() >= 3 && view.substr(0, 3) == "\xEF\xBB\xBF";
    if (encoding == TextEncoding::Gb18030 || encoding == TextEncoding::Utf8 || bom ||
        findInvalidUtf8(view) == std::string_view::npos) {
        auto decoded = decodeText(std::move(*bytes), encoding, path);
        if (!decoded)
            return tl::unexpected(decoded.error());
        return SideText{std::string(decoded->text()), decoded->encodingName};
    }
    return SideText{latin1ToUtf8(view), "iso-8859-1"};
}

std::vector<std::string> genreNames(const std::string &itemsPath)
{
    std::vector<std::string> names;
    const std::string genrePath = siblingPath(itemsPath, "u.genre");
    if (fileExists(genrePath)) {
        if (auto text = loadLatin1(genrePath, TextEncoding::Auto)) {
            LineCursor cursor(text->text);
            TextLine line;
            std::vector<std::string_view> fields;
            while (cursor.next(line)) {
                splitOn(line.text, '|', fields);
                const auto index =
                    fields.size() == 2 ? parseInt64(trimSpaces(fields[1])) : std::nullopt;
                if (!index || *index < 0 || *index > 1000)
                    continue;
                if (names.size() <= size_t(*index))
                    names.resize(size_t(*index) + 1);
                names[size_t(*index)] = std::string(trimSpaces(fields[0]));
            }
        }
    }
    for (const std::string &name : names)
        if (name.empty())
            names.clear(); // a gap: the file is not what we expect, use the README's list
    if (names.empty())
        names.assign(std::begin(kDefaultGenres), std::end(kDefaultGenres));
    return names;
}

// "Toy Story (1995)" -> "1995"; else the year of "01-Jan-1995"; else empty.
std::string yearOf(std::string_view title, std::string_view releaseDate)
{
    auto isYear = [](std::string_view s) {
        return s.size() == 4 && parseInt64(s).has_value() && (s[0] == '1' || s[0] == '2');
    };
    for (size_t i = title.size() >= 6 ? title.size() - 6 : 0; title.size() >= 6; --i) {
        if (title[i] == '(' && title[i + 5] == ')' && isYear(title.substr(i + 1, 4)))
            return std::string(title.substr(i + 1, 4));
        if (i == 0)
            break;
    }
    releaseDate = trimSpaces(releaseDate);
    if (releaseDate.size() >= 4 && isYear(releaseDate.substr(releaseDate.size() - 4)))
        return std::string(releaseDate.substr(releaseDate.size() - 4));
    return {};
}

template <typename PerRow>
Expected<FileImportReport> readPipeFile(const std::string &path, const ImportOptions &options,
                                        Observer &observer, StopToken stop, const char *what,
                                        PerRow perRow)
{
    auto loaded = loadLatin1(path, options.encoding);
    if (!loaded)
        return tl::unexpected(loaded.error());
    FileImportReport report;
    report.file = path;
    report.format = "movielens";
    report.encoding = loaded->encodingName;
    report.delimiter = '|';
    SideFileRows rows(report, options, path);
    const std::string_view text = loaded->text;
    ProgressReporter progress(observer, std::move(stop), "parse " + displayName(path),
                              int64_t(text.size()));
    LineCursor cursor(text);
    TextLine line;
    std::vector<std::string_view> fields;
    while (cursor.next(line)) {
        if (!progress.tick(int64_t(cursor.position())))
            return tl::unexpected(cancelledError(path));
        if (isBlank(line.text))
            continue;
        splitOn(line.text, '|', fields);
        if (!perRow(fields, line, rows))
            return tl::unexpected(rows.error());
    }
    progress.finish();
    if (Status done = rows.finish(what); !done)
        return tl::unexpected(done.error());
    return report;
}

} // namespace

Expected<FileImportReport> importMovieLensItems(Dataset &dataset, const std::string &path,
                                                const ImportOptions &options, Observer &observer,
                                                StopToken stop)
{
    const std::vector<std::string> genres = genreNames(path);
    const size_t expected = 5 + genres.size();
    auto perRow = [&](const std::vector<std::string_view> &f, const TextLine &line,
                      SideFileRows &rows) {
        if (f.size() != expected) {
            const bool few = f.size() < expected;
            return rows.reject(line.number, int64_t(few ? f.size() + 1 : expected + 1), {},
                               "expected " + std::to_string(expected) +
                                   " '|'-separated fields (id, title, release date, video "
                                   "date, URL, " +
                                   std::to_string(genres.size()) + " genre flags), found " +
                                   std::to_string(f.size()),
                               line.text);
        }
        const std::string_view id = trimSpaces(f[0]);
        if (id.empty())
            return rows.reject(line.number, 1, "movie id", "empty movie id", line.text);
        std::vector<std::string> categories;
        for (size_t g = 0; g < genres.size(); ++g) {
            const std::string_view flag = trimSpaces(f[5 + g]);
            if (flag != "0" && flag != "1")
                return rows.reject(line.number, int64_t(6 + g), genres[g],
                                   "genre flag must be 0 or 1, not '" + std::string(flag) + "'",
                                   line.text);
            if (flag == "1")
                categories.push_back(genres[g]);
        }
        const int32_t index = dataset.items.intern(id);
        dataset.syncInfoSizes();
        ItemInfo &info = dataset.itemInfo[size_t(index)];
        info.title = std::string(trimSpaces(f[1]));
        info.categoryPath = std::move(categories);
        info.attributes.clear();
        if (const std::string year = yearOf(f[1], f[2]); !year.empty())
            info.attributes.emplace_back("year", year);
        if (!trimSpaces(f[2]).empty())
            info.attributes.emplace_back("release_date", std::string(trimSpaces(f[2])));
        if (!trimSpaces(f[3]).empty())
            info.attributes.emplace_back("video_release_date", std::string(trimSpaces(f[3])));
        if (!trimSpaces(f[4]).empty())
            info.attributes.emplace_back("url", std::string(trimSpaces(f[4])));
        rows.accept();
        return true;
    };
    return readPipeFile(path, options, observer, std::move(stop), "movies", perRow);
}

Expected<FileImportReport> importMovieLensUsers(Dataset &dataset, const std::string &path,
                                                const ImportOptions &options, Observer &observer,
                                                StopToken stop)
{
    static const char *const kNames[] = {"user", "age", "gender", "occupation", "zip"};
    auto perRow = [&](const std::vector<std::string_view> &f, const TextLine &line,
                      SideFileRows &rows) {
        if (f.size() != 5) {
            const bool few = f.size() < 5;
            return rows.reject(line.number, int64_t(few ? f.size() + 1 : 6),
                               few ? kNames[f.size()] : "",
                               "expected 5 '|'-separated fields (id, age, gender, occupation, "
                               "zip), found " +
                                   std::to_string(f.size()),
                               line.text);
        }
        const std::string_view id = trimSpaces(f[0]);
        if (id.empty())
            return rows.reject(line.number, 1, kNames[0], "empty user id", line.text);
        const auto age = parseInt64(trimSpaces(f[1]));
        if (!age || *age < 0 || *age > 150)
            return rows.reject(line.number, 2, kNames[1],
                               "age must be a whole number 0..150, not '" +
                                   std::string(trimSpaces(f[1])) + "'",
                               line.text);
        const int32_t index = dataset.users.intern(id);
        dataset.syncInfoSizes();
        UserInfo &info = dataset.userInfo[size_t(index)];
        info.attributes.clear();
        for (size_t k = 1; k < 5; ++k)
            info.attributes.emplace_back(kNames[k], std::string(trimSpaces(f[k])));
        rows.accept();
        return true;
    };
    return readPipeFile(path, options, observer, std::move(stop), "users", perRow);
}

} // namespace recforge::importdetail
