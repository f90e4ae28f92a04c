#include "userpicker.h"

#include <algorithm>

namespace recforge {

namespace {

// SplitMix64: a tiny seeded generator whose sequence does not depend on the standard library.
uint64_t nextRandom(uint64_t &state)
{
    uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

std::vector<int64_t> eventCounts(const Dataset &dataset)
{
    std::vector<int64_t> counts(size_t(dataset.userCount()), 0);
    for (int32_t u : dataset.interactions.user)
        if (u >= 0 && u < dataset.userCount())
            ++counts[size_t(u)];
    return counts;
}

} // namespace

const char *userSampleName(UserSample kind)
{
    switch (kind) {
    case UserSample::Random:
        return "random";
    case UserSample::Heavy:
        return "heavy";
    case UserSample::Light:
        return "light";
    case UserSample::Cold:
        return "cold";
    }
    return "random";
}

Expected<UserSample> parseUserSample(const std::string &name)
{
    for (UserSample kind :
         {UserSample::Random, UserSample::Heavy, UserSample::Light, UserSample::Cold})
        if (name == userSampleName(kind))
            return kind;
    return makeError(ErrorCode::InvalidArgument,
                     "unknown user sample '" + name + "' (random, heavy, light, cold)");
}

Expected<int32_t> findUser(const Dataset &dataset, const std::string &id)
{
    if (auto index = dataset.users.find(id))
        return *index;
    return makeError(ErrorCode::NotFound, "no user with id '" + id + "'",
                     Location{"", 0, 0, "user"});
}

std::vector<int32_t> usersOfKind(const Dataset &dataset, UserSample kind, const Split *split)
{
    const std::vector<int64_t> counts = eventCounts(dataset);
    std::vector<int32_t> out;
    int64_t heavyFrom = 0;
    if (kind == UserSample::Heavy) {
        std::vector<int64_t> active;
        for (int64_t c : counts)
            if (c > 0)
                active.push_back(c);
        if (active.empty())
            return out;
        const size_t at = std::min(active.size() - 1, size_t(double(active.size()) * 0.9));
        std::nth_element(active.begin(), active.begin() + std::ptrdiff_t(at), active.end());
        heavyFrom = active[at];
    }
    std::vector<uint8_t> cold;
    if (kind == UserSample::Cold) {
        if (!split || split->role.size() != dataset.interactions.size())
            return out;
        // 1 = has a Support row, 2 = has a Train row.
        cold.assign(counts.size(), 0);
        for (size_t r = 0; r < split->role.size(); ++r) {
            const int32_t u = dataset.interactions.user[r];
            if (split->roleOf(r) == SplitRole::Support)
                cold[size_t(u)] |= 1;
            else if (split->roleOf(r) == SplitRole::Train)
                cold[size_t(u)] |= 2;
        }
    }
    for (int32_t u = 0; u < int32_t(counts.size()); ++u) {
        const int64_t c = counts[size_t(u)];
        if (c == 0)
            continue;
        bool take = false;
        switch (kind) {
        case UserSample::Random:
            take = true;
            break;
        case UserSample::Heavy:
            take = c >= heavyFrom;
            break;
        case UserSample::Light:
            take = c <= 3;
            break;
        case UserSample::Cold:
            take = (cold[size_t(u)] & 1) != 0 || (cold[size_t(u)] & 2) == 0;
            break;
        }
        if (take)
            out.push_back(u);
    }
    return out;
}

Expected<std::vector<int32_t>> sampleUsers(const Dataset &dataset, UserSample kind, int count,
                                           uint64_t seed, const Split *split)
{
    if (count < 1)
        return makeError(ErrorCode::InvalidArgument, "count must be at least 1",
                         Location{"", 0, 0, "count"});
    if (split && split->role.size() != dataset.interactions.size())
        return makeError(ErrorCode::InvalidArgument,
                         "the split does not belong to this dataset (role count differs)");
    std::vector<int32_t> pool = usersOfKind(dataset, kind, split);
    if (pool.empty())
        return makeError(ErrorCode::Empty,
                         std::string("no ") + userSampleName(kind) + " user in the dataset");
    // Partial Fisher-Yates: the first `count` entries are the sample.
    uint64_t state = seed;
    const size_t n = std::min(pool.size(), size_t(count));
    for (size_t i = 0; i < n; ++i) {
        const size_t j = i + size_t(nextRandom(state) % (pool.size() - i));
        std::swap(pool[i], pool[j]);
    }
    pool.resize(n);
    return pool;
}

} // namespace recforge
