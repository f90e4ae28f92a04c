#pragma once

#include "common/progress.h"
#include "data/import/importoptions.h"

namespace recforge {

// JSON Lines: one JSON object per line, e.g.
//   {"user_id": "u1", "item_id": 42, "timestamp": 1700000000, "event": "buy"}
// Field names come from ImportOptions::columns; when user/item are empty they are inferred from the
// first object's keys (user_id/userId/user/uid/visitorid, item_id/itemId/item/product_id/asin/iid,
// timestamp/time/ts/unixReviewTime/date, event/event_type/behavior/action/type, rating/value/score/
// overall/weight). Ids may be strings or integers; timestamps numbers or date strings; the value a
// number or a numeric string.
//
// Blank (whitespace-only) lines are not records: they are skipped and not counted in rowsRead.
// A line that is not a JSON object (truncated JSON, an array, a bare number), a missing or null id,
// an id of the wrong type (object, array, bool, float), a bad timestamp or a NaN / negative value
// is a rejected row: with ErrorPolicy::SkipAndReport it lands in the report (line, column = byte
// position of a JSON syntax error, field = the offending key); with StopAtFirstError it is the
// returned error (ErrorCode::Parse, file:line:column (field)). Text goes through the shared decoder
// (options.encoding: UTF-8 with or without BOM; Auto also accepts GB18030); bytes that are not
// valid in the encoding are ErrorCode::Encoding. A file with no record, or no accepted
// record, is ErrorCode::Empty. Progress is in bytes; cancellation returns ErrorCode::Cancelled.
// When options.itemsPath / usersPath are set they are read through importItems() / importUsers()
// (importer.h): JSON Lines for *.jsonl / *.json / *.ndjson, else the delimited reader.
Expected<ImportResult> importJsonLines(const ImportOptions &options, Observer &observer,
                                       StopToken stop = {});

// Catalogue JSON Lines (options.itemsPath) into an existing dataset; one object per item. Fields
// from options.itemColumns (inferred when item is empty: item_id/asin/product_id/id, title/name,
// category/categories (string with categorySeparator or array of strings), brand, price,
// description); every other scalar key becomes a free-form attribute. Unknown item ids are
// appended.
Expected<FileImportReport> importJsonLinesItems(Dataset &dataset, const ImportOptions &options,
                                                Observer &observer, StopToken stop = {});

// User attribute JSON Lines (options.usersPath): user id from options.userColumns.user (inferred
// when empty); userColumns.attributes, or every other scalar key, become user attributes.
Expected<FileImportReport> importJsonLinesUsers(Dataset &dataset, const ImportOptions &options,
                                                Observer &observer, StopToken stop = {});

} // namespace recforge
