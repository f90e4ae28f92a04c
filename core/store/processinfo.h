#pragma once

#include <cstdint>
#include <string>

// Who owns a running run: enough to tell, on the next open, whether that process is still alive.
namespace recforge::store {

struct ProcessIdentity {
    std::string host; // gethostname()
    int64_t pid = 0;
    // Start time of the process in clock ticks since boot (Linux /proc/<pid>/stat field 22);
    // 0 when unknown. Distinguishes a reused pid from the original process.
    int64_t startTicks = 0;
};

// This process.
const ProcessIdentity &currentProcess();

// True when `process` runs on this host and is still alive (not a zombie, and the same start time
// when both are known). Processes of other hosts cannot be checked: false.
bool isProcessAlive(const ProcessIdentity &process);
// True when `process` ran on this host (so isProcessAlive() is meaningful).
bool isLocalProcess(const ProcessIdentity &process);

} // namespace recforge::store
