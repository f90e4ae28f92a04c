#pragma once

#include <string>

#include "common/error.h"

namespace recforge {

// Where tensors live. Auto = CUDA when this LibTorch build sees a GPU, else CPU.
enum class DeviceChoice { Auto, Cpu, Cuda };

struct RuntimeOptions {
    DeviceChoice device = DeviceChoice::Auto;
    int threads = 0; // LibTorch intra-op threads; 0 = all cores of this machine
};

Expected<DeviceChoice> parseDeviceChoice(const std::string &text); // "auto" | "cpu" | "cuda"
const char *deviceChoiceName(DeviceChoice choice);

int hardwareThreadCount();
bool cudaAvailable();

// Applies the thread count (LibTorch defaults to 1 thread on Debian) and resolves the device.
// Fails when CUDA is requested but not available. Returns "cpu" or "cuda".
Expected<std::string> applyRuntime(const RuntimeOptions &options);

} // namespace recforge
