#pragma once

#include <string>

#include "common/progress.h"
#include "data/import/importoptions.h"

namespace recforge {

// The "user item1 item2 ..." sequence format (S3-Rec / SASRec preprocessing): one user per line,
// ids separated by spaces or tabs, items in time order. Each item becomes one interaction (one
// record of the report) with timestamp = its position in the user's sequence (0, 1, 2, ...),
// value 1 and event options.defaultEvent, except that the generic default of ImportOptions
// ("view", or an empty string) means "purchase" here: these files list bought/reviewed items.
//
// Blank lines are not records and are not counted. A line with a user id and no item is one
// rejected record (column 2). A user id that appears again on a later line continues that user's
// sequence (positions go on counting) and adds a warning to the report. Encodings go through the
// shared decoder (UTF-8 with or without BOM, GB18030); invalid bytes are ErrorCode::Encoding.
// Empty file / nothing accepted = ErrorCode::Empty; progress in bytes; cancellation returns
// ErrorCode::Cancelled. options.itemsPath, when set: a *.json file is read with
// importItemAttributesJson(); any other (*.jsonl, CSV, TSV...) with importItems() (importer.h).
Expected<ImportResult> importSequences(const ImportOptions &options, Observer &observer,
                                       StopToken stop = {});

// Loads an item -> attribute-ids JSON object such as Beauty_item2attributes.json:
//   {"4": [1, 2, 3], "83": [4, 5, 6]}
// Every attribute id becomes one ItemInfo::attributes entry (attributeName, "<id>"), in file order.
// Items not yet in the dataset are appended as catalogue-only items. A value that is not an array
// of integers/strings is a rejected entry (field = the item id); a file that is not a JSON object
// is ErrorCode::Parse with line:column of the syntax error. rowsRead counts items (object keys).
Expected<FileImportReport> importItemAttributesJson(Dataset &dataset, const std::string &path,
                                                    Observer &observer, StopToken stop = {},
                                                    ErrorPolicy policy = ErrorPolicy::SkipAndReport,
                                                    const std::string &attributeName = "attr");

} // namespace recforge
