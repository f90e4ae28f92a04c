#pragma once

#include <cmath>
#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "idmap.h"

namespace recforge {

// Built-in event kinds; user-defined kinds get codes from EventKinds::kFirstCustom upwards.
enum class EventType : uint16_t { View = 0, Click = 1, Cart = 2, Purchase = 3, Rating = 4 };

// The names of event codes. Codes 0..4 are the built-in kinds; user-defined kinds are appended.
class EventKinds {
public:
    static constexpr uint16_t kFirstCustom = 5;
    EventKinds();
    // Code for a canonical kind name ("view", "purchase", "wishlist"), adding custom kinds.
    uint16_t intern(const std::string &name);
    const std::string &name(uint16_t code) const { return m_names[code]; }
    const std::vector<std::string> &names() const { return m_names; }
    size_t size() const { return m_names.size(); }

private:
    std::vector<std::string> m_names;
};

// Columnar interaction log. Row r is (user[r], item[r], timestamp[r], event[r], value[r]).
struct Interactions {
    std::vector<int32_t> user;      // index into Dataset::users
    std::vector<int32_t> item;      // index into Dataset::items
    std::vector<int64_t> timestamp; // unix seconds; formats without time use the position (0,1,2..)
    std::vector<uint16_t> event;    // EventKinds code
    std::vector<float> value;       // rating value or event weight (1 when the source has none)

    size_t size() const { return user.size(); }
    void reserve(size_t n);
    void append(int32_t u, int32_t i, int64_t ts, uint16_t ev, float v);
    void clear();
    // Keeps the rows whose keep[r] is true, in order.
    void filter(const std::vector<bool> &keep);
};

constexpr double kMissingPrice = std::numeric_limits<double>::quiet_NaN();

struct ItemInfo {
    std::string title;
    std::vector<std::string> categoryPath; // ["Beauty", "Skin Care", "Face"]
    std::string brand;
    double price = kMissingPrice;
    std::string description;
    std::vector<std::pair<std::string, std::string>> attributes; // free-form name -> value

    bool hasPrice() const { return !std::isnan(price); }
    bool empty() const;
};

// Sets `name` to `value`, replacing an existing attribute of that name (a later column or file
// wins) or appending a new one.
void setAttribute(std::vector<std::pair<std::string, std::string>> &attributes,
                  const std::string &name, std::string value);

struct UserInfo {
    std::vector<std::pair<std::string, std::string>> attributes; // age, gender, region, segment...
};

// Everything imported about one shop: ids, interactions, catalogue, users.
// itemInfo and userInfo are indexed like items / users (resized with them; entries may be empty).
struct Dataset {
    std::string name;
    IdMap users;
    IdMap items;
    EventKinds eventKinds;
    Interactions interactions;
    std::vector<ItemInfo> itemInfo;
    std::vector<UserInfo> userInfo;

    int32_t userCount() const { return users.size(); }
    int32_t itemCount() const { return items.size(); }
    // Grows itemInfo / userInfo to match the id maps.
    void syncInfoSizes();
    // Drops users and items without interactions? No: catalogue items may legitimately have none
    // (new items). Compacts ids after filtering: removes users with no interactions and items with
    // neither interactions nor catalogue info, renumbering everything consistently.
    void compact();
};

// Per-user, time-ordered view of the interactions (CSR). Ties in time keep file order.
struct UserSequences {
    std::vector<int64_t> offsets; // size users+1
    std::vector<uint32_t> rows;   // interaction row indices, per user in time order
    std::vector<int32_t> items; // items[k] == interactions.item[rows[k]], for cache-friendly reads

    static UserSequences build(const Dataset &dataset);
    int32_t userCount() const { return offsets.empty() ? 0 : int32_t(offsets.size() - 1); }
    std::span<const uint32_t> rowsOf(int32_t user) const
    {
        return {rows.data() + offsets[user], size_t(offsets[user + 1] - offsets[user])};
    }
    std::span<const int32_t> itemsOf(int32_t user) const
    {
        return {items.data() + offsets[user], size_t(offsets[user + 1] - offsets[user])};
    }
};

} // namespace recforge
