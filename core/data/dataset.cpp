#include "dataset.h"

#include <algorithm>
#include <numeric>

namespace recforge {

EventKinds::EventKinds() : m_names{"view", "click", "cart", "purchase", "rating"} {}

uint16_t EventKinds::intern(const std::string &name)
{
    for (size_t i = 0; i < m_names.size(); ++i)
        if (m_names[i] == name)
            return uint16_t(i);
    m_names.push_back(name);
    return uint16_t(m_names.size() - 1);
}

void Interactions::reserve(size_t n)
{
    user.reserve(n);
    item.reserve(n);
    timestamp.reserve(n);
    event.reserve(n);
    value.reserve(n);
}

void Interactions::append(int32_t u, int32_t i, int64_t ts, uint16_t ev, float v)
{
    user.push_back(u);
    item.push_back(i);
    timestamp.push_back(ts);
    event.push_back(ev);
    value.push_back(v);
}

void Interactions::clear()
{
    user.clear();
    item.clear();
    timestamp.clear();
    event.clear();
    value.clear();
}

namespace {
template <typename T> void keepRows(std::vector<T> &column, const std::vector<bool> &keep)
{
    size_t out = 0;
    for (size_t r = 0; r < column.size(); ++r)
        if (keep[r])
            column[out++] = column[r];
    column.resize(out);
}
} // namespace

void Interactions::filter(const std::vector<bool> &keep)
{
    keepRows(user, keep);
    keepRows(item, keep);
    keepRows(timestamp, keep);
    keepRows(event, keep);
    keepRows(value, keep);
}

void setAttribute(std::vector<std::pair<std::string, std::string>> &attributes,
                  const std::string &name, std::string value)
{
    for (auto &[key, existing] : attributes)
        if (key == name) {
            existing = std::move(value);
            return;
        }
    attributes.emplace_back(name, std::move(value));
}

bool ItemInfo::empty() const
{
    return title.empty() && categoryPath.empty() && brand.empty() && !hasPrice() &&
           description.empty() && attributes.empty();
}

void Dataset::syncInfoSizes()
{
    if (itemInfo.size() < size_t(items.size()))
        itemInfo.resize(size_t(items.size()));
    if (userInfo.size() < size_t(users.size()))
        userInfo.resize(size_t(users.size()));
}

void Dataset::compact()
{
    syncInfoSizes();
    std::vector<int64_t> userCounts(size_t(users.size()), 0), itemCounts(size_t(items.size()), 0);
    for (size_t r = 0; r < interactions.size(); ++r) {
        ++userCounts[size_t(interactions.user[r])];
        ++itemCounts[size_t(interactions.item[r])];
    }
    IdMap newUsers, newItems;
    std::vector<int32_t> userRemap(userCounts.size(), -1), itemRemap(itemCounts.size(), -1);
    std::vector<UserInfo> newUserInfo;
    std::vector<ItemInfo> newItemInfo;
    for (size_t u = 0; u < userCounts.size(); ++u) {
        if (userCounts[u] == 0)
            continue;
        userRemap[u] = newUsers.intern(users.id(int32_t(u)));
        newUserInfo.push_back(std::move(userInfo[u]));
    }
    for (size_t i = 0; i < itemCounts.size(); ++i) {
        if (itemCounts[i] == 0 && itemInfo[i].empty())
            continue;
        itemRemap[i] = newItems.intern(items.id(int32_t(i)));
        newItemInfo.push_back(std::move(itemInfo[i]));
    }
    for (size_t r = 0; r < interactions.size(); ++r) {
        interactions.user[r] = userRemap[size_t(interactions.user[r])];
        interactions.item[r] = itemRemap[size_t(interactions.item[r])];
    }
    users = std::move(newUsers);
    items = std::move(newItems);
    userInfo = std::move(newUserInfo);
    itemInfo = std::move(newItemInfo);
}

UserSequences UserSequences::build(const Dataset &dataset)
{
    const Interactions &in = dataset.interactions;
    const size_t n = in.size();
    UserSequences seq;
    seq.offsets.assign(size_t(dataset.userCount()) + 1, 0);
    for (size_t r = 0; r < n; ++r)
        ++seq.offsets[size_t(in.user[r]) + 1];
    std::partial_sum(seq.offsets.begin(), seq.offsets.end(), seq.offsets.begin());
    // Counting sort by user keeps file order inside each user; then a stable sort by time.
    seq.rows.resize(n);
    std::vector<int64_t> cursor(seq.offsets.begin(), seq.offsets.end() - 1);
    for (size_t r = 0; r < n; ++r)
        seq.rows[size_t(cursor[size_t(in.user[r])]++)] = uint32_t(r);
    const auto &ts = in.timestamp;
    for (int32_t u = 0; u < seq.userCount(); ++u) {
        auto begin = seq.rows.begin() + seq.offsets[u];
        auto end = seq.rows.begin() + seq.offsets[u + 1];
        if (!std::is_sorted(begin, end, [&](uint32_t a, uint32_t b) { return ts[a] < ts[b]; }))
            std::stable_sort(begin, end, [&](uint32_t a, uint32_t b) { return ts[a] < ts[b]; });
    }
    seq.items.resize(n);
    for (size_t k = 0; k < n; ++k)
        seq.items[k] = in.item[seq.rows[k]];
    return seq;
}

} // namespace recforge
