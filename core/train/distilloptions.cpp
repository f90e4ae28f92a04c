#include "distilloptions.h"

#include <cmath>

namespace recforge {

const char *distillModeName(DistillMode mode)
{
    switch (mode) {
    case DistillMode::Kl:
        return "kl";
    case DistillMode::Ranking:
        return "ranking";
    case DistillMode::Both:
        return "both";
    }
    return "kl";
}

Expected<DistillMode> parseDistillMode(const std::string &name)
{
    for (DistillMode m : {DistillMode::Kl, DistillMode::Ranking, DistillMode::Both})
        if (name == distillModeName(m))
            return m;
    return makeError(ErrorCode::InvalidArgument,
                     "unknown distillation mode '" + name + "' (kl, ranking or both)",
                     Location{"", 0, 0, "mode"});
}

Status DistillLossOptions::validate() const
{
    auto bad = [](const char *field, const std::string &message) -> Status {
        return makeError(ErrorCode::InvalidArgument, message, Location{"", 0, 0, field});
    };
    if (!std::isfinite(alpha) || alpha < 0 || alpha > 1)
        return bad("alpha", "alpha must be in [0, 1], got " + std::to_string(alpha));
    if (!std::isfinite(temperature) || temperature <= 0)
        return bad("temperature", "temperature must be > 0, got " + std::to_string(temperature));
    if (topK < 1 || topK > 1000)
        return bad("topK", "topK must be in [1, 1000], got " + std::to_string(topK));
    if (!std::isfinite(rankDecay) || rankDecay <= 0)
        return bad("rankDecay", "rankDecay must be > 0, got " + std::to_string(rankDecay));
    return {};
}

} // namespace recforge
