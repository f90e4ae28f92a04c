#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/error.h"
#include "data/import/delimitedreader.h"
#include "data/import/importoptions.h"

namespace recforge {

// What a header name says a column holds (interaction roles and catalogue roles).
enum class HeaderRole {
    None,
    User,
    Item,
    Timestamp,
    Event,
    Value,
    Title,
    Category,
    Brand,
    Price,
    Description,
};

// Lowercase ASCII without '_', '-', ' ' and '.': "User_ID" and "userId" both become "userid".
std::string normalizeHeaderName(std::string_view name);

// Role of a header name, recognising common English and Chinese names: user_id/userId/uid/
// visitorid/customer/用户, item_id/itemid/product_id/sku/asin/商品, timestamp/time/ts/date/
// event_time/时间, event/behavior/event_type/action/行为, rating/value/weight/score/评分,
// title/name/标题, category/类目/分类, brand/品牌, price/价格, description/描述.
HeaderRole headerRole(std::string_view name);

// Type of a column from sample cells. Empty cells are ignored; all empty = Empty. Integer when
// every cell is an integer, Real when every cell is a finite number, Timestamp when every cell is a
// text date/time (ISO 8601 or a common form; bare numbers stay Integer), else Text.
ColumnType inferColumnType(const std::vector<std::string_view> &values);
// Per column of sample rows (rows shorter than columnCount contribute nothing to missing columns).
std::vector<ColumnType> inferColumnTypes(const std::vector<SampleRecord> &rows, size_t columnCount);

// Column references as InteractionColumns / ItemColumns use them: the header name, or "#i"
// (0-based) for files without a header.
std::string columnReference(const std::vector<std::string> &names, size_t index, bool hasHeader);

// Suggests the interaction mapping. With a header, by names (first match per role); without one,
// by position and type: column 0 user, column 1 item, then the first date-like or unix-time
// integer column is the timestamp, the first text column the event, the first number the value.
// Unrecognised roles stay empty.
InteractionColumns suggestInteractionColumns(const std::vector<std::string> &names,
                                             const std::vector<ColumnType> &types,
                                             const std::vector<SampleRecord> &sampleRows,
                                             bool hasHeader);
// Suggests the catalogue mapping from names (item falls back to the first column); every column
// without a role becomes an attribute.
ItemColumns suggestItemColumns(const std::vector<std::string> &names, bool hasHeader);
// Suggests the user file mapping: the user-role column (else the first) and every other column as
// an attribute.
UserColumns suggestUserColumns(const std::vector<std::string> &names, bool hasHeader);

// Resolves a column reference ("#3", or a header name: exact, then case-insensitive) to a 0-based
// index. ErrorCode::Schema naming `role` and the available columns when there is no such column.
Expected<size_t> resolveColumn(const std::string &reference, const std::vector<std::string> &names,
                               bool hasHeader, const std::string &role, const std::string &file);

} // namespace recforge
