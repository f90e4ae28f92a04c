#include "columncodec.h"

#include <algorithm>
#include <bit>
#include <climits>
#include <cstdint>
#include <cstring>

#include "common/sha256.h"

namespace recforge::store {

namespace {

constexpr bool kLittleEndian = std::endian::native == std::endian::little;

template <typename T> void appendLittleEndian(std::vector<uint8_t> &out, T value)
{
    uint8_t bytes[sizeof(T)];
    std::memcpy(bytes, &value, sizeof(T));
    if constexpr (!kLittleEndian)
        std::reverse(bytes, bytes + sizeof(T));
    out.insert(out.end(), bytes, bytes + sizeof(T));
}

class ByteWriter {
public:
    std::vector<uint8_t> bytes;
    void u8(uint8_t v) { bytes.push_back(v); }
    void u32(uint32_t v) { appendLittleEndian(bytes, v); }
    void f64(double v) { appendLittleEndian(bytes, v); } // bit pattern kept: NaN stays NaN
    void str(const std::string &s)
    {
        u32(uint32_t(s.size()));
        bytes.insert(bytes.end(), s.begin(), s.end());
    }
    void pairs(const std::vector<std::pair<std::string, std::string>> &list)
    {
        u32(uint32_t(list.size()));
        for (const auto &[name, value] : list) {
            str(name);
            str(value);
        }
    }
};

// Bounds-checked reader: every read fails (returns false) instead of running past the end.
class ByteReader {
public:
    explicit ByteReader(std::span<const uint8_t> bytes) : m_bytes(bytes) {}
    bool atEnd() const { return m_pos == m_bytes.size(); }
    size_t remaining() const { return m_bytes.size() - m_pos; }
    size_t position() const { return m_pos; }

    template <typename T> bool read(T &value)
    {
        if (remaining() < sizeof(T))
            return false;
        uint8_t bytes[sizeof(T)];
        std::memcpy(bytes, m_bytes.data() + m_pos, sizeof(T));
        if constexpr (!kLittleEndian)
            std::reverse(bytes, bytes + sizeof(T));
        std::memcpy(&value, bytes, sizeof(T));
        m_pos += sizeof(T);
        return true;
    }
    bool str(std::string &s)
    {
        uint32_t size = 0;
        if (!read(size) || remaining() < size)
            return false;
        s.assign(reinterpret_cast<const char *>(m_bytes.data() + m_pos), size);
        m_pos += size;
        return true;
    }
    // A count that must be plausible for the bytes left (each element takes >= minBytes).
    bool count(uint32_t &n, size_t minBytes)
    {
        return read(n) && size_t(n) * minBytes <= remaining();
    }
    bool pairs(std::vector<std::pair<std::string, std::string>> &list)
    {
        uint32_t n = 0;
        if (!count(n, 8))
            return false;
        list.resize(n);
        for (auto &[name, value] : list)
            if (!str(name) || !str(value))
                return false;
        return true;
    }

private:
    std::span<const uint8_t> m_bytes;
    size_t m_pos = 0;
};

Error corrupt(const std::string &what)
{
    return Error{ErrorCode::Database, what, {}};
}

template <typename T> EncodedColumn numericColumn(const char *name, const std::vector<T> &values)
{
    EncodedColumn c;
    c.name = name;
    c.count = int64_t(values.size());
    if constexpr (kLittleEndian) {
        c.bytes = {reinterpret_cast<const uint8_t *>(values.data()), values.size() * sizeof(T)};
    } else {
        c.owned.reserve(values.size() * sizeof(T));
        for (T v : values)
            appendLittleEndian(c.owned, v);
        c.bytes = c.owned;
    }
    return c;
}

EncodedColumn stringColumn(const char *name, const std::vector<std::string> &values)
{
    ByteWriter w;
    size_t total = 0;
    for (const auto &s : values)
        total += 4 + s.size();
    w.bytes.reserve(total);
    for (const auto &s : values)
        w.str(s);
    EncodedColumn c;
    c.name = name;
    c.count = int64_t(values.size());
    c.owned = std::move(w.bytes);
    c.bytes = c.owned;
    return c;
}

EncodedColumn itemInfoColumn(const std::vector<ItemInfo> &infos)
{
    ByteWriter w;
    w.u8(kInfoFormatVersion);
    for (const ItemInfo &info : infos) {
        w.str(info.title);
        w.u32(uint32_t(info.categoryPath.size()));
        for (const auto &level : info.categoryPath)
            w.str(level);
        w.str(info.brand);
        w.f64(info.price);
        w.str(info.description);
        w.pairs(info.attributes);
    }
    EncodedColumn c;
    c.name = column::kItemInfo;
    c.count = int64_t(infos.size());
    c.owned = std::move(w.bytes);
    c.bytes = c.owned;
    return c;
}

EncodedColumn userInfoColumn(const std::vector<UserInfo> &infos)
{
    ByteWriter w;
    w.u8(kInfoFormatVersion);
    for (const UserInfo &info : infos)
        w.pairs(info.attributes);
    EncodedColumn c;
    c.name = column::kUserInfo;
    c.count = int64_t(infos.size());
    c.owned = std::move(w.bytes);
    c.bytes = c.owned;
    return c;
}

Status checkVersion(ByteReader &r)
{
    uint8_t version = 0;
    if (!r.read(version))
        return tl::unexpected(corrupt("missing format version byte"));
    if (version != kInfoFormatVersion)
        return tl::unexpected(corrupt("unknown format version " + std::to_string(version)));
    return {};
}

Status checkCount(int64_t count)
{
    if (count < 0 || count > int64_t(INT32_MAX))
        return tl::unexpected(corrupt("implausible element count " + std::to_string(count)));
    return {};
}

} // namespace

const std::vector<std::string> &columnNames()
{
    static const std::vector<std::string> kNames = {
        column::kUser,     column::kItem,    column::kTimestamp, column::kEvent,
        column::kValue,    column::kUserIds, column::kItemIds,   column::kEventKinds,
        column::kItemInfo, column::kUserInfo};
    return kNames;
}

std::vector<EncodedColumn> encodeDataset(const Dataset &d)
{
    std::vector<EncodedColumn> columns;
    columns.reserve(10);
    columns.push_back(numericColumn(column::kUser, d.interactions.user));
    columns.push_back(numericColumn(column::kItem, d.interactions.item));
    columns.push_back(numericColumn(column::kTimestamp, d.interactions.timestamp));
    columns.push_back(numericColumn(column::kEvent, d.interactions.event));
    columns.push_back(numericColumn(column::kValue, d.interactions.value));
    columns.push_back(stringColumn(column::kUserIds, d.users.ids()));
    columns.push_back(stringColumn(column::kItemIds, d.items.ids()));
    columns.push_back(stringColumn(column::kEventKinds, d.eventKinds.names()));
    columns.push_back(itemInfoColumn(d.itemInfo));
    columns.push_back(userInfoColumn(d.userInfo));
    for (EncodedColumn &c : columns) {
        Sha256 hash;
        hash.update(c.bytes.data(), c.bytes.size());
        c.sha256 = hash.finishHex();
    }
    return columns;
}

std::string datasetHash(const std::vector<EncodedColumn> &columns)
{
    Sha256 hash;
    for (const EncodedColumn &c : columns) {
        hash.update(c.name);
        hash.update(std::string_view("\0", 1));
        hash.update(c.sha256);
        hash.update("\n");
    }
    return hash.finishHex();
}

Status validateDataset(const Dataset &d)
{
    const auto bad = [](const char *col, const std::string &what) -> Status {
        return makeError(ErrorCode::InvalidArgument,
                         std::string("dataset column ") + col + ": " + what,
                         Location{{}, 0, 0, col});
    };
    const Interactions &in = d.interactions;
    const size_t n = in.user.size();
    if (in.item.size() != n)
        return bad(column::kItem, "length differs from the user column");
    if (in.timestamp.size() != n)
        return bad(column::kTimestamp, "length differs from the user column");
    if (in.event.size() != n)
        return bad(column::kEvent, "length differs from the user column");
    if (in.value.size() != n)
        return bad(column::kValue, "length differs from the user column");
    const int32_t users = d.users.size(), items = d.items.size();
    const size_t kinds = d.eventKinds.size();
    for (size_t r = 0; r < n; ++r) {
        if (in.user[r] < 0 || in.user[r] >= users)
            return bad(column::kUser, "row " + std::to_string(r) + " has user index " +
                                          std::to_string(in.user[r]) + " outside [0, " +
                                          std::to_string(users) + ")");
        if (in.item[r] < 0 || in.item[r] >= items)
            return bad(column::kItem, "row " + std::to_string(r) + " has item index " +
                                          std::to_string(in.item[r]) + " outside [0, " +
                                          std::to_string(items) + ")");
        if (in.event[r] >= kinds)
            return bad(column::kEvent, "row " + std::to_string(r) + " has unknown event code " +
                                           std::to_string(in.event[r]));
    }
    if (d.itemInfo.size() > size_t(items))
        return bad(column::kItemInfo, "more catalogue entries than items");
    if (d.userInfo.size() > size_t(users))
        return bad(column::kUserInfo, "more user entries than users");
    return {};
}

template <typename T>
Status decodeArray(std::span<const uint8_t> bytes, int64_t count, std::vector<T> &out)
{
    if (auto ok = checkCount(count); !ok)
        return ok;
    if (bytes.size() != size_t(count) * sizeof(T))
        return tl::unexpected(corrupt("expected " + std::to_string(count) + " x " +
                                      std::to_string(sizeof(T)) + " bytes, found " +
                                      std::to_string(bytes.size())));
    out.resize(size_t(count));
    if (!bytes.empty())
        std::memcpy(out.data(), bytes.data(), bytes.size());
    if constexpr (!kLittleEndian && sizeof(T) > 1) {
        for (T &v : out) {
            uint8_t *p = reinterpret_cast<uint8_t *>(&v);
            std::reverse(p, p + sizeof(T));
        }
    }
    return {};
}

template Status decodeArray<int32_t>(std::span<const uint8_t>, int64_t, std::vector<int32_t> &);
template Status decodeArray<int64_t>(std::span<const uint8_t>, int64_t, std::vector<int64_t> &);
template Status decodeArray<uint16_t>(std::span<const uint8_t>, int64_t, std::vector<uint16_t> &);
template Status decodeArray<uint8_t>(std::span<const uint8_t>, int64_t, std::vector<uint8_t> &);
template Status decodeArray<float>(std::span<const uint8_t>, int64_t, std::vector<float> &);

Status decodeStrings(std::span<const uint8_t> bytes, int64_t count, std::vector<std::string> &out)
{
    if (auto ok = checkCount(count); !ok)
        return ok;
    if (size_t(count) * 4 > bytes.size())
        return tl::unexpected(corrupt("too few bytes for " + std::to_string(count) + " strings"));
    ByteReader r(bytes);
    out.resize(size_t(count));
    for (size_t i = 0; i < out.size(); ++i)
        if (!r.str(out[i]))
            return tl::unexpected(corrupt("string " + std::to_string(i) + " runs past the end"));
    if (!r.atEnd())
        return tl::unexpected(corrupt(std::to_string(r.remaining()) + " trailing bytes"));
    return {};
}

Status decodeItemInfo(std::span<const uint8_t> bytes, int64_t count, std::vector<ItemInfo> &out)
{
    if (auto ok = checkCount(count); !ok)
        return ok;
    ByteReader r(bytes);
    if (auto ok = checkVersion(r); !ok)
        return ok;
    // Each entry takes at least 4+4+4+8+4+4 bytes; reject absurd counts before allocating.
    if (size_t(count) * 28 > r.remaining())
        return tl::unexpected(corrupt("too few bytes for " + std::to_string(count) + " entries"));
    out.resize(size_t(count));
    for (size_t i = 0; i < out.size(); ++i) {
        ItemInfo &info = out[i];
        uint32_t levels = 0;
        bool ok = r.str(info.title) && r.count(levels, 4);
        if (ok) {
            info.categoryPath.resize(levels);
            for (auto &level : info.categoryPath)
                ok = ok && r.str(level);
        }
        ok = ok && r.str(info.brand) && r.read(info.price) && r.str(info.description) &&
             r.pairs(info.attributes);
        if (!ok)
            return tl::unexpected(corrupt("entry " + std::to_string(i) + " is truncated"));
    }
    if (!r.atEnd())
        return tl::unexpected(corrupt(std::to_string(r.remaining()) + " trailing bytes"));
    return {};
}

Status decodeUserInfo(std::span<const uint8_t> bytes, int64_t count, std::vector<UserInfo> &out)
{
    if (auto ok = checkCount(count); !ok)
        return ok;
    ByteReader r(bytes);
    if (auto ok = checkVersion(r); !ok)
        return ok;
    if (size_t(count) * 4 > r.remaining())
        return tl::unexpected(corrupt("too few bytes for " + std::to_string(count) + " entries"));
    out.resize(size_t(count));
    for (size_t i = 0; i < out.size(); ++i)
        if (!r.pairs(out[i].attributes))
            return tl::unexpected(corrupt("entry " + std::to_string(i) + " is truncated"));
    if (!r.atEnd())
        return tl::unexpected(corrupt(std::to_string(r.remaining()) + " trailing bytes"));
    return {};
}

} // namespace recforge::store
