#include "modelexport.h"

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>

#include "io/atomicfile.h"
#include "io/exportstages.h"
#include "io/modeltensors.h"
#include "io/torchscript.h"
#include "models/recommender.h"
#include "recforge/version.h"

namespace recforge {

namespace fs = std::filesystem;

namespace {

constexpr int kConfigVersion = 1;

const std::pair<ExportFormat, const char *> kFormatNames[] = {
    {ExportFormat::Safetensors, "safetensors"},
    {ExportFormat::TorchScript, "torchscript"},
    {ExportFormat::Checkpoint, "ckpt"},
    {ExportFormat::Embeddings, "embeddings"},
    {ExportFormat::TopK, "topk"},
};

std::string nowIso()
{
    const std::time_t t = std::time(nullptr);
    char buffer[32];
    std::tm tm{};
    gmtime_r(&t, &tm);
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buffer;
}

using exportstage::cancelled;
using exportstage::Exporter;
using exportstage::StagingDir;
using exportstage::UserBatches;
using exportstage::writeIds;

Expected<std::set<ExportFormat>> resolveFormats(Recommender &model,
                                                const std::set<ExportFormat> &requested,
                                                std::vector<Warning> &warnings)
{
    const bool all = requested.empty();
    std::set<ExportFormat> out;
    for (const auto &[format, name] : kFormatNames) {
        if (!all && !requested.count(format))
            continue;
        std::string why;
        bool ok = true;
        if (format == ExportFormat::TorchScript)
            ok = torchScriptSupported(model, &why);
        else if (format == ExportFormat::Embeddings) {
            ok = model.itemEmbeddings().defined();
            why = "model '" + model.id() + "' has no item embeddings";
        } else if (format == ExportFormat::Safetensors) {
            ok = model.module() || model.id() == "itemknn" || model.id() == "ease" ||
                 model.itemEmbeddings().defined() || model.itemBias().defined();
            why = "model '" + model.id() + "' has no tensor weights (use the native checkpoint)";
            if (ok && model.id() == "itemknn" && model.params().value("feedback", "") == "values") {
                ok = false;
                why = "itemknn with feedback \"values\" has no dense item-item form";
            }
            if (ok && (model.id() == "itemknn" || model.id() == "ease") &&
                model.itemCount() > kMaxDenseItems) {
                ok = false;
                why = "too many items for a dense item-item matrix";
            }
        }
        if (ok)
            out.insert(format);
        else if (all)
            warnings.push_back({std::string(name) + " skipped: " + why, {}});
        else
            return makeError(ErrorCode::InvalidArgument,
                             "cannot export " + std::string(name) + ": " + why,
                             Location{"", 0, 0, "formats"});
    }
    return out;
}

} // namespace

const char *exportFormatName(ExportFormat format)
{
    for (const auto &[f, name] : kFormatNames)
        if (f == format)
            return name;
    return "?";
}

Expected<std::set<ExportFormat>> parseExportFormats(const std::string &text)
{
    std::set<ExportFormat> out;
    size_t begin = 0;
    while (begin <= text.size()) {
        size_t end = text.find(',', begin);
        if (end == std::string::npos)
            end = text.size();
        std::string part = text.substr(begin, end - begin);
        while (!part.empty() && part.back() == ' ')
            part.pop_back();
        while (!part.empty() && part.front() == ' ')
            part.erase(part.begin());
        begin = end + 1;
        if (part.empty() || part == "all")
            continue;
        bool found = false;
        for (const auto &[f, name] : kFormatNames)
            if (part == name || (f == ExportFormat::Checkpoint && part == "checkpoint")) {
                out.insert(f);
                found = true;
            }
        if (!found)
            return makeError(ErrorCode::InvalidArgument,
                             "unknown export format '" + part +
                                 "' (known: safetensors, torchscript, ckpt, embeddings, topk, all)",
                             Location{"", 0, 0, "formats"});
    }
    return out;
}

Expected<ExportResult> exportModel(Recommender &model, const Dataset &dataset,
                                   const ExportOptions &options, Observer &observer, StopToken stop)
{
    const auto started = std::chrono::steady_clock::now();
    if (!model.isFitted())
        return makeError(ErrorCode::InvalidArgument, "model '" + model.id() + "' is not fitted");
    if (model.itemCount() != dataset.itemCount())
        return makeError(ErrorCode::InvalidArgument,
                         "the model scores " + std::to_string(model.itemCount()) +
                             " items but dataset '" + dataset.name + "' has " +
                             std::to_string(dataset.itemCount()) +
                             " (not the dataset it was fitted on?)");
    if (options.k < 1 || options.batch < 1)
        return makeError(ErrorCode::InvalidArgument, "k and batch must be at least 1",
                         Location{"", 0, 0, options.k < 1 ? "k" : "batch"});
    if (options.dir.empty())
        return makeError(ErrorCode::InvalidArgument, "no export folder given",
                         Location{"", 0, 0, "dir"});
    std::vector<Warning> warnings;
    auto formats = resolveFormats(model, options.formats, warnings);
    if (!formats)
        return tl::unexpected(formats.error());
    auto staging = StagingDir::create(options.dir);
    if (!staging)
        return tl::unexpected(staging.error());

    Exporter ex{model,    dataset,
                options,  ProgressReporter(observer, stop, "ids", 1),
                *staging, nlohmann::json::object(),
                {},       std::move(warnings)};
    ex.config["format"] = "recforge-export";
    ex.config["version"] = kConfigVersion;
    ex.config["recforge"] = std::string(kVersion) + "+" + kGitCommit;
    ex.config["created"] = nowIso();
    ex.config["model"] = model.id();
    ex.config["params"] = model.params();
    ex.config["items"] = model.itemCount();
    ex.config["users"] = dataset.userCount();
    ex.config["dataset"] = dataset.name;
    ex.config["ids"] = {{"items", "item_ids.txt"}, {"users", "user_ids.txt"}};
    ex.config["files"] = nlohmann::json::object();
    if (!options.extra.is_null())
        ex.config["source"] = options.extra;
    auto run = [&]() -> Status {
        for (auto [name, ids] : {std::pair{"item_ids.txt", &dataset.items},
                                 std::pair{"user_ids.txt", &dataset.users}}) {
            if (auto ok = writeIds(staging->file(name), *ids); !ok)
                return ok;
            ex.stage(name);
        }
        if (ex.progress.stopRequested())
            return cancelled();
        try {
            UserBatches users(dataset, options.batch);
            for (ExportFormat f : *formats) {
                Status ok;
                switch (f) {
                case ExportFormat::Safetensors:
                    ok = ex.weights();
                    break;
                case ExportFormat::TorchScript:
                    ok = ex.torchScript();
                    break;
                case ExportFormat::Checkpoint:
                    ok = ex.checkpoint();
                    break;
                case ExportFormat::Embeddings:
                    ok = ex.embeddings(users);
                    break;
                case ExportFormat::TopK:
                    ok = ex.topK(users);
                    break;
                }
                if (!ok)
                    return ok;
                if (!ex.progress.finish())
                    return cancelled();
            }
        } catch (const std::exception &e) {
            return makeError(ErrorCode::Internal, std::string("export failed: ") + e.what());
        }
        for (const auto &[name, content] : options.extraFiles) {
            if (name.empty() || name.find('/') != std::string::npos || name == "config.json")
                return makeError(ErrorCode::InvalidArgument, "bad extra file name '" + name + "'");
            if (auto ok = writeFileAtomically(staging->file(name), content); !ok)
                return ok;
            ex.config["files"][name.substr(0, name.find('.'))] = name;
            ex.stage(name);
        }
        if (auto ok = writeFileAtomically(staging->file("config.json"), ex.config.dump(2) + "\n");
            !ok)
            return ok;
        ex.stage("config.json");
        return {};
    };
    if (auto ok = run(); !ok)
        return tl::unexpected(ok.error());

    // Every file is complete: move them into place, config.json last (it marks a complete export).
    // The old config.json goes first so a crash mid-way never pairs it with new files.
    ExportResult result;
    result.dir = options.dir;
    std::error_code ec;
    fs::remove(options.dir + "/config.json", ec);
    for (const std::string &name : ex.staged) {
        const std::string target = options.dir + "/" + name;
        if (std::rename(staging->file(name).c_str(), target.c_str()) != 0)
            return makeError(ErrorCode::Io,
                             "cannot move " + name + " into " + options.dir + ": " +
                                 std::strerror(errno),
                             Location{target, 0, 0, {}});
        result.files.push_back({name, int64_t(fs::file_size(target, ec))});
    }
    result.warnings = std::move(ex.warnings);
    if (const auto topk = ex.config.find("topk"); topk != ex.config.end()) {
        if (const auto recall = topk->find("recall_at_k"); recall != topk->end()) {
            result.topKRecall = (*recall)["value"].get<double>();
            result.topKRecallUsers = (*recall)["sample_users"].get<int64_t>();
        }
    }
    result.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return result;
}

} // namespace recforge
