// Parameter schemas of the sequential transformers (SASRec / BERT4Rec share most of them).
#include "models/seqtransformer.h"

namespace recforge {

SeqTransformerParams SeqTransformerParams::fromJson(const nlohmann::json &j)
{
    SeqTransformerParams p;
    p.hiddenSize = j.value("hiddenSize", p.hiddenSize);
    p.layers = j.value("layers", p.layers);
    p.heads = j.value("heads", p.heads);
    p.ffnSize = j.value("ffnSize", p.ffnSize);
    p.maxLength = j.value("maxLength", p.maxLength);
    p.dropout = j.value("dropout", p.dropout);
    p.attentionDropout = j.value("attentionDropout", p.attentionDropout);
    p.activation = j.value("activation", p.activation);
    p.loss = j.value("loss", p.loss);
    p.negatives = j.value("negatives", p.negatives);
    p.maskProb = j.value("maskProb", p.maskProb);
    p.itemFeatures = j.value("itemFeatures", p.itemFeatures);
    p.lengthBuckets = j.value("lengthBuckets", p.lengthBuckets);
    p.epochs = j.value("epochs", p.epochs);
    p.batchSize = j.value("batchSize", p.batchSize);
    p.learningRate = j.value("learningRate", p.learningRate);
    p.weightDecay = j.value("weightDecay", p.weightDecay);
    p.warmupSteps = j.value("warmupSteps", p.warmupSteps);
    p.schedule = j.value("schedule", p.schedule);
    p.clipNorm = j.value("clipNorm", p.clipNorm);
    p.patience = j.value("patience", p.patience);
    return p;
}

TransformerConfig SeqTransformerParams::config() const
{
    TransformerConfig c;
    c.hidden = hiddenSize;
    c.heads = heads;
    c.ffn = ffnSize;
    c.layers = layers;
    c.dropout = dropout;
    c.attentionDropout = attentionDropout;
    c.gelu = activation == "gelu";
    return c;
}

namespace {

ModelSchema sequentialSchema(bool cloze)
{
    ModelSchema s;
    s.family = "sequential";
    s.params = {
        intParam("hiddenSize", 64, 8, 4096, "Hidden size",
                 "Width of item embeddings and transformer layers; must be a multiple of heads.",
                 true),
        intParam("layers", 2, 1, 48, "Layers", "Transformer blocks."),
        intParam("heads", 2, 1, 64, "Heads", "Attention heads per block."),
        intParam("ffnSize", 256, 8, 16384, "Feed-forward size",
                 "Inner width of the point-wise feed-forward layer (usually 4 x hidden).", true),
        intParam("maxLength", 50, 2, 2048, "Max length",
                 "Most recent items a user's sequence keeps (50 suits Amazon data; 200 for "
                 "MovieLens-like long histories)."),
        realParam("dropout", 0.3, 0, 0.9, "Dropout",
                  "Hidden dropout; 0.2-0.5 for sparse data such as Amazon Beauty."),
        realParam("attentionDropout", 0.3, 0, 0.9, "Attention dropout",
                  "Dropout on attention weights."),
        choiceParam("activation", "gelu", {"gelu", "relu"}, "Activation",
                    "Feed-forward activation."),
        choiceParam("loss", "ce", {"ce", "sampled", "bpr"}, "Loss",
                    "ce: softmax over every item (best quality); sampled: softmax over the target "
                    "and uniform negatives (large catalogues); bpr: one negative per position."),
        intParam("negatives", 100, 1, 100000, "Negatives", "Negatives per position (sampled).",
                 true),
        realParam("maskProb", 0.2, 0.01, 0.9, "Mask probability",
                  "Share of positions replaced by [MASK] (cloze training)."),
        boolParam("itemFeatures", false, "Item features",
                  "Add embeddings of category, brand, attributes and price bucket to items."),
        boolParam("lengthBuckets", true, "Length buckets",
                  "Batch sequences of similar length together: far less padding to compute."),
        intParam("epochs", 200, 1, 10000, "Epochs", "Upper bound; early stopping ends sooner."),
        intParam("batchSize", 256, 1, 65536, "Batch size", "Sequences per step.", true),
        realParam("learningRate", 1e-3, 1e-6, 1, "Learning rate", "AdamW peak rate.", true),
        realParam("weightDecay", 0, 0, 10, "Weight decay", "AdamW decoupled weight decay."),
        intParam("warmupSteps", 0, 0, 1000000, "Warm-up steps", "Linear warm-up of the rate."),
        choiceParam("schedule", "constant", {"constant", "linear", "cosine"}, "Schedule",
                    "Rate decay after warm-up."),
        realParam("clipNorm", 5.0, 0, 1000, "Gradient clip", "Global norm clip (0 = off)."),
        intParam("patience", 10, 0, 1000, "Patience",
                 "Early stopping on validation NDCG@10 (0 = off)."),
    };
    for (auto &p : s.params)
        if (p.key == "attentionDropout" || p.key == "lengthBuckets" || p.key == "warmupSteps" ||
            p.key == "clipNorm" || p.key == "negatives")
            p.advanced = true;
    if (!cloze)
        std::erase_if(s.params, [](const ParamSpec &p) { return p.key == "maskProb"; });
    s.presets = {
        {"small",
         "hidden 64, 2 layers, 2 heads (SASRec paper size)",
         {{"hiddenSize", 64}, {"layers", 2}, {"heads", 2}, {"ffnSize", 256}}},
        {"base",
         "hidden 128, 4 layers, 4 heads",
         {{"hiddenSize", 128}, {"layers", 4}, {"heads", 4}, {"ffnSize", 512}}},
        {"large",
         "hidden 256, 8 layers, 8 heads (the pipeline's teacher)",
         {{"hiddenSize", 256}, {"layers", 8}, {"heads", 8}, {"ffnSize", 1024}}},
    };
    return s;
}

} // namespace

ModelSchema sasrecSchema()
{
    ModelSchema s = sequentialSchema(false);
    s.id = "sasrec";
    s.displayName = "SASRec";
    s.description = "Causal self-attentive sequential recommender (Kang & McAuley 2018) trained "
                    "with softmax cross-entropy over all items: predicts each next item from the "
                    "items before it.";
    return s;
}

ModelSchema bert4recSchema()
{
    ModelSchema s = sequentialSchema(true);
    s.id = "bert4rec";
    s.displayName = "BERT4Rec";
    s.description = "Bidirectional transformer trained with the cloze task (Sun et al. 2019): "
                    "masked items are predicted from both sides; recommendation predicts a [MASK] "
                    "appended to the history.";
    return s;
}

std::unique_ptr<Recommender> makeSasrec(const nlohmann::json &resolved)
{
    return std::make_unique<SeqTransformer>(SeqVariant::Causal, resolved);
}

std::unique_ptr<Recommender> makeBert4rec(const nlohmann::json &resolved)
{
    return std::make_unique<SeqTransformer>(SeqVariant::Cloze, resolved);
}

} // namespace recforge
