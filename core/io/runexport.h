#pragma once
// Export of a stored run's model (the CLI's `export`, the GUI's export dialog): the run's best
// (else latest) checkpoint and the dataset it was trained on, through exportModel().

#include <cstdint>
#include <string>

#include "common/error.h"
#include "common/progress.h"
#include "io/modelexport.h"

namespace recforge {

// options.extra is filled with {"project", "run", "checkpoint"} when null. Errors: NotFound
// (project, run, checkpoint or dataset gone), and exportModel's errors.
Expected<ExportResult> exportRun(const std::string &projectPath, int64_t runId,
                                 ExportOptions options, Observer &observer, StopToken stop = {});

} // namespace recforge
