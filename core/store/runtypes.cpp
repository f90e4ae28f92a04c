#include "runtypes.h"

#include <array>

namespace recforge {

namespace {

constexpr std::array<const char *, 5> kStatusNames = {"running", "finished", "failed", "cancelled",
                                                      "interrupted"};

} // namespace

const char *runStatusName(RunStatus status)
{
    return kStatusNames[size_t(status)];
}

Expected<RunStatus> parseRunStatus(const std::string &name)
{
    for (size_t i = 0; i < kStatusNames.size(); ++i)
        if (name == kStatusNames[i])
            return RunStatus(i);
    return makeError(ErrorCode::InvalidArgument, "unknown run status '" + name + "'",
                     Location{{}, 0, 0, "status"});
}

} // namespace recforge
