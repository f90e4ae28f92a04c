#pragma once

#include "common/progress.h"
#include "data/import/importoptions.h"

namespace recforge {

// MovieLens 100k. options.path is u.data (or the folder holding it):
//   u.data  tab-separated "user item rating unix-seconds" -> event "rating", value = rating
//   u.item  '|'-separated, ISO-8859-1: id|title (year)|release date|video date|URL|19 genre flags
//           -> title (as in the file, converted to UTF-8), categoryPath = names of the genres whose
//           flag is 1 (in u.genre order), attributes "year" (from the title or the release date),
//           "release_date", "url"
//   u.user  '|'-separated: id|age|gender|occupation|zip -> user attributes of those names
// u.item / u.user come from options.itemsPath / usersPath, or from beside u.data when those are
// empty and the files exist. Ratings must be finite and >= 0, timestamps integers; bad rows follow
// options.errorPolicy (file:line:column (field)). u.data is read as UTF-8/GB18030 through the
// shared decoder, u.item and u.user as ISO-8859-1 unless options.encoding names another encoding.
// Empty u.data / no accepted rating = ErrorCode::Empty; progress in bytes; cancellation returns
// ErrorCode::Cancelled.
Expected<ImportResult> importMovieLens(const ImportOptions &options, Observer &observer,
                                       StopToken stop = {});

} // namespace recforge
