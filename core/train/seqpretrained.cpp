#include "seqpretrained.h"

#include <cmath>
#include <filesystem>
#include <sstream>

namespace recforge {

namespace {

constexpr const char *kFormat = "recforge-seq-pretrained";

std::string shapeText(const torch::Tensor &t)
{
    std::ostringstream out;
    out << "[";
    for (int64_t d = 0; d < t.dim(); ++d)
        out << (d ? ", " : "") << t.size(d);
    out << "]";
    return out.str();
}

// Parameters and buffers by dotted name.
std::vector<std::pair<std::string, torch::Tensor>> namedTensors(torch::nn::Module &module)
{
    std::vector<std::pair<std::string, torch::Tensor>> out;
    for (const auto &item : module.named_parameters(true))
        out.emplace_back(item.key(), item.value());
    for (const auto &item : module.named_buffers(true))
        out.emplace_back(item.key(), item.value());
    return out;
}

// Layer index of a parameter name "encoder.layers.<i>.", else -1.
int layerOf(const std::string &name)
{
    const std::string prefix = "encoder.layers.";
    if (name.rfind(prefix, 0) != 0)
        return -1;
    return std::atoi(name.c_str() + prefix.size());
}

bool isEmbedding(const std::string &name)
{
    for (const char *p : {"item.", "position.", "norm.", "features.", "textProjection."})
        if (name.rfind(p, 0) == 0)
            return true;
    return false;
}

} // namespace

Status savePretrainedSeqNet(const std::string &path, SeqTransformerNetImpl &net,
                            const nlohmann::json &model)
{
    try {
        const auto tensors = namedTensors(net);
        nlohmann::json names = nlohmann::json::array();
        torch::serialize::OutputArchive archive;
        for (size_t i = 0; i < tensors.size(); ++i) {
            names.push_back(tensors[i].first);
            archive.write(std::string("t").append(std::to_string(i)),
                          tensors[i].second.detach().to(torch::kCPU));
        }
        const nlohmann::json header = {{"format", kFormat},
                                       {"version", 1},
                                       {"items", net.itemCount()},
                                       {"model", model},
                                       {"tensors", names}};
        archive.write("header", c10::IValue(header.dump()));
        std::error_code ec;
        const auto parent = std::filesystem::path(path).parent_path();
        if (!parent.empty())
            std::filesystem::create_directories(parent, ec);
        const std::string tmp = path + ".tmp";
        archive.save_to(tmp);
        std::filesystem::rename(tmp, path);
    } catch (const std::exception &e) {
        return makeError(ErrorCode::Io,
                         std::string("cannot write the pretrained encoder: ") + e.what(),
                         Location{path, 0, 0, {}});
    }
    return {};
}

Expected<nlohmann::json> loadPretrainedSeqNet(const std::string &path, SeqTransformerNetImpl &net)
{
    std::error_code ec;
    if (!std::filesystem::exists(path, ec))
        return makeError(ErrorCode::Io, "pretrained encoder not found: " + path,
                         Location{path, 0, 0, {}});
    torch::serialize::InputArchive archive;
    nlohmann::json header;
    try {
        archive.load_from(path);
        c10::IValue text;
        if (!archive.try_read("header", text) || !text.isString())
            return makeError(ErrorCode::Schema, "not a pretrained sequence encoder: " + path,
                             Location{path, 0, 0, {}});
        header = nlohmann::json::parse(text.toStringRef());
    } catch (const std::exception &e) {
        return makeError(ErrorCode::Io,
                         std::string("cannot read the pretrained encoder: ") + e.what(),
                         Location{path, 0, 0, {}});
    }
    if (header.value("format", "") != kFormat || !header.contains("tensors"))
        return makeError(ErrorCode::Schema, "not a pretrained sequence encoder: " + path,
                         Location{path, 0, 0, {}});
    std::map<std::string, size_t> index;
    const auto &names = header["tensors"];
    for (size_t i = 0; i < names.size(); ++i)
        index[names[i].get<std::string>()] = i;

    // Check everything before copying anything, so the net is unchanged on error.
    std::vector<std::pair<torch::Tensor, torch::Tensor>> copies;
    for (auto &[name, target] : namedTensors(net)) {
        auto it = index.find(name);
        if (it == index.end())
            return makeError(ErrorCode::Schema,
                             "missing tensor '" + name + "' in " + path +
                                 " (the checkpoint has another architecture)",
                             Location{path, 0, 0, name});
        torch::Tensor source;
        if (!archive.try_read(std::string("t").append(std::to_string(it->second)), source))
            return makeError(ErrorCode::Schema, "missing tensor '" + name + "' in " + path,
                             Location{path, 0, 0, name});
        if (source.sizes() != target.sizes())
            return makeError(ErrorCode::Schema,
                             "tensor '" + name + "' in " + path + " has shape " +
                                 shapeText(source) + ", expected " + shapeText(target),
                             Location{path, 0, 0, name});
        copies.emplace_back(target, source);
    }
    torch::NoGradGuard noGrad;
    for (auto &[target, source] : copies)
        target.copy_(source.to(target.device(), target.scalar_type()));
    return header;
}

std::vector<ParameterGroup> finetuneParameterGroups(SeqTransformerNetImpl &net,
                                                    const FinetuneOptions &options,
                                                    const std::vector<torch::Tensor> &extra)
{
    const int64_t layers = net.layerCount();
    // groups[0] = embeddings, [1 + i] = layer i, [layers + 1] = top (head, task head).
    std::vector<ParameterGroup> groups(size_t(layers) + 2);
    groups[0].lrScale = std::pow(options.layerDecay, double(layers));
    for (int64_t i = 0; i < layers; ++i)
        groups[size_t(i) + 1].lrScale = std::pow(options.layerDecay, double(layers - 1 - i));
    groups.back().lrScale = 1.0;
    for (const auto &item : net.named_parameters(true)) {
        const std::string &name = item.key();
        torch::Tensor p = item.value();
        const int layer = layerOf(name);
        size_t g = groups.size() - 1;
        bool frozen = false;
        if (layer >= 0) {
            g = size_t(layer) + 1;
            frozen = layer < options.freezeLayers;
        } else if (isEmbedding(name)) {
            g = 0;
            frozen = options.freezeEmbeddings;
        }
        if (frozen) {
            p.set_requires_grad(false);
            continue;
        }
        groups[g].parameters.push_back(p);
    }
    groups.back().parameters.insert(groups.back().parameters.end(), extra.begin(), extra.end());
    return groups;
}

void reinitOutputHead(SeqTransformerNetImpl &net)
{
    for (const auto &child : net.named_children())
        if (child.key() == "head")
            initTransformerWeights(*child.value());
}

} // namespace recforge
