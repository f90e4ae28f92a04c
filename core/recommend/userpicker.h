#pragma once
// Choosing a user to inspect: by external id, or a seeded sample of a kind of user. Torch-free.

#include <cstdint>
#include <string>
#include <vector>

#include "common/error.h"
#include "data/dataset.h"
#include "data/split.h"

namespace recforge {

enum class UserSample {
    Random, // any user with at least one interaction
    Heavy,  // the top activity decile (interaction count >= the 90th percentile)
    Light,  // 1 to 3 interactions
    Cold,   // users of a cold-user split (Support rows) or, without a split, no Train row
};
const char *userSampleName(UserSample kind); // "random", "heavy", "light", "cold"
Expected<UserSample> parseUserSample(const std::string &name);

// Index of the user with external id `id`. NotFound (naming the id) when absent.
Expected<int32_t> findUser(const Dataset &dataset, const std::string &id);

// Every user of the kind, ascending. `split` (may be null) decides who is cold: users with a
// Support row, or with interactions but no Train row; without a split no user is cold.
std::vector<int32_t> usersOfKind(const Dataset &dataset, UserSample kind,
                                 const Split *split = nullptr);

// `count` distinct users of the kind, drawn with `seed` (same inputs => same users; fewer when
// the kind has fewer users). Errors: Empty (no user of that kind), InvalidArgument (count < 1,
// split role size differs from the interaction count).
Expected<std::vector<int32_t>> sampleUsers(const Dataset &dataset, UserSample kind, int count,
                                           uint64_t seed, const Split *split = nullptr);

} // namespace recforge
