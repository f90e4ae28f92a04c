#pragma once

// Internal pieces of the RecBole importer shared by the .inter reader and the .item / .user
// readers.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/progress.h"
#include "data/import/recboleimporter.h"
#include "data/import/textdecoder.h"

namespace recforge::importdetail {

// A decoded atomic file with its parsed header; `body` is the text after the header line.
struct AtomicFile {
    std::string path;
    DecodedText decoded;
    std::vector<RecBoleField> fields;
    std::string_view body;
    int64_t firstBodyLine = 2;
};

// Loads and decodes `path` and parses its header. Empty file: ErrorCode::Empty; bad header:
// ErrorCode::Schema (see parseRecBoleHeader).
Expected<AtomicFile> loadAtomicFile(const std::string &path, TextEncoding encoding);

// Index of the field named `name` (exact), or of the first of `candidates` (case-insensitive)
// when `name` is empty. nullopt when absent.
std::optional<size_t> findRecBoleField(const std::vector<RecBoleField> &fields,
                                       const std::string &name,
                                       std::initializer_list<std::string_view> candidates);

// Checks one value against its declared type: float must be a finite number (empty = missing),
// float_seq space-separated finite numbers. The reason on failure.
std::optional<std::string> checkRecBoleValue(std::string_view value, RecBoleType type);

Expected<FileImportReport> importRecBoleItems(Dataset &dataset, const std::string &path,
                                              const ImportOptions &options, Observer &observer,
                                              StopToken stop);
Expected<FileImportReport> importRecBoleUsers(Dataset &dataset, const std::string &path,
                                              const ImportOptions &options, Observer &observer,
                                              StopToken stop);

} // namespace recforge::importdetail
