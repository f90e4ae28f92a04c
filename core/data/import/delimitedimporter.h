#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/progress.h"
#include "data/import/delimitedreader.h"
#include "data/import/importoptions.h"
#include "data/import/textdecoder.h"

namespace recforge {

// A delimited file decoded to UTF-8, with its dialect sniffed (or taken from the options) and the
// header read; `reader` stands at the first data record.
struct DelimitedSource {
    std::string path;
    std::string file; // display name used in locations and reports
    DecodedText text;
    char delimiter = ',';
    bool hasHeader = false;
    std::vector<std::string> names;   // header cells (trimmed), or "column 1".. without a header
    std::vector<SampleRecord> sample; // first data records (up to 200), for inference
    std::optional<DelimitedReader> reader;
};

// Opens `path` for delimited reading with options.encoding / delimiter / hasHeader (sniffed when
// unset). With maxBytes only that prefix is decoded (previews). Errors: Io (missing file),
// Encoding (file:line:column of the first bad byte), Empty (no record at all, or a header without
// data rows), Schema (duplicate header names, named in the message), Parse (unterminated quote in
// the header).
Expected<DelimitedSource> openDelimited(const std::string &path, const ImportOptions &options,
                                        size_t maxBytes = kWholeFile);

// Interactions from a delimited file into a fresh dataset (options.itemsPath / usersPath are
// imported too, through importItems / importUsers). Column mapping from options.columns, or
// inferred from header names and cell types when user or item is empty (Schema error when they
// cannot be inferred or name a missing column). Ragged rows (field count differs from the header /
// first row) and malformed quoting are rejected rows (line + column); an unterminated quote is a
// Parse error at the line where it opened. Everything else as documented for importDataset.
Expected<ImportResult> importDelimited(const ImportOptions &options, Observer &observer,
                                       StopToken stop = {});

// Catalogue file (options.itemsPath) into `dataset`: ItemColumns from options.itemColumns or
// inferred. Category cells are split on categorySeparator, or on '>' '/' '|' when that does not
// occur; prices may carry a currency sign ("$12.50", "¥30", "12.5元"); a non-numeric or negative
// price, an empty id or a ragged row is a rejected row. Columns without a role become attributes
// (all of them when itemColumns.attributes is empty). A repeated item id updates the same item.
Expected<FileImportReport> importDelimitedItems(Dataset &dataset, const ImportOptions &options,
                                                Observer &observer, StopToken stop = {});

// User attribute file (options.usersPath): UserColumns from options.userColumns or inferred; the
// other columns (or userColumns.attributes) become attributes; empty cells are skipped.
Expected<FileImportReport> importDelimitedUsers(Dataset &dataset, const ImportOptions &options,
                                                Observer &observer, StopToken stop = {});

} // namespace recforge
