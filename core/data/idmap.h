#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace recforge {

// Maps external string ids ("u_1042", "B00ABC") to dense indices 0..size()-1 and back.
// Indices are assigned in first-seen order and never change.
class IdMap {
public:
    // Returns the index of `id`, adding it when new.
    int32_t intern(std::string_view id);
    std::optional<int32_t> find(std::string_view id) const;
    const std::string &id(int32_t index) const { return m_ids[size_t(index)]; }
    const std::vector<std::string> &ids() const { return m_ids; }
    int32_t size() const { return int32_t(m_ids.size()); }
    bool empty() const { return m_ids.empty(); }
    void reserve(size_t n);
    void clear();

private:
    struct Hash {
        using is_transparent = void;
        size_t operator()(std::string_view s) const noexcept;
    };
    std::vector<std::string> m_ids;
    std::unordered_map<std::string, int32_t, Hash, std::equal_to<>> m_index;
};

} // namespace recforge
