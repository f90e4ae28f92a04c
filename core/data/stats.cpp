#include "stats.h"

#include <algorithm>
#include <map>
#include <bit>
#include <functional>
#include <limits>

namespace recforge {

namespace {

constexpr int64_t kDaySeconds = 86400;
constexpr size_t kCategoryMixTop = 12;

int64_t floorDiv(int64_t a, int64_t b)
{
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

double median(std::vector<int64_t> values)
{
    if (values.empty())
        return 0;
    const size_t mid = values.size() / 2;
    std::nth_element(values.begin(), values.begin() + std::ptrdiff_t(mid), values.end());
    const double upper = double(values[mid]);
    if (values.size() % 2 == 1)
        return upper;
    const int64_t lower = *std::max_element(values.begin(), values.begin() + std::ptrdiff_t(mid));
    return (double(lower) + upper) / 2.0;
}

int64_t distinctPairs(const Interactions &in)
{
    std::vector<uint64_t> keys(in.size());
    for (size_t r = 0; r < in.size(); ++r)
        keys[r] = (uint64_t(uint32_t(in.user[r])) << 32) | uint32_t(in.item[r]);
    std::sort(keys.begin(), keys.end());
    return int64_t(std::unique(keys.begin(), keys.end()) - keys.begin());
}

} // namespace

Histogram logHistogram(const std::vector<int64_t> &values)
{
    Histogram h;
    if (values.empty())
        return h;
    const int64_t maxValue = *std::max_element(values.begin(), values.end());
    const bool hasZero = *std::min_element(values.begin(), values.end()) < 1;
    if (hasZero)
        h.edges.push_back(0);
    for (int64_t edge = 1;; edge *= 2) {
        h.edges.push_back(double(edge));
        if (edge > maxValue)
            break;
    }
    h.counts.assign(h.edges.size() - 1, 0);
    for (const int64_t v : values) {
        size_t bin = 0;
        if (v >= 1) {
            bin = size_t(std::bit_width(uint64_t(v)) - 1); // [2^k, 2^(k+1)) -> k
            if (hasZero)
                ++bin;
        }
        ++h.counts[bin];
    }
    return h;
}

DatasetStats computeStats(const Dataset &dataset)
{
    const Interactions &in = dataset.interactions;
    DatasetStats s;
    s.users = dataset.userCount();
    s.items = dataset.itemCount();
    s.interactions = int64_t(in.size());

    std::vector<int64_t> perUser(size_t(s.users), 0), perItem(size_t(s.items), 0);
    std::vector<int64_t> perEvent(dataset.eventKinds.size(), 0);
    std::map<int64_t, int64_t> perDay;
    s.minTime = in.size() ? in.timestamp[0] : 0;
    s.maxTime = s.minTime;
    int64_t lastDay = std::numeric_limits<int64_t>::min();
    int64_t *lastDayCount = nullptr;
    for (size_t r = 0; r < in.size(); ++r) {
        ++perUser[size_t(in.user[r])];
        ++perItem[size_t(in.item[r])];
        if (in.event[r] >= perEvent.size())
            perEvent.resize(size_t(in.event[r]) + 1, 0);
        ++perEvent[in.event[r]];
        s.minTime = std::min(s.minTime, in.timestamp[r]);
        s.maxTime = std::max(s.maxTime, in.timestamp[r]);
        const int64_t day = floorDiv(in.timestamp[r], kDaySeconds) * kDaySeconds;
        if (day != lastDay) { // logs are mostly time-ordered: one map lookup per run of a day
            lastDayCount = &perDay[day];
            lastDay = day;
        }
        ++*lastDayCount;
    }

    std::vector<int64_t> activeUsers, activeItems;
    for (const int64_t c : perUser)
        if (c > 0)
            activeUsers.push_back(c);
    for (const int64_t c : perItem)
        if (c > 0)
            activeItems.push_back(c);
    s.itemsWithInteractions = int32_t(activeItems.size());
    // Repeated (user, item) rows count once, so sparsity stays within [0, 1].
    const double cells = double(s.users) * double(s.items);
    s.sparsity = cells > 0 ? 1.0 - double(distinctPairs(in)) / cells : 1.0;
    if (!activeUsers.empty())
        s.meanPerUser = double(s.interactions) / double(activeUsers.size());
    if (!activeItems.empty())
        s.meanPerItem = double(s.interactions) / double(activeItems.size());
    s.medianPerUser = median(activeUsers);
    s.medianPerItem = median(activeItems);
    s.perUser = logHistogram(activeUsers);
    s.perItem = logHistogram(activeItems);
    s.itemPopularitySorted = activeItems;
    std::sort(s.itemPopularitySorted.begin(), s.itemPopularitySorted.end(), std::greater<>());

    for (size_t e = 0; e < perEvent.size(); ++e)
        s.eventFunnel.emplace_back(e < dataset.eventKinds.size()
                                       ? dataset.eventKinds.name(uint16_t(e))
                                       : "event " + std::to_string(e),
                                   perEvent[e]);
    // Every day between the first and the last, so gaps show as zeros (sparse when the span is
    // implausibly long, e.g. positions used as time).
    if (!perDay.empty()) {
        const int64_t first = perDay.begin()->first, last = perDay.rbegin()->first;
        if ((last - first) / kDaySeconds <= 20000) {
            for (int64_t day = first; day <= last; day += kDaySeconds) {
                const auto it = perDay.find(day);
                s.activityPerDay.emplace_back(day, it == perDay.end() ? 0 : it->second);
            }
        } else {
            s.activityPerDay.assign(perDay.begin(), perDay.end());
        }
    }

    std::map<std::string, int64_t> perCategory;
    for (size_t i = 0; i < perItem.size(); ++i) {
        if (perItem[i] == 0)
            continue;
        const bool known = i < dataset.itemInfo.size() && !dataset.itemInfo[i].categoryPath.empty();
        perCategory[known ? dataset.itemInfo[i].categoryPath.front() : "(none)"] += perItem[i];
    }
    std::vector<std::pair<std::string, int64_t>> mix(perCategory.begin(), perCategory.end());
    std::stable_sort(mix.begin(), mix.end(),
                     [](const auto &a, const auto &b) { return a.second > b.second; });
    if (mix.size() > kCategoryMixTop + 1) {
        int64_t other = 0;
        for (size_t k = kCategoryMixTop; k < mix.size(); ++k)
            other += mix[k].second;
        mix.resize(kCategoryMixTop);
        mix.emplace_back("other", other);
    }
    s.categoryMix = std::move(mix);

    if (s.items > 0) {
        int64_t title = 0, category = 0, brand = 0, price = 0, description = 0;
        for (size_t i = 0; i < dataset.itemInfo.size() && i < size_t(s.items); ++i) {
            const ItemInfo &info = dataset.itemInfo[i];
            title += !info.title.empty();
            category += !info.categoryPath.empty();
            brand += !info.brand.empty();
            price += info.hasPrice();
            description += !info.description.empty();
        }
        const double n = double(s.items);
        s.coverage = {double(title) / n, double(category) / n, double(brand) / n, double(price) / n,
                      double(description) / n};
    }
    for (size_t u = 0; u < dataset.userInfo.size() && u < size_t(s.users); ++u)
        s.usersWithAttributes += !dataset.userInfo[u].attributes.empty();
    return s;
}

nlohmann::json toJson(const DatasetStats &s)
{
    using nlohmann::json;
    const auto histogram = [](const Histogram &h) {
        return json{{"edges", h.edges}, {"counts", h.counts}};
    };
    json funnel = json::object();
    for (const auto &[name, count] : s.eventFunnel)
        funnel[name] = count;
    json categories = json::array();
    for (const auto &[name, count] : s.categoryMix)
        categories.push_back(json{{"category", name}, {"interactions", count}});
    const size_t head = std::min<size_t>(20, s.itemPopularitySorted.size());
    int64_t busiestDay = 0, busiestCount = 0;
    for (const auto &[day, count] : s.activityPerDay)
        if (count > busiestCount) {
            busiestDay = day;
            busiestCount = count;
        }
    return json{
        {"users", s.users},
        {"items", s.items},
        {"itemsWithInteractions", s.itemsWithInteractions},
        {"interactions", s.interactions},
        {"sparsity", s.sparsity},
        {"meanPerUser", s.meanPerUser},
        {"medianPerUser", s.medianPerUser},
        {"meanPerItem", s.meanPerItem},
        {"medianPerItem", s.medianPerItem},
        {"minTime", s.minTime},
        {"maxTime", s.maxTime},
        {"perUser", histogram(s.perUser)},
        {"perItem", histogram(s.perItem)},
        {"popularityHead",
         std::vector<int64_t>(s.itemPopularitySorted.begin(),
                              s.itemPopularitySorted.begin() + std::ptrdiff_t(head))},
        {"eventFunnel", funnel},
        {"days", s.activityPerDay.size()},
        {"busiestDay", json{{"day", busiestDay}, {"interactions", busiestCount}}},
        {"categoryMix", categories},
        {"coverage", json{{"title", s.coverage.title},
                          {"category", s.coverage.category},
                          {"brand", s.coverage.brand},
                          {"price", s.coverage.price},
                          {"description", s.coverage.description}}},
        {"usersWithAttributes", s.usersWithAttributes},
    };
}

} // namespace recforge
