#include "runtime.h"

#include <thread>

#include <torch/torch.h>

namespace recforge {

Expected<DeviceChoice> parseDeviceChoice(const std::string &text)
{
    if (text == "auto")
        return DeviceChoice::Auto;
    if (text == "cpu")
        return DeviceChoice::Cpu;
    if (text == "cuda")
        return DeviceChoice::Cuda;
    return makeError(ErrorCode::InvalidArgument,
                     "unknown device '" + text + "' (expected auto, cpu or cuda)",
                     Location{"", 0, 0, "device"});
}

const char *deviceChoiceName(DeviceChoice choice)
{
    switch (choice) {
    case DeviceChoice::Auto:
        return "auto";
    case DeviceChoice::Cpu:
        return "cpu";
    case DeviceChoice::Cuda:
        return "cuda";
    }
    return "auto";
}

int hardwareThreadCount()
{
    const unsigned n = std::thread::hardware_concurrency();
    return n == 0 ? 1 : int(n);
}

bool cudaAvailable()
{
    return torch::cuda::is_available();
}

Expected<std::string> applyRuntime(const RuntimeOptions &options)
{
    if (options.threads < 0)
        return makeError(ErrorCode::InvalidArgument, "threads must be >= 0 (0 = all cores)",
                         Location{"", 0, 0, "threads"});
    torch::set_num_threads(options.threads == 0 ? hardwareThreadCount() : options.threads);
    switch (options.device) {
    case DeviceChoice::Cpu:
        return std::string("cpu");
    case DeviceChoice::Cuda:
        if (!cudaAvailable())
            return makeError(ErrorCode::InvalidArgument,
                             "device 'cuda' requested but this LibTorch build sees no CUDA GPU",
                             Location{"", 0, 0, "device"});
        return std::string("cuda");
    case DeviceChoice::Auto:
        return std::string(cudaAvailable() ? "cuda" : "cpu");
    }
    return std::string("cpu");
}

} // namespace recforge
