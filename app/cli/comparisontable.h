#pragma once
// The teacher-versus-student table of `distill` and `runs compare`.

#include "eval/modelcomparison.h"

namespace recforge::cli {

// Rows: parameters, size on disk, p50 / p99 latency, users/s, quality metrics (with the protocol
// label), Jaccard@K; a ratio column (B / A).
void printComparisonTable(const ModelComparison &comparison);

} // namespace recforge::cli
