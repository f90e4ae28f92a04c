#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "common/error.h"
#include "data/dataset.h"

// Binary formats of the dataset columns stored as BLOBs in dataset_column. All numbers are
// little-endian. Numeric columns are raw arrays; string lists are a u32 byte length + UTF-8 bytes
// per entry; item_info / user_info start with a format version byte (kInfoFormatVersion).
namespace recforge::store {

constexpr uint8_t kInfoFormatVersion = 1;

// The stored columns, in storage and hashing order.
namespace column {
constexpr const char *kUser = "user";              // int32 per interaction
constexpr const char *kItem = "item";              // int32 per interaction
constexpr const char *kTimestamp = "timestamp";    // int64 per interaction
constexpr const char *kEvent = "event";            // uint16 per interaction
constexpr const char *kValue = "value";            // float32 (IEEE bits) per interaction
constexpr const char *kUserIds = "user_ids";       // string per user
constexpr const char *kItemIds = "item_ids";       // string per item
constexpr const char *kEventKinds = "event_kinds"; // string per event code
constexpr const char *kItemInfo = "item_info";     // ItemInfo per entry of Dataset::itemInfo
constexpr const char *kUserInfo = "user_info";     // UserInfo per entry of Dataset::userInfo
} // namespace column
const std::vector<std::string> &columnNames();

struct EncodedColumn {
    std::string name;
    int64_t count = 0;              // elements (rows, ids, entries)
    std::vector<uint8_t> owned;     // bytes produced by encoding, when not borrowed
    std::span<const uint8_t> bytes; // what is stored: points into `owned` or into the dataset
    std::string sha256;             // hex digest of `bytes`
};

// Encodes every column of `dataset` in columnNames() order. Numeric columns borrow the dataset's
// memory on little-endian hosts, so `dataset` must outlive the result.
std::vector<EncodedColumn> encodeDataset(const Dataset &dataset);
// sha256 over "<name>\0<column sha256 hex>\n" for every column, in order: the dataset content hash.
std::string datasetHash(const std::vector<EncodedColumn> &columns);

// Checks that `dataset` is internally consistent (column lengths equal, user/item/event codes in
// range, info vectors no longer than the id maps). InvalidArgument naming the column otherwise.
Status validateDataset(const Dataset &dataset);

// Decoders: `count` is the stored element count. On malformed bytes they return an error whose
// message says what is wrong (the caller adds the dataset and column).
template <typename T>
Status decodeArray(std::span<const uint8_t> bytes, int64_t count, std::vector<T> &out);
Status decodeStrings(std::span<const uint8_t> bytes, int64_t count, std::vector<std::string> &out);
Status decodeItemInfo(std::span<const uint8_t> bytes, int64_t count, std::vector<ItemInfo> &out);
Status decodeUserInfo(std::span<const uint8_t> bytes, int64_t count, std::vector<UserInfo> &out);

} // namespace recforge::store
