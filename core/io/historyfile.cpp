#include "historyfile.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <fstream>
#include <optional>
#include <unordered_map>

namespace recforge {

namespace {

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return char(std::tolower(c)); });
    return s;
}

// Splits a CSV line into fields with their 1-based start columns. False on an unterminated quote.
bool splitCsv(const std::string &line, std::vector<std::pair<std::string, int64_t>> &fields)
{
    fields.clear();
    size_t i = 0;
    while (true) {
        std::string field;
        const int64_t column = int64_t(i) + 1;
        if (i < line.size() && line[i] == '"') {
            ++i;
            bool closed = false;
            while (i < line.size()) {
                if (line[i] == '"') {
                    if (i + 1 < line.size() && line[i + 1] == '"') {
                        field += '"';
                        i += 2;
                        continue;
                    }
                    ++i;
                    closed = true;
                    break;
                }
                field += line[i++];
            }
            if (!closed)
                return false;
            while (i < line.size() && line[i] != ',')
                ++i; // text after a closing quote is ignored
        } else {
            const size_t end = std::min(line.find(',', i), line.size());
            field = line.substr(i, end - i);
            i = end;
        }
        fields.emplace_back(std::move(field), column);
        if (i >= line.size())
            return true;
        ++i; // the comma
    }
}

std::string trim(const std::string &s)
{
    const size_t b = s.find_first_not_of(" \t");
    if (b == std::string::npos)
        return {};
    return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

} // namespace

Expected<HistoryFile> readHistories(const std::string &path, const IdMap &items, int32_t itemCount,
                                    Observer &observer, StopToken stop)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return makeError(ErrorCode::Io, "cannot read " + path, Location{path, 0, 0, {}});
    in.seekg(0, std::ios::end);
    const int64_t size = int64_t(in.tellg());
    in.seekg(0);
    ProgressReporter progress(observer, stop, "histories", size);

    // The extension decides when it can (ids may contain commas), else the first line does.
    std::optional<bool> csvByName;
    const std::string ext = lower(path.substr(std::min(path.size(), path.find_last_of('.'))));
    if (ext == ".csv")
        csvByName = true;
    else if (ext == ".txt" || ext == ".seq")
        csvByName = false;
    HistoryFile out;
    std::unordered_map<std::string, size_t> userIndex;
    auto resolve = [&](const std::string &id) -> int32_t {
        if (!items.empty()) {
            const auto found = items.find(id);
            return found ? *found : -1;
        }
        int32_t v = -1;
        const auto r = std::from_chars(id.data(), id.data() + id.size(), v);
        return r.ec == std::errc() && r.ptr == id.data() + id.size() && v >= 0 && v < itemCount
                   ? v
                   : -1;
    };
    auto addItem = [&](const std::string &user, const std::string &item, int64_t line,
                       int64_t column) {
        auto [it, isNew] = userIndex.emplace(user, out.users.size());
        if (isNew)
            out.users.push_back({user, {}, line});
        const int32_t index = resolve(item);
        if (index < 0)
            out.warnings.push_back(
                {"unknown item id '" + item + "' (skipped)", Location{path, line, column, "item"}});
        else
            out.users[it->second].items.push_back(index);
    };

    std::string line;
    std::vector<std::pair<std::string, int64_t>> fields;
    int64_t lineNo = 0;
    bool decided = false;
    while (std::getline(in, line)) {
        ++lineNo;
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        if (lineNo == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0)
            line.erase(0, 3);
        if (trim(line).empty())
            continue;
        if (!decided) {
            decided = true;
            out.csv = csvByName ? *csvByName : line.find(',') != std::string::npos;
            if (out.csv) {
                if (!splitCsv(line, fields))
                    return makeError(ErrorCode::Parse, "unterminated quote",
                                     Location{path, lineNo, 1, {}});
                const std::string first = lower(trim(fields[0].first));
                if (first == "user" || first == "user_id" || first == "userid" ||
                    first == "user_id:token")
                    continue;
            }
        }
        if (out.csv) {
            if (!splitCsv(line, fields))
                return makeError(ErrorCode::Parse, "unterminated quote",
                                 Location{path, lineNo, 1, {}});
            if (fields.size() < 2 || trim(fields[1].first).empty())
                return makeError(
                    ErrorCode::Parse, "expected user,item",
                    Location{path, lineNo, fields.size() < 2 ? 1 : fields[1].second, "item"});
            addItem(trim(fields[0].first), trim(fields[1].first), lineNo, fields[1].second);
        } else {
            size_t i = line.find_first_not_of(" \t");
            size_t end = line.find_first_of(" \t", i);
            const std::string user = line.substr(i, end - i);
            auto [it, isNew] = userIndex.emplace(user, out.users.size());
            if (isNew)
                out.users.push_back({user, {}, lineNo});
            while (end != std::string::npos) {
                i = line.find_first_not_of(" \t", end);
                if (i == std::string::npos)
                    break;
                end = line.find_first_of(" \t", i);
                addItem(user, line.substr(i, end == std::string::npos ? end : end - i), lineNo,
                        int64_t(i) + 1);
            }
        }
        if (!progress.tick(int64_t(in.tellg() < 0 ? size : int64_t(in.tellg()))))
            return makeError(ErrorCode::Cancelled, "reading histories cancelled");
    }
    if (out.users.empty())
        return makeError(ErrorCode::Empty, path + ": no user history", Location{path, 0, 0, {}});
    for (const HistoryFileUser &u : out.users)
        if (u.items.empty())
            out.warnings.push_back(
                {"user '" + u.user + "' has no known item: recommendations ignore history",
                 Location{path, u.line, 1, "user"}});
    progress.finish();
    return out;
}

} // namespace recforge
