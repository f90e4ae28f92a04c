#pragma once

#include <string>
#include <vector>

#include "common/progress.h"
#include "data/import/importoptions.h"

namespace recforge {

// RecBole atomic files: tab-separated, first line "name:type" per column, types token, token_seq,
// float, float_seq. options.path is name.inter (or the folder holding one); name.item / name.user
// beside it are read when options.itemsPath / usersPath are empty.
//   .inter  user_id:token and item_id:token required; timestamp:float optional (else the row
//           position is the time); rating:float optional (the value, event "rating"; without it
//           options.defaultEvent and 1). options.columns overrides the field names (without the
//           ":type" suffix); columns.event names an optional raw event field.
//   .item   item_id:token; title/movie_title -> title, brand, price, sales (attribute),
//           categories/category/genre/class (token or token_seq, space separated) -> categoryPath,
//           description; every other field -> attribute (sequences joined with a space).
//   .user   user_id:token; every other field -> user attribute.
// A header with a column missing ":type" or with an unknown type is ErrorCode::Schema naming the
// column; a missing required field is ErrorCode::Schema too. Ragged rows (wrong field count) and
// empty ids are rejected rows under options.errorPolicy, and so are bad values of the fields that
// are used: in .inter the rating (non-numeric, NaN, negative) and the timestamp (not a number or
// date); in .item / .user every float / float_seq field (and a negative price).
// Header-only or empty .inter = ErrorCode::Empty; progress in bytes; cancellation returns
// ErrorCode::Cancelled.
Expected<ImportResult> importRecBole(const ImportOptions &options, Observer &observer,
                                     StopToken stop = {});

enum class RecBoleType { Token, TokenSeq, Float, FloatSeq };

struct RecBoleField {
    std::string name; // "user_id"
    RecBoleType type = RecBoleType::Token;
};

// Parses a RecBole header line (without the line break). Errors: ErrorCode::Schema with the column
// (1-based) and the offending header cell as the field.
Expected<std::vector<RecBoleField>> parseRecBoleHeader(const std::string &line,
                                                       const std::string &file);

} // namespace recforge
