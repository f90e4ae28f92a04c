// The explicit model registry: one line per model, naming its schema function and its factory.
// To add a model: write models/<name>.h/.cpp with `ModelSchema <name>Schema()` and
// `std::unique_ptr<Recommender> make<Name>(const nlohmann::json &resolved)`, add one line to
// entries() below, and the GUI forms, the CLI and the one-epoch test pick it up.

#include "registry.h"

#include "models/bprmf.h"
#include "models/ease.h"
#include "models/grurec.h"
#include "models/itemknn.h"
#include "models/mlprec.h"
#include "models/modelfactory.h"
#include "models/popularity.h"
#include "models/seqtransformer.h"
#include "models/userknn.h"

namespace recforge {

namespace {

struct Entry {
    ModelSchema (*schema)();
    std::unique_ptr<Recommender> (*make)(const nlohmann::json &resolved);
};

const std::vector<Entry> &entries()
{
    static const std::vector<Entry> list = {
        {popularitySchema, makePopularity}, {itemKnnSchema, makeItemKnn},
        {userKnnSchema, makeUserKnn},       {easeSchema, makeEase},
        {bprMfSchema, makeBprMf},           {sasrecSchema, makeSasrec},
        {bert4recSchema, makeBert4rec},     {gruRecSchema, makeGruRec},
        {mlpRecSchema, makeMlpRec},
    };
    return list;
}

} // namespace

const std::vector<ModelSchema> &modelSchemas()
{
    static const std::vector<ModelSchema> schemas = [] {
        std::vector<ModelSchema> out;
        for (const auto &e : entries())
            out.push_back(e.schema());
        return out;
    }();
    return schemas;
}

const ModelSchema *findModelSchema(std::string_view id)
{
    for (const auto &s : modelSchemas())
        if (s.id == id)
            return &s;
    return nullptr;
}

Expected<std::unique_ptr<Recommender>> createModel(const std::string &id,
                                                   const nlohmann::json &params)
{
    const auto &schemas = modelSchemas();
    for (size_t i = 0; i < schemas.size(); ++i) {
        if (schemas[i].id != id)
            continue;
        auto resolved = resolveParams(schemas[i], params);
        if (!resolved)
            return tl::unexpected(resolved.error());
        return entries()[i].make(*resolved);
    }
    std::string known;
    for (const auto &s : schemas)
        known += (known.empty() ? "" : ", ") + s.id;
    return makeError(ErrorCode::NotFound, "unknown model '" + id + "' (known: " + known + ")",
                     Location{"", 0, 0, "model"});
}

Expected<std::unique_ptr<Recommender>> loadModel(const std::string &path)
{
    auto header = Recommender::readCheckpointHeader(path);
    if (!header)
        return tl::unexpected(header.error());
    auto model = createModel((*header)["model"].get<std::string>(), (*header)["params"]);
    if (!model)
        return tl::unexpected(model.error());
    if (auto s = (*model)->load(path); !s)
        return tl::unexpected(s.error());
    return model;
}

} // namespace recforge
