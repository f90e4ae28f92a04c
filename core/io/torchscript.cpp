#include "torchscript.h"

#include <torch/script.h>

#include "io/atomicfile.h"
#include "io/modeltensors.h"
#include "io/torchscriptsource.h"
#include "models/recommender.h"
#include "models/seqtransformer.h"

namespace recforge {

namespace {

const char *const kSupported = "sasrec, bert4rec, bprmf, itemknn (binary feedback), ease";

Expected<torch::Tensor> named(const NamedTensors &tensors, const std::string &name)
{
    for (const auto &[n, t] : tensors)
        if (n == name)
            return t;
    return makeError(ErrorCode::Internal, "the model has no tensor '" + name + "'");
}

// Registers the sequential transformer's weights under the names sequenceSource() expects.
Expected<torchscript::SequenceShape> addSequenceWeights(torch::jit::Module &m,
                                                        SeqTransformer &model)
{
    auto *net = dynamic_cast<SeqTransformerNetImpl *>(model.module());
    if (!net)
        return makeError(ErrorCode::Internal, "sequential transformer without its network");
    auto tensors = modelTensors(model);
    if (!tensors)
        return tl::unexpected(tensors.error());
    const SeqTransformerParams p = SeqTransformerParams::fromJson(model.params());
    torchscript::SequenceShape s;
    s.items = net->itemCount();
    s.maxLength = net->maxLength();
    s.heads = p.heads;
    s.gelu = p.activation == "gelu";
    s.cloze = model.variant() == SeqVariant::Cloze;
    torch::Tensor itemTable = net->itemTable().detach().clone();
    s.hidden = itemTable.size(1);
    auto item = named(*tensors, "item.weight");
    if (!item)
        return tl::unexpected(item.error());
    // Token table = padding row, item rows (with the item features folded in, as encode() does
    // when features are on), [MASK] row.
    m.register_buffer("token_table", torch::cat({item->narrow(0, 0, 1), itemTable,
                                                 item->narrow(0, s.items + 1, 1)})
                                         .contiguous());
    m.register_buffer("item_table", itemTable);
    const std::pair<const char *, std::string> fixed[] = {
        {"position", "position.weight"}, {"norm_w", "norm.weight"}, {"norm_b", "norm.bias"}};
    for (const auto &[to, from] : fixed) {
        auto t = named(*tensors, from);
        if (!t)
            return tl::unexpected(t.error());
        m.register_buffer(to, t->clone());
    }
    const std::pair<const char *, const char *> perLayer[] = {
        {"qkv_w", "attention.qkv.weight"}, {"qkv_b", "attention.qkv.bias"},
        {"out_w", "attention.out.weight"}, {"out_b", "attention.out.bias"},
        {"n1_w", "norm1.weight"},          {"n1_b", "norm1.bias"},
        {"f1_w", "ffn1.weight"},           {"f1_b", "ffn1.bias"},
        {"f2_w", "ffn2.weight"},           {"f2_b", "ffn2.bias"},
        {"n2_w", "norm2.weight"},          {"n2_b", "norm2.bias"}};
    for (int64_t i = 0;; ++i) {
        const std::string prefix = "encoder.layers." + std::to_string(i) + ".";
        if (!named(*tensors, prefix + "attention.qkv.weight"))
            break;
        for (const auto &[to, from] : perLayer) {
            auto t = named(*tensors, prefix + from);
            if (!t)
                return tl::unexpected(t.error());
            // Appended piecewise: GCC 12 warns falsely on "l" + std::to_string(i)
            // (-Wstringop-overflow).
            std::string name = "l";
            name.append(std::to_string(i)).append("_").append(to);
            m.register_buffer(name, t->clone());
        }
        s.layers = i + 1;
    }
    return s;
}

} // namespace

bool torchScriptSupported(const Recommender &model, std::string *why)
{
    const std::string &id = model.id();
    bool ok = id == "sasrec" || id == "bert4rec" || id == "bprmf" || id == "ease" ||
              (id == "itemknn" && model.params().value("feedback", "binary") != "values");
    if (!ok && why)
        *why = id == "itemknn"
                   ? "itemknn with feedback \"values\" has no TorchScript export: its scores "
                     "weigh history items by values that an item-id input cannot carry"
                   : "model '" + id + "' has no TorchScript export (supported: " + kSupported + ")";
    return ok;
}

Expected<nlohmann::json> exportTorchScript(Recommender &model, const std::string &path)
{
    std::string why;
    if (!torchScriptSupported(model, &why))
        return makeError(ErrorCode::InvalidArgument, why, Location{path, 0, 0, {}});
    if (!model.isFitted())
        return makeError(ErrorCode::InvalidArgument, "the model is not fitted",
                         Location{path, 0, 0, {}});
    torch::NoGradGuard noGrad;
    nlohmann::json info = {{"file", path.substr(path.find_last_of('/') + 1)},
                           {"input", "history [batch, L] int64, item index + 1, 0 = padding, "
                                     "left-padded, L >= 1"},
                           {"output", "[batch, items] float32 scores"},
                           {"items", model.itemCount()}};
    std::string source;
    std::string className;
    try {
        torch::jit::Module m(c10::QualifiedName("RecForgeExport"));
        int64_t maxLength = 0;
        if (auto *seq = dynamic_cast<SeqTransformer *>(&model)) {
            auto shape = addSequenceWeights(m, *seq);
            if (!shape)
                return tl::unexpected(shape.error());
            maxLength = shape->maxLength;
            source = torchscript::sequenceSource(*shape);
            info["methods"] = {"forward(history) -> [batch, items]",
                               "encode(history) -> [batch, hidden]"};
            info["maxLength"] = maxLength;
            info["usesLastColumns"] = shape->cloze ? maxLength - 1 : maxLength;
        } else if (model.id() == "bprmf") {
            torch::Tensor items = model.itemEmbeddings(), bias = model.itemBias();
            if (!items.defined())
                return makeError(ErrorCode::Internal, "bprmf without item embeddings");
            m.register_buffer("item_table", items.detach().to(torch::kCPU).clone());
            if (bias.defined())
                m.register_buffer("item_bias", bias.detach().to(torch::kCPU).clone());
            source = torchscript::factorSource(bias.defined());
            info["methods"] = {"forward(history) -> [batch, items]",
                               "encode(history) -> [batch, dimension] (folded-in user vector)"};
        } else {
            auto w = itemItemMatrix(model);
            if (!w)
                return tl::unexpected(w.error());
            m.register_buffer("item_item", *w);
            source = torchscript::itemItemSource(model.itemCount());
            info["methods"] = {"forward(history) -> [batch, items]"};
        }
        m.register_attribute("training", c10::BoolType::get(), false);
        m.register_attribute("items", c10::IntType::get(), int64_t(model.itemCount()));
        m.register_attribute("max_length", c10::IntType::get(), maxLength);
        m.register_attribute("model_id", c10::StringType::get(), model.id());
        m.define(source);
        auto file = AtomicFile::create(path);
        if (!file)
            return tl::unexpected(file.error());
        m.save(file->tempPath());
        if (auto ok = file->commit(); !ok)
            return tl::unexpected(ok.error());
    } catch (const std::exception &e) {
        return makeError(ErrorCode::Internal, std::string("TorchScript export failed: ") + e.what(),
                         Location{path, 0, 0, {}});
    }
    return info;
}

} // namespace recforge
