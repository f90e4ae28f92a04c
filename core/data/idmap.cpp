#include "idmap.h"

namespace recforge {

size_t IdMap::Hash::operator()(std::string_view s) const noexcept
{
    // FNV-1a, 64 bit: fast on the short ids of interaction logs.
    uint64_t h = 1469598103934665603ull;
    for (unsigned char c : s) {
        h ^= c;
        h *= 1099511628211ull;
    }
    return size_t(h ^ (h >> 29));
}

int32_t IdMap::intern(std::string_view id)
{
    auto it = m_index.find(id);
    if (it != m_index.end())
        return it->second;
    const int32_t index = int32_t(m_ids.size());
    m_ids.emplace_back(id);
    m_index.emplace(std::string(id), index);
    return index;
}

std::optional<int32_t> IdMap::find(std::string_view id) const
{
    auto it = m_index.find(id);
    if (it == m_index.end())
        return std::nullopt;
    return it->second;
}

void IdMap::reserve(size_t n)
{
    m_ids.reserve(n);
    m_index.reserve(n);
}

void IdMap::clear()
{
    m_ids.clear();
    m_index.clear();
}

} // namespace recforge
