#!/usr/bin/python3
"""Plain PyTorch SASRec training-throughput reference for bench_transformer_speed.

Same model as RecForge's causal SeqTransformer (item + learned position embeddings, LayerNorm,
dropout, post-LN blocks with fused QKV attention and a GELU feed-forward, tied output weights)
and the same data (Amazon Beauty leave-one-out: each user's training items, the last max_len + 1
of them), trained with AdamW and full-softmax cross-entropy.

Variants:
  plain   - what a plain script does: batches padded to max_len, logits for every padded
            position ([B * L, items]), padding ignored by the loss (ignore_index).
  gather  - like RecForge: length-bucketed batches trimmed to their longest sequence, only the
            real positions' hidden states gathered before the output product.

Times `--batches` plain batches / the whole gather epoch after `--warmup` untimed batches and prints one line per variant:
  REFERENCE <variant> seq_per_s=<float> epoch_s=<float> sequences=<int>
"""
import argparse
import math
import random
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


def load_sequences(path, max_len):
    seqs = []
    n_items = 0
    with open(path) as f:
        for line in f:
            parts = line.split()
            if len(parts) < 2:
                continue
            items = [int(x) for x in parts[1:]]
            n_items = max(n_items, max(items))
            train = items[:-2] if len(items) >= 3 else items
            if len(train) >= 2:
                seqs.append(train[-(max_len + 1):])  # tokens: item ids are 1-based already
    return seqs, n_items


class Block(nn.Module):
    def __init__(self, d, heads, ffn, dropout):
        super().__init__()
        self.heads = heads
        self.qkv = nn.Linear(d, 3 * d)
        self.out = nn.Linear(d, d)
        self.norm1 = nn.LayerNorm(d, eps=1e-12)
        self.norm2 = nn.LayerNorm(d, eps=1e-12)
        self.ffn1 = nn.Linear(d, ffn)
        self.ffn2 = nn.Linear(ffn, d)
        self.drop = nn.Dropout(dropout)
        self.attn_drop = nn.Dropout(dropout)

    def forward(self, x, bias):
        b, l, d = x.shape
        h = self.heads
        qkv = self.qkv(x).view(b, l, 3, h, d // h).permute(2, 0, 3, 1, 4)
        q = qkv[0].reshape(b * h, l, d // h)
        k = qkv[1].reshape(b * h, l, d // h)
        v = qkv[2].reshape(b * h, l, d // h)
        scores = torch.baddbmm(bias, q, k.transpose(1, 2), beta=1.0, alpha=1.0 / math.sqrt(d // h))
        attn = self.attn_drop(torch.softmax(scores, -1))
        ctx = torch.bmm(attn, v).view(b, h, l, d // h).permute(0, 2, 1, 3).reshape(b, l, d)
        x = self.norm1(x + self.drop(self.out(ctx)))
        return self.norm2(x + self.drop(self.ffn2(F.gelu(self.ffn1(x)))))


class SASRec(nn.Module):
    def __init__(self, n_items, max_len, d, heads, layers, ffn, dropout):
        super().__init__()
        self.n_items, self.max_len, self.heads = n_items, max_len, heads
        self.item = nn.Embedding(n_items + 2, d, padding_idx=0)
        self.pos = nn.Embedding(max_len, d)
        self.norm = nn.LayerNorm(d, eps=1e-12)
        self.drop = nn.Dropout(dropout)
        self.blocks = nn.ModuleList([Block(d, heads, ffn, dropout) for _ in range(layers)])

    def encode(self, tokens):
        b, l = tokens.shape
        pos = torch.arange(self.max_len - l, self.max_len)
        x = self.drop(self.norm(self.item(tokens) + self.pos(pos).unsqueeze(0)))
        bias = torch.zeros(b, 1, l).masked_fill((tokens == 0).unsqueeze(1), -1e9)
        bias = bias + torch.ones(l, l).triu(1) * -1e9
        bias = bias.unsqueeze(1).expand(b, self.heads, l, l).reshape(b * self.heads, l, l)
        for blk in self.blocks:
            x = blk(x, bias)
        return x

    def table(self):
        return self.item.weight[1:self.n_items + 1]


def left_pad(rows, width):
    out = torch.zeros(len(rows), width, dtype=torch.long)
    for i, r in enumerate(rows):
        r = r[-width:]
        out[i, width - len(r):] = torch.tensor(r)
    return out


def make_batches(seqs, batch, bucket, rng):
    order = list(range(len(seqs)))
    rng.shuffle(order)
    if bucket:
        chunk = batch * 32
        for s in range(0, len(order), chunk):
            order[s:s + chunk] = sorted(order[s:s + chunk], key=lambda i: len(seqs[i]))
    batches = [order[s:s + batch] for s in range(0, len(order), batch)]
    if bucket:
        rng.shuffle(batches)
    return batches


def step_plain(model, opt, seqs, idx, max_len):
    tokens = left_pad([seqs[i] for i in idx], max_len + 1)
    inp, tgt = tokens[:, :-1], tokens[:, 1:]
    h = model.encode(inp).reshape(-1, model.item.embedding_dim)
    logits = h @ model.table().t()
    loss = F.cross_entropy(logits, (tgt.reshape(-1) - 1), ignore_index=-1)
    opt.zero_grad()
    loss.backward()
    opt.step()


def step_gather(model, opt, seqs, idx, max_len):
    width = max(len(seqs[i]) for i in idx)
    tokens = left_pad([seqs[i] for i in idx], width)
    inp, tgt = tokens[:, :-1], tokens[:, 1:]
    pos = (inp != 0).reshape(-1).nonzero().squeeze(1)
    h = model.encode(inp).reshape(-1, model.item.embedding_dim).index_select(0, pos)
    logits = h @ model.table().t()
    loss = F.cross_entropy(logits, tgt.reshape(-1).index_select(0, pos) - 1)
    opt.zero_grad()
    loss.backward()
    opt.step()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--batch", type=int, default=256)
    ap.add_argument("--max-len", type=int, default=50)
    ap.add_argument("--hidden", type=int, default=64)
    ap.add_argument("--heads", type=int, default=2)
    ap.add_argument("--layers", type=int, default=2)
    ap.add_argument("--ffn", type=int, default=256)
    ap.add_argument("--dropout", type=float, default=0.3)
    ap.add_argument("--warmup", type=int, default=3)
    ap.add_argument("--batches", type=int, default=20,
                    help="timed batches of the plain variant (all its batches have one shape)")
    ap.add_argument("--gather-batches", type=int, default=0,
                    help="timed batches of the gather variant; 0 = the whole epoch (bucketed "
                         "batches differ in length, so a sample would be biased)")
    ap.add_argument("--variants", default="plain,gather")
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(42)
    seqs, n_items = load_sequences(args.data, args.max_len)
    for variant in args.variants.split(","):
        model = SASRec(n_items, args.max_len, args.hidden, args.heads, args.layers, args.ffn,
                       args.dropout)
        model.train()
        opt = torch.optim.AdamW(model.parameters(), lr=1e-3, weight_decay=0.0)
        batches = make_batches(seqs, args.batch, variant == "gather", random.Random(42))
        step = step_plain if variant == "plain" else step_gather
        timed = args.batches if variant == "plain" else args.gather_batches
        total = len(batches) if timed <= 0 else min(len(batches), args.warmup + timed)
        for i in range(args.warmup):  # warm-up (allocator, OpenMP pool); not timed
            step(model, opt, seqs, batches[len(batches) - 1 - i], args.max_len)
        start = time.perf_counter()
        done = 0
        for i in range(args.warmup if timed > 0 else 0, total):
            step(model, opt, seqs, batches[i], args.max_len)
            done += len(batches[i])
        secs = time.perf_counter() - start
        rate = done / secs
        print(f"REFERENCE {variant} seq_per_s={rate:.2f} epoch_s={len(seqs) / rate:.2f} "
              f"sequences={len(seqs)}", flush=True)


if __name__ == "__main__":
    main()
