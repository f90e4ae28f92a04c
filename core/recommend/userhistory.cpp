#include "userhistory.h"

#include <algorithm>

namespace recforge {

UserHistory UserHistory::ofUser(const Dataset &dataset, const UserSequences &sequences,
                                int32_t user)
{
    UserHistory h;
    h.user = user;
    if (user < 0 || user >= sequences.userCount())
        return h;
    const Interactions &x = dataset.interactions;
    for (uint32_t row : sequences.rowsOf(user)) {
        h.items.push_back(x.item[row]);
        h.timestamps.push_back(x.timestamp[row]);
        h.events.push_back(x.event[row]);
        h.values.push_back(x.value[row]);
        h.rows.push_back(int64_t(row));
    }
    return h;
}

HistoryView UserHistory::view() const
{
    return HistoryView{items, timestamps, events, values};
}

bool UserHistory::remove(size_t index)
{
    if (index >= items.size())
        return false;
    const auto at = std::ptrdiff_t(index);
    items.erase(items.begin() + at);
    timestamps.erase(timestamps.begin() + at);
    events.erase(events.begin() + at);
    values.erase(values.begin() + at);
    rows.erase(rows.begin() + at);
    return true;
}

void UserHistory::add(int32_t item, int64_t timestamp, uint16_t event, float value)
{
    if (!timestamps.empty())
        timestamp = std::max(timestamp, timestamps.back());
    items.push_back(item);
    timestamps.push_back(timestamp);
    events.push_back(event);
    values.push_back(value);
    rows.push_back(-1);
}

std::vector<int32_t> UserHistory::distinctItems() const
{
    std::vector<int32_t> out(items);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

std::vector<int32_t> UserHistory::itemsWithEvent(uint16_t code) const
{
    std::vector<int32_t> out;
    for (size_t k = 0; k < items.size(); ++k)
        if (events[k] == code)
            out.push_back(items[k]);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

} // namespace recforge
