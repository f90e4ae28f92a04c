#pragma once

#include <string>
#include <string_view>

#include "common/error.h"
#include "data/import/importoptions.h"

namespace recforge {

// Format of an interactions path by name and content:
//   a folder holding u.data -> MovieLens, a folder holding one *.inter -> RecBole;
//   *.jsonl / *.json / *.ndjson -> JsonLines; *.inter -> RecBole; a file named u.data -> MovieLens;
//   a *.txt (or extension-less) file whose first lines are whitespace-separated tokens (no , ; |)
//   with at least two tokens and a varying count per line -> Sequence; anything else -> Delimited.
// Io error when the path does not exist.
Expected<ImportFormat> detectImportFormat(const std::string &path);

// options.format, or detectImportFormat(options.path) when it is Auto.
Expected<ImportFormat> resolveImportFormat(const ImportOptions &options);

// Format of a catalogue / user side file: JsonLines for *.jsonl / *.json / *.ndjson, else
// Delimited.
ImportFormat sideFileFormat(const std::string &path);

// True when the lines of `sample` look like the "user item1 item2 ..." sequence format.
bool looksLikeSequenceText(std::string_view sample);

} // namespace recforge
