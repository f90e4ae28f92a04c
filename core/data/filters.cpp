#include "filters.h"

#include <algorithm>
#include <limits>
#include <tuple>

namespace recforge {

namespace {

Status invalid(const std::string &field, const std::string &message)
{
    return makeError(ErrorCode::InvalidArgument, field + ": " + message, Location{{}, 0, 0, field});
}

Status validate(const FilterParams &p)
{
    if (p.minUserInteractions < 0)
        return invalid("minUserInteractions", "must be >= 0");
    if (p.minItemInteractions < 0)
        return invalid("minItemInteractions", "must be >= 0");
    if (p.timeFrom && p.timeTo && *p.timeFrom >= *p.timeTo)
        return invalid("timeTo", "the time window is empty (timeFrom >= timeTo)");
    return {};
}

// Users / items that have at least one kept row.
std::pair<int32_t, int32_t> activeCounts(const Dataset &d, const std::vector<bool> &keep)
{
    std::vector<bool> user(size_t(d.userCount()), false), item(size_t(d.itemCount()), false);
    const Interactions &in = d.interactions;
    for (size_t r = 0; r < in.size(); ++r)
        if (keep[r]) {
            user[size_t(in.user[r])] = true;
            item[size_t(in.item[r])] = true;
        }
    return {int32_t(std::count(user.begin(), user.end(), true)),
            int32_t(std::count(item.begin(), item.end(), true))};
}

int64_t removeDuplicates(const Interactions &in, std::vector<bool> &keep)
{
    // Contiguous keys sort far faster than row indices compared through five columns.
    struct Key {
        uint64_t userItem;
        int64_t ts;
        uint32_t row;
        uint16_t event;
        bool sameAs(const Key &o) const
        {
            return userItem == o.userItem && ts == o.ts && event == o.event;
        }
        bool operator<(const Key &o) const
        {
            if (userItem != o.userItem)
                return userItem < o.userItem;
            if (ts != o.ts)
                return ts < o.ts;
            if (event != o.event)
                return event < o.event;
            return row < o.row; // the group's first row in file order comes first
        }
    };
    std::vector<Key> keys;
    keys.reserve(in.size());
    for (size_t r = 0; r < in.size(); ++r)
        if (keep[r])
            keys.push_back(Key{(uint64_t(uint32_t(in.user[r])) << 32) | uint32_t(in.item[r]),
                               in.timestamp[r], uint32_t(r), in.event[r]});
    std::sort(keys.begin(), keys.end());
    int64_t removed = 0;
    for (size_t k = 1; k < keys.size(); ++k)
        if (keys[k].sameAs(keys[k - 1])) {
            keep[keys[k].row] = false;
            ++removed;
        }
    return removed;
}

// One pass of the count filter; returns the rows it removed.
int64_t countPass(const Dataset &d, const FilterParams &p, std::vector<bool> &keep)
{
    const Interactions &in = d.interactions;
    std::vector<int64_t> perUser(size_t(d.userCount()), 0), perItem(size_t(d.itemCount()), 0);
    for (size_t r = 0; r < in.size(); ++r)
        if (keep[r]) {
            ++perUser[size_t(in.user[r])];
            ++perItem[size_t(in.item[r])];
        }
    int64_t removed = 0;
    for (size_t r = 0; r < in.size(); ++r)
        if (keep[r] && (perUser[size_t(in.user[r])] < p.minUserInteractions ||
                        perItem[size_t(in.item[r])] < p.minItemInteractions)) {
            keep[r] = false;
            ++removed;
        }
    return removed;
}

} // namespace

Expected<FilterReport> applyFilters(Dataset &dataset, const FilterParams &params)
{
    if (auto s = validate(params); !s)
        return tl::unexpected(s.error());
    dataset.syncInfoSizes();
    const Interactions &in = dataset.interactions;
    const size_t n = in.size();
    FilterReport report;
    report.rowsBefore = int64_t(n);
    std::vector<bool> keep(n, true);
    std::tie(report.usersBefore, report.itemsBefore) = activeCounts(dataset, keep);

    if (params.timeFrom || params.timeTo)
        for (size_t r = 0; r < n; ++r) {
            const int64_t ts = in.timestamp[r];
            if ((params.timeFrom && ts < *params.timeFrom) ||
                (params.timeTo && ts >= *params.timeTo)) {
                keep[r] = false;
                ++report.outsideWindow;
            }
        }
    if (params.dedup)
        report.duplicatesRemoved = removeDuplicates(in, keep);
    if (params.minUserInteractions > 0 || params.minItemInteractions > 0) {
        // Removing rows lowers other counts; k-core repeats until nothing changes.
        for (;;) {
            const int64_t removed = countPass(dataset, params, keep);
            ++report.kcoreIterations;
            report.removedByCounts += removed;
            if (removed == 0 || !params.kcore)
                break;
        }
    }

    std::tie(report.usersAfter, report.itemsAfter) = activeCounts(dataset, keep);
    dataset.interactions.filter(keep);
    report.rowsAfter = int64_t(dataset.interactions.size());
    dataset.compact();
    return report;
}

nlohmann::json toJson(const FilterParams &p)
{
    nlohmann::json j{{"dedup", p.dedup},
                     {"minUserInteractions", p.minUserInteractions},
                     {"minItemInteractions", p.minItemInteractions},
                     {"kcore", p.kcore}};
    j["timeFrom"] = p.timeFrom ? nlohmann::json(*p.timeFrom) : nlohmann::json(nullptr);
    j["timeTo"] = p.timeTo ? nlohmann::json(*p.timeTo) : nlohmann::json(nullptr);
    return j;
}

Expected<FilterParams> filterParamsFromJson(const nlohmann::json &json)
{
    if (!json.is_object())
        return makeError(ErrorCode::InvalidArgument, "filter parameters: expected a JSON object");
    FilterParams p;
    for (const char *key : {"dedup", "kcore"})
        if (const auto it = json.find(key); it != json.end() && !it->is_null()) {
            if (!it->is_boolean())
                return tl::unexpected(invalid(key, "expected true or false").error());
            (std::string(key) == "dedup" ? p.dedup : p.kcore) = it->get<bool>();
        }
    for (const char *key : {"minUserInteractions", "minItemInteractions"})
        if (const auto it = json.find(key); it != json.end() && !it->is_null()) {
            if (!it->is_number_integer() || it->get<int64_t>() < 0 ||
                it->get<int64_t>() > std::numeric_limits<int>::max())
                return tl::unexpected(invalid(key, "expected an integer >= 0").error());
            (std::string(key) == "minUserInteractions" ? p.minUserInteractions
                                                       : p.minItemInteractions) = it->get<int>();
        }
    for (const char *key : {"timeFrom", "timeTo"})
        if (const auto it = json.find(key); it != json.end() && !it->is_null()) {
            if (!it->is_number_integer())
                return tl::unexpected(invalid(key, "expected unix seconds").error());
            (std::string(key) == "timeFrom" ? p.timeFrom : p.timeTo) = it->get<int64_t>();
        }
    if (auto s = validate(p); !s)
        return tl::unexpected(s.error());
    return p;
}

nlohmann::json toJson(const FilterReport &r)
{
    return nlohmann::json{{"rowsBefore", r.rowsBefore},
                          {"rowsAfter", r.rowsAfter},
                          {"duplicatesRemoved", r.duplicatesRemoved},
                          {"outsideWindow", r.outsideWindow},
                          {"removedByCounts", r.removedByCounts},
                          {"usersBefore", r.usersBefore},
                          {"usersAfter", r.usersAfter},
                          {"itemsBefore", r.itemsBefore},
                          {"itemsAfter", r.itemsAfter},
                          {"kcoreIterations", r.kcoreIterations}};
}

} // namespace recforge
