#pragma once

// Internal: the MovieLens 100k side files u.item and u.user (see movielensimporter.h for the
// mapping). Both are ISO-8859-1 unless the bytes are valid UTF-8 (or options.encoding is GB18030).

#include <string>

#include "common/progress.h"
#include "data/import/importoptions.h"

namespace recforge::importdetail {

// u.item rows into dataset.itemInfo (new item ids are appended). Genre names come from u.genre
// beside the file when present, else the 19 names of the MovieLens 100k README.
Expected<FileImportReport> importMovieLensItems(Dataset &dataset, const std::string &path,
                                                const ImportOptions &options, Observer &observer,
                                                StopToken stop);
// u.user rows into dataset.userInfo (new user ids are appended).
Expected<FileImportReport> importMovieLensUsers(Dataset &dataset, const std::string &path,
                                                const ImportOptions &options, Observer &observer,
                                                StopToken stop);

} // namespace recforge::importdetail
