#pragma once

#include "common/progress.h"
#include "data/import/importoptions.h"

namespace recforge {

// Imports interactions (and the optional catalogue / user files) into a fresh Dataset.
// Progress is reported in bytes read; the StopToken is honoured between chunks (returns
// ErrorCode::Cancelled). With ErrorPolicy::StopAtFirstError the first bad row is the error (with
// file, line, column, field); with SkipAndReport bad rows land in the report and only a file with
// no acceptable row at all is an error. Nothing outside the returned value is touched.
Expected<ImportResult> importDataset(const ImportOptions &options, Observer &observer,
                                     StopToken stop = {});

// Adds a catalogue or user file to an existing dataset copy (new ids are appended).
Expected<FileImportReport> importItems(Dataset &dataset, const ImportOptions &options,
                                       Observer &observer, StopToken stop = {});
Expected<FileImportReport> importUsers(Dataset &dataset, const ImportOptions &options,
                                       Observer &observer, StopToken stop = {});

// What the import wizard shows before importing: sniffed settings, columns with inferred types and
// suggested mapping, and the first rows as text.
struct ImportPreview {
    ImportFormat format = ImportFormat::Delimited;
    TextEncoding encoding = TextEncoding::Utf8;
    std::string encodingName;
    char delimiter = ',';
    bool hasHeader = true;
    std::vector<std::string> columnNames; // header names, or "column 1".. without header
    std::vector<ColumnType> columnTypes;
    InteractionColumns suggested;               // guessed from names and types
    std::vector<std::vector<std::string>> rows; // first rows (UTF-8)
    std::vector<std::string> distinctEvents;    // distinct values of the suggested event column
};
Expected<ImportPreview> previewFile(const ImportOptions &options, int maxRows = 50);

const char *importFormatName(ImportFormat format);
Expected<ImportFormat> parseImportFormat(const std::string &name);
const char *columnTypeName(ColumnType type);

} // namespace recforge
