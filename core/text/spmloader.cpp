// Opens librecforge_spm.so (see spm/spmapi.h for why SentencePiece lives in its own module).
#include "spm/spmapi.h"

#include <cstdlib>
#include <filesystem>
#include <mutex>

#include <dlfcn.h>

namespace recforge::spm {

namespace {

constexpr const char *kModuleName = "librecforge_spm.so";

std::vector<std::string> candidates()
{
    std::vector<std::string> out;
    if (const char *env = std::getenv("RECFORGE_SPM_MODULE"); env && *env)
        out.emplace_back(env);
    std::error_code ec;
    const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        const auto dir = exe.parent_path();
        out.push_back((dir / ".." / "lib" / "recforge" / kModuleName).lexically_normal().string());
        out.push_back((dir / kModuleName).string());
    }
#ifdef RECFORGE_SPM_MODULE_PATH
    out.emplace_back(RECFORGE_SPM_MODULE_PATH);
#endif
    return out;
}

struct Loaded {
    const Api *api = nullptr;
    std::string error;
};

Loaded open()
{
    Loaded out;
    std::string tried;
    for (const std::string &path : candidates()) {
        std::error_code ec;
        if (!std::filesystem::exists(path, ec)) {
            tried += (tried.empty() ? "" : ", ") + path;
            continue;
        }
        // DEEPBIND: SentencePiece binds to its bundled protobuf, not LibTorch's.
        void *handle = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL | RTLD_DEEPBIND);
        if (!handle) {
            out.error = "cannot open the SentencePiece module " + path + ": " + ::dlerror();
            return out;
        }
        using Entry = const Api *(*)();
        auto entry = reinterpret_cast<Entry>(::dlsym(handle, "recforge_spm_api"));
        const Api *api = entry ? entry() : nullptr;
        if (!api || api->version != kApiVersion) {
            out.error = path + " is not a compatible SentencePiece module";
            return out;
        }
        out.api = api; // never closed: processors may live until exit
        return out;
    }
    out.error = "SentencePiece module " + std::string(kModuleName) + " not found (looked for " +
                tried + "; set RECFORGE_SPM_MODULE to its path)";
    return out;
}

} // namespace

const Api *api(std::string *error)
{
    static const Loaded loaded = open();
    if (!loaded.api && error)
        *error = loaded.error;
    return loaded.api;
}

} // namespace recforge::spm
