#include "generator.h"

#include <algorithm>
#include <limits>
#include <type_traits>

#include "common/jsonfield.h"
#include "data/generatorinternal.h"

namespace recforge {

using namespace shopgen;

namespace {

Status invalid(const std::string &field, const std::string &message)
{
    return makeError(ErrorCode::InvalidArgument, field + ": " + message, Location{{}, 0, 0, field});
}

Status checkFraction(const char *field, double value)
{
    if (!(value >= 0.0 && value <= 1.0))
        return invalid(field, "must be between 0 and 1");
    return {};
}

// Sorts the generated rows by (timestamp, user), keeping generation order for ties so that a
// user's view -> click -> cart -> purchase order survives clamped timestamps.
bool sortByTime(Interactions &rows, ProgressReporter &reporter)
{
    struct Key {
        int64_t ts;
        int32_t user;
        uint32_t row;
        bool operator<(const Key &o) const
        {
            if (ts != o.ts)
                return ts < o.ts;
            if (user != o.user)
                return user < o.user;
            return row < o.row;
        }
    };
    const size_t n = rows.size();
    std::vector<Key> keys(n);
    for (size_t r = 0; r < n; ++r)
        keys[r] = Key{rows.timestamp[r], rows.user[r], uint32_t(r)};
    std::sort(keys.begin(), keys.end());
    if (!reporter.tick(1))
        return false;
    // Column by column, so at most one extra column is alive next to the keys.
    const auto permute = [&keys](auto &column) {
        std::remove_reference_t<decltype(column)> out(column.size());
        for (size_t k = 0; k < keys.size(); ++k)
            out[k] = column[keys[k].row];
        column = std::move(out);
    };
    permute(rows.user);
    permute(rows.item);
    permute(rows.timestamp);
    permute(rows.event);
    permute(rows.value);
    return true;
}

} // namespace

Status validate(const ShopParams &p)
{
    if (p.users < 1 || p.users > 50'000'000)
        return invalid("users", "must be between 1 and 50000000");
    if (p.items < 1 || p.items > 50'000'000)
        return invalid("items", "must be between 1 and 50000000");
    if (p.events < 0 || p.events > 2'000'000'000)
        return invalid("events", "must be between 0 and 2000000000");
    if (auto s = checkFraction("newItemFraction", p.newItemFraction); !s)
        return s;
    if (auto s = checkFraction("newUserFraction", p.newUserFraction); !s)
        return s;
    if (auto s = checkFraction("chineseFraction", p.chineseFraction); !s)
        return s;
    if (p.days < 1 || p.days > 3650)
        return invalid("days", "must be between 1 and 3650");
    if (p.startTime < 0 || p.startTime > 100'000'000'000)
        return invalid("startTime", "must be a unix time in seconds >= 0");
    return {};
}

Expected<Dataset> generateShop(const ShopParams &params, Observer &observer, StopToken stop)
{
    if (auto s = validate(params); !s)
        return tl::unexpected(s.error());
    const auto cancelled = [] {
        return makeError(ErrorCode::Cancelled, "demo-shop generation cancelled");
    };
    const TimeSpan span{params.startTime, params.startTime + int64_t(params.days) * kDay};
    ProgressReporter reporter(observer, stop, "catalogue", 1);
    if (!reporter.tick(0))
        return cancelled();

    Catalogue catalogue = buildCatalogue(params, span);
    std::vector<ShopUser> users = buildUsers(params, span, catalogue);
    assignBudgets(params, users);
    if (!reporter.finish())
        return cancelled();

    Dataset dataset;
    dataset.name = params.name;
    dataset.items.reserve(size_t(params.items));
    for (int32_t i = 0; i < params.items; ++i)
        dataset.items.intern(paddedId('I', int64_t(i) + 1));
    dataset.itemInfo = std::move(catalogue.info);

    // Users without events (only when events < users) are left out, as compact() would do.
    std::vector<int32_t> userIndex(users.size(), -1);
    for (size_t u = 0; u < users.size(); ++u)
        if (users[u].budget > 0) {
            userIndex[u] = dataset.users.intern(paddedId('U', int64_t(u) + 1));
            dataset.userInfo.push_back(std::move(users[u].info));
        }

    reporter.setStage("sessions", int64_t(users.size()));
    Interactions rows;
    rows.reserve(size_t(params.events));
    for (size_t u = 0; u < users.size(); ++u) {
        if (!reporter.tick(int64_t(u)))
            return cancelled();
        if (userIndex[u] >= 0)
            simulateUser(params, span, catalogue, users[u], u, userIndex[u], rows);
    }
    if (!reporter.finish())
        return cancelled();
    users.clear();
    users.shrink_to_fit();

    reporter.setStage("sorting", 1);
    if (!sortByTime(rows, reporter) || !reporter.finish())
        return cancelled();
    dataset.interactions = std::move(rows);
    return dataset;
}

nlohmann::json toJson(const ShopParams &p)
{
    return nlohmann::json{{"users", p.users},
                          {"items", p.items},
                          {"events", p.events},
                          {"seed", p.seed},
                          {"newItemFraction", p.newItemFraction},
                          {"newUserFraction", p.newUserFraction},
                          {"chineseFraction", p.chineseFraction},
                          {"startTime", p.startTime},
                          {"days", p.days},
                          {"name", p.name}};
}

Expected<ShopParams> shopParamsFromJson(const nlohmann::json &json)
{
    if (!json.is_object())
        return makeError(ErrorCode::InvalidArgument, "shop parameters: expected a JSON object");
    ShopParams p;
    for (Status s :
         {readJsonField(json, "users", p.users), readJsonField(json, "items", p.items),
          readJsonField(json, "events", p.events), readJsonField(json, "seed", p.seed),
          readJsonField(json, "newItemFraction", p.newItemFraction),
          readJsonField(json, "newUserFraction", p.newUserFraction),
          readJsonField(json, "chineseFraction", p.chineseFraction),
          readJsonField(json, "startTime", p.startTime), readJsonField(json, "days", p.days)})
        if (!s)
            return tl::unexpected(s.error());
    if (const auto it = json.find("name"); it != json.end() && !it->is_null()) {
        if (!it->is_string())
            return tl::unexpected(invalid("name", "expected a string").error());
        p.name = it->get<std::string>();
    }
    if (auto s = validate(p); !s)
        return tl::unexpected(s.error());
    return p;
}

} // namespace recforge
