#pragma once
// Typed options of the distillation loss. Torch-free: the GUI and the CLI build them.

#include <string>

#include "common/error.h"

namespace recforge {

// What the teacher contributes besides the hard labels:
//  - Kl: its full softmax at temperature T (T^2 * KL(teacher_T || student_T), Hinton et al.);
//  - Ranking: its top-K list per position as soft targets weighted by rank (Ranking
//    Distillation, Tang & Wang 2018): weight of rank r (1-based) proportional to exp(-r / lambda);
//  - Both: the sum of the two terms.
enum class DistillMode { Kl, Ranking, Both };
const char *distillModeName(DistillMode mode); // "kl", "ranking", "both"
// Errors: InvalidArgument listing the modes.
Expected<DistillMode> parseDistillMode(const std::string &name);

struct DistillLossOptions {
    // Defaults from Amazon Beauty (docs/bench/distill_beauty.md, sessions 7-8): T 2 left the
    // student behind the same student alone; KL + the top-10 list at alpha 0.5, T 1 kept 96 % of
    // the teacher in two seeds, KL alone 94 %.
    double temperature = 1.0; // softens both distributions of the KL term; > 0
    double alpha = 0.5;       // loss = alpha * teacher terms + (1 - alpha) * hard-label loss
    DistillMode mode = DistillMode::Both;
    int topK = 10;          // ranking: teacher list length per position
    double rankDecay = 5.0; // ranking: lambda of the rank weights exp(-r / lambda); > 0
    // Errors: InvalidArgument naming the field (alpha outside [0, 1], T <= 0, topK < 1, ...).
    Status validate() const;
};

} // namespace recforge
