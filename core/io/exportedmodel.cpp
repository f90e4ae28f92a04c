#include "modelexport.h"

#include <filesystem>
#include <fstream>

#include "models/modelfactory.h"
#include "models/recommender.h"

namespace recforge {

namespace fs = std::filesystem;

ExportedModel::ExportedModel() = default;
ExportedModel::ExportedModel(ExportedModel &&) noexcept = default;
ExportedModel &ExportedModel::operator=(ExportedModel &&) noexcept = default;
ExportedModel::~ExportedModel() = default;

namespace {
Status readIds(const std::string &path, IdMap &ids, int32_t expected)
{
    std::ifstream in(path);
    if (!in)
        return makeError(ErrorCode::NotFound, "cannot read " + path, Location{path, 0, 0, {}});
    std::string line;
    int64_t lineNo = 0;
    while (std::getline(in, line)) {
        ++lineNo;
        if (ids.find(line))
            return makeError(ErrorCode::Parse, path + ": duplicate id '" + line + "'",
                             Location{path, lineNo, 1, {}});
        ids.intern(line);
    }
    if (expected >= 0 && ids.size() != expected)
        return makeError(ErrorCode::InvalidArgument,
                         path + " lists " + std::to_string(ids.size()) + " ids, the model has " +
                             std::to_string(expected),
                         Location{path, 0, 0, {}});
    return {};
}
} // namespace

Expected<ExportedModel> openExportedModel(const std::string &path)
{
    std::error_code ec;
    const bool isDir = fs::is_directory(path, ec);
    const std::string dir = isDir ? path : fs::path(path).parent_path().string();
    const std::string folder = dir.empty() ? "." : dir;
    ExportedModel out;
    out.path = path;
    const std::string configPath = folder + "/config.json";
    if (fs::exists(configPath, ec)) {
        std::ifstream in(configPath);
        try {
            out.config = nlohmann::json::parse(in);
        } catch (const nlohmann::json::parse_error &e) {
            return makeError(ErrorCode::Parse, configPath + ": " + e.what(),
                             Location{configPath, 0, int64_t(e.byte), {}});
        }
    } else if (isDir) {
        return makeError(ErrorCode::NotFound, path + " is not a complete export (no config.json)",
                         Location{configPath, 0, 0, {}});
    }
    std::string ckpt = isDir ? folder + "/model.ckpt" : path;
    if (isDir && out.config.is_object() && out.config.contains("files") &&
        out.config["files"].contains("ckpt"))
        ckpt = folder + "/" + out.config["files"]["ckpt"].get<std::string>();
    if (!fs::exists(ckpt, ec))
        return makeError(ErrorCode::NotFound,
                         ckpt + " not found (export with format \"ckpt\" to re-open a model)",
                         Location{ckpt, 0, 0, {}});
    auto model = loadModel(ckpt);
    if (!model)
        return tl::unexpected(model.error());
    out.model = std::move(*model);
    const std::string itemIds = folder + "/item_ids.txt", userIds = folder + "/user_ids.txt";
    if (fs::exists(itemIds, ec))
        if (auto ok = readIds(itemIds, out.items, out.model->itemCount()); !ok)
            return tl::unexpected(ok.error());
    if (fs::exists(userIds, ec))
        if (auto ok = readIds(userIds, out.users, -1); !ok)
            return tl::unexpected(ok.error());
    return out;
}

} // namespace recforge
