#include "torchscriptsource.h"

#include <cmath>
#include <cstdio>

namespace recforge::torchscript {

namespace {

// Replaces every "$NAME" in text.
std::string substitute(std::string text, const std::string &name, const std::string &value)
{
    const std::string key = "$" + name;
    for (size_t at = text.find(key); at != std::string::npos; at = text.find(key, at))
        text.replace(at, key.size(), value), at += value.size();
    return text;
}

// The sources above are written indented like class members; Module::define wants top-level defs.
std::string dedent(const std::string &text)
{
    std::string out;
    size_t begin = 0;
    while (begin < text.size()) {
        size_t end = text.find('\n', begin);
        if (end == std::string::npos)
            end = text.size();
        size_t skip = 0;
        while (skip < 4 && begin + skip < end && text[begin + skip] == ' ')
            ++skip;
        out.append(text, begin + skip, end - begin - skip);
        out += '\n';
        begin = end + 1;
    }
    return out;
}

std::string exactDouble(double v)
{
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%.17g", v);
    std::string s = buffer;
    if (s.find_first_of(".eE") == std::string::npos)
        s += ".0";
    return s;
}

// One post-LN transformer layer (TransformerLayerImpl::forward). The "last" variant queries the
// last position only, as SelfAttentionImpl does with lastOnly (scoring needs nothing else).
const char *kLayers = R"(
    def heads(self, t: Tensor, b: int) -> Tensor:
        return t.view([b, t.size(1), $H, $DH]).transpose(1, 2).reshape([b * $H, t.size(1), $DH])

    def ffn(self, h: Tensor, f1_w: Tensor, f1_b: Tensor, f2_w: Tensor, f2_b: Tensor,
            n2_w: Tensor, n2_b: Tensor) -> Tensor:
        f = $ACT(torch.linear(h, f1_w, f1_b))
        return torch.layer_norm(h + torch.linear(f, f2_w, f2_b), [$D], n2_w, n2_b, 1e-12)

    def layer_full(self, x: Tensor, bias: Tensor, qkv_w: Tensor, qkv_b: Tensor, out_w: Tensor,
                   out_b: Tensor, n1_w: Tensor, n1_b: Tensor, f1_w: Tensor, f1_b: Tensor,
                   f2_w: Tensor, f2_b: Tensor, n2_w: Tensor, n2_b: Tensor) -> Tensor:
        b = x.size(0)
        l = x.size(1)
        qkv = torch.linear(x, qkv_w, qkv_b).view([b, l, 3, $H, $DH]).permute([2, 0, 3, 1, 4])
        q = qkv[0].reshape([b * $H, l, $DH])
        k = qkv[1].reshape([b * $H, l, $DH])
        v = qkv[2].reshape([b * $H, l, $DH])
        scores = torch.baddbmm(bias, q, k.transpose(1, 2), beta=1.0, alpha=$SCALE)
        attn = torch.softmax(scores, -1)
        ctx = torch.bmm(attn, v).view([b, $H, l, $DH]).permute([0, 2, 1, 3]).reshape([b, l, $D])
        h = torch.layer_norm(x + torch.linear(ctx, out_w, out_b), [$D], n1_w, n1_b, 1e-12)
        return self.ffn(h, f1_w, f1_b, f2_w, f2_b, n2_w, n2_b)

    def layer_last(self, x: Tensor, bias: Tensor, qkv_w: Tensor, qkv_b: Tensor, out_w: Tensor,
                   out_b: Tensor, n1_w: Tensor, n1_b: Tensor, f1_w: Tensor, f1_b: Tensor,
                   f2_w: Tensor, f2_b: Tensor, n2_w: Tensor, n2_b: Tensor) -> Tensor:
        b = x.size(0)
        l = x.size(1)
        kv = torch.linear(x, qkv_w.narrow(0, $D, 2 * $D), qkv_b.narrow(0, $D, 2 * $D))
        k = self.heads(kv.narrow(2, 0, $D), b)
        v = self.heads(kv.narrow(2, $D, $D), b)
        last = x.narrow(1, l - 1, 1)
        q = self.heads(torch.linear(last, qkv_w.narrow(0, 0, $D), qkv_b.narrow(0, 0, $D)), b)
        scores = torch.baddbmm(bias.narrow(1, l - 1, 1), q, k.transpose(1, 2), beta=1.0,
                               alpha=$SCALE)
        attn = torch.softmax(scores, -1)
        ctx = torch.bmm(attn, v).view([b, $H, 1, $DH]).permute([0, 2, 1, 3]).reshape([b, 1, $D])
        h = torch.layer_norm(last + torch.linear(ctx, out_w, out_b), [$D], n1_w, n1_b, 1e-12)
        return self.ffn(h, f1_w, f1_b, f2_w, f2_b, n2_w, n2_b)
)";

// attentionBias(): -1e9 where the key is padding (and, causal, in the future), per head.
const char *kBias = R"(
    def attention_bias(self, tokens: Tensor) -> Tensor:
        b = tokens.size(0)
        l = tokens.size(1)
        bias = self.norm_w.new_zeros([b, 1, l]).masked_fill((tokens == 0).unsqueeze(1), -1e9)
        $CAUSAL
        return bias.unsqueeze(1).expand([b, $H, l, l]).reshape([b * $H, l, l])
)";

const char *kEncode = R"(
    def encode(self, history: Tensor) -> Tensor:
        tokens = history
        if tokens.size(1) > $KEEP:
            tokens = tokens.narrow(1, tokens.size(1) - $KEEP, $KEEP)
        $APPEND_MASK
        l = tokens.size(1)
        x = torch.embedding(self.token_table, tokens)
        positions = torch.arange($MAXLEN - l, $MAXLEN)
        x = x + torch.embedding(self.position, positions).unsqueeze(0)
        x = torch.layer_norm(x, [$D], self.norm_w, self.norm_b, 1e-12)
        bias = self.attention_bias(tokens)
$LAYER_CALLS
        return x.select(1, x.size(1) - 1)

    def forward(self, history: Tensor) -> Tensor:
        return torch.mm(self.encode(history), self.item_table.t())
)";

} // namespace

std::string sequenceSource(const SequenceShape &s)
{
    std::string calls;
    for (int64_t i = 0; i < s.layers; ++i) {
        const std::string p = "self.l" + std::to_string(i) + "_";
        calls += std::string("        x = self.") +
                 (i + 1 == s.layers ? "layer_last" : "layer_full") + "(x, bias";
        for (const char *name : {"qkv_w", "qkv_b", "out_w", "out_b", "n1_w", "n1_b", "f1_w", "f1_b",
                                 "f2_w", "f2_b", "n2_w", "n2_b"})
            calls += ", " + p + name;
        calls += ")\n";
    }
    std::string text = std::string(kLayers) + kBias + kEncode;
    text = substitute(text, "LAYER_CALLS", calls);
    text = substitute(text, "CAUSAL",
                      s.cloze ? "pass" : "bias = bias + torch.ones([l, l]).triu(1) * -1e9");
    text = substitute(text, "APPEND_MASK",
                      s.cloze ? "tokens = torch.cat([tokens, torch.full_like(tokens.narrow(1, 0, "
                                "1), " +
                                    std::to_string(s.items + 1) + ")], 1)"
                              : "pass");
    text = substitute(text, "KEEP", std::to_string(s.cloze ? s.maxLength - 1 : s.maxLength));
    text = substitute(text, "MAXLEN", std::to_string(s.maxLength));
    text = substitute(text, "SCALE", exactDouble(1.0 / std::sqrt(double(s.hidden / s.heads))));
    text = substitute(text, "ACT", s.gelu ? "torch.gelu" : "torch.relu");
    text = substitute(text, "DH", std::to_string(s.hidden / s.heads));
    text = substitute(text, "D", std::to_string(s.hidden));
    text = substitute(text, "H", std::to_string(s.heads));
    return dedent(text);
}

std::string factorSource(bool withBias)
{
    std::string text = R"(
    def encode(self, history: Tensor) -> Tensor:
        valid = (history > 0).unsqueeze(2)
        vectors = torch.embedding(self.item_table, (history - 1).clamp(min=0))
        summed = (vectors * valid.type_as(vectors)).sum(1)
        count = valid.sum(1).clamp(min=1)
        return summed / count.type_as(summed)

    def forward(self, history: Tensor) -> Tensor:
        $SCORE
)";
    return dedent(substitute(text, "SCORE",
                             withBias
                                 ? "return torch.addmm(self.item_bias, self.encode(history), "
                                   "self.item_table.t())"
                                 : "return torch.mm(self.encode(history), self.item_table.t())"));
}

std::string itemItemSource(int64_t items)
{
    std::string text = R"(
    def forward(self, history: Tensor) -> Tensor:
        hot = self.item_item.new_zeros([history.size(0), $N + 1]).scatter_(1, history, 1.0)
        return torch.mm(hot.narrow(1, 1, $N), self.item_item)
)";
    return dedent(substitute(text, "N", std::to_string(items)));
}

} // namespace recforge::torchscript
