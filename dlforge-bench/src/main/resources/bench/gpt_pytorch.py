"""PyTorch reference for dlforge's GPT benchmark: the nanoGPT model and training recipe, written here from
the math (not copied), trained on pre-tokenised data with nanoGPT's CPU "baby" defaults (4 layers, 4 heads,
128 wide, block 64, batch 12, dropout 0, no biases, AdamW lr 1e-3 -> 1e-4, 2,000 iterations).

What it reproduces:
- data: `--train` / `--val` are uint16 little-endian token ids (nanoGPT's train.bin / val.bin). A batch is
  `batch_size` random offsets i (torch.randint with a generator seeded by --seed), x = data[i : i+block],
  y = data[i+1 : i+1+block]. Evaluation draws from a second generator (seed + 1), so evaluating never
  changes the training batches.
- model: h_0 = wte[x] + wpe[0..T); per block h += attn(LN_1(h)), h += mlp(LN_2(h)); logits = LN_f(h) wte^T
  (lm_head tied to the token embedding). LayerNorm eps 1e-5, without bias when --bias false. Attention:
  one fused Linear c_attn (C -> 3C) gives q, k, v, split into n_head heads of C / n_head; softmax(q k^T /
  sqrt(hs) + causal mask) v; heads concatenated; Linear c_proj (C -> C). MLP: c_fc (C -> 4C), exact
  (erf) GELU, c_proj (4C -> C). Dropout after embeddings, on attention weights, after each c_proj.
- init: every Linear and Embedding weight ~ N(0, 0.02), biases 0, then the two residual projections
  (attn.c_proj, mlp.c_proj) ~ N(0, 0.02 / sqrt(2 n_layer)); LayerNorm weight 1, bias 0.
- loss: mean cross-entropy of the next token over all B*T positions.
- optimiser: AdamW (betas --beta1/--beta2, eps 1e-8) with weight decay on parameters of 2+ dimensions
  (Linear weights, embeddings) and none on LayerNorm weights and biases; gradients clipped to global
  L2 norm --grad-clip (0: off) before each step.
- learning rate at iteration it (0-based): lr * (it + 1) / warmup_iters while it < warmup_iters; then
  min_lr + (lr - min_lr) * (1 + cos(pi * r)) / 2 with r = (it - warmup_iters) / (lr_decay_iters -
  warmup_iters), clamped to 1 (min_lr after lr_decay_iters). This equals dlforge's
  LrSchedule.Cosine(warmup_iters / lr_decay_iters, min_lr / lr) over lr_decay_iters steps.
- evaluation: before iteration 0, every --eval-interval iterations and after the last, the mean loss of
  --eval-iters random batches from each of train and val, in eval mode without gradients.

Output: one JSON line per evaluation, {"iter", "train_loss", "val_loss", "lr"}, and a last JSON line
{"final_train_loss", "full_val_loss", "final_val_loss", "tokens_per_second", "timed_iters", "train_seconds", "iters",
"torch", "threads", "parameters"} (full_val_loss: the mean loss over the whole validation split cut
in order into non-overlapping windows, the figure dlforge's benchmark compares; parameters: all of them, the tied wte / lm_head once). tokens_per_second is batch_size * block_size * timed_iters / the wall
time of those iterations (batch gather, forward, backward, clip, optimiser step); the first
--timing-warmup iterations and all evaluation time are excluded.
"""
import argparse
import json
import math
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


class LayerNorm(nn.Module):
    """(x - mean) / sqrt(var + 1e-5) * weight (+ bias): PyTorch's nn.LayerNorm cannot drop only the bias."""

    def __init__(self, dim, bias):
        super().__init__()
        self.weight = nn.Parameter(torch.ones(dim))
        self.bias = nn.Parameter(torch.zeros(dim)) if bias else None

    def forward(self, x):
        return F.layer_norm(x, self.weight.shape, self.weight, self.bias, 1e-5)


class CausalSelfAttention(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.n_head = cfg.n_head
        self.c_attn = nn.Linear(cfg.n_embd, 3 * cfg.n_embd, bias=cfg.bias)
        self.c_proj = nn.Linear(cfg.n_embd, cfg.n_embd, bias=cfg.bias)
        self.attn_dropout = nn.Dropout(cfg.dropout)
        self.resid_dropout = nn.Dropout(cfg.dropout)
        allowed = torch.tril(torch.ones(cfg.block_size, cfg.block_size, dtype=torch.bool))
        self.register_buffer("allowed", allowed.view(1, 1, cfg.block_size, cfg.block_size), persistent=False)

    def forward(self, x):
        b, t, c = x.shape
        hs = c // self.n_head
        q, k, v = self.c_attn(x).split(c, dim=2)  # (B, T, C) each
        q = q.view(b, t, self.n_head, hs).transpose(1, 2)  # (B, nh, T, hs)
        k = k.view(b, t, self.n_head, hs).transpose(1, 2)
        v = v.view(b, t, self.n_head, hs).transpose(1, 2)
        scores = (q @ k.transpose(-2, -1)) / math.sqrt(hs)  # (B, nh, T, T)
        scores = scores.masked_fill(~self.allowed[:, :, :t, :t], float("-inf"))
        weights = self.attn_dropout(F.softmax(scores, dim=-1))
        y = (weights @ v).transpose(1, 2).reshape(b, t, c)  # (B, T, C)
        return self.resid_dropout(self.c_proj(y))


class Mlp(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.c_fc = nn.Linear(cfg.n_embd, 4 * cfg.n_embd, bias=cfg.bias)
        self.c_proj = nn.Linear(4 * cfg.n_embd, cfg.n_embd, bias=cfg.bias)
        self.dropout = nn.Dropout(cfg.dropout)

    def forward(self, x):
        return self.dropout(self.c_proj(F.gelu(self.c_fc(x))))  # exact GELU: x * Phi(x)


class Block(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.ln_1 = LayerNorm(cfg.n_embd, cfg.bias)
        self.attn = CausalSelfAttention(cfg)
        self.ln_2 = LayerNorm(cfg.n_embd, cfg.bias)
        self.mlp = Mlp(cfg)

    def forward(self, x):
        x = x + self.attn(self.ln_1(x))
        return x + self.mlp(self.ln_2(x))


class Gpt(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.block_size = cfg.block_size
        self.wte = nn.Embedding(cfg.vocab_size, cfg.n_embd)
        self.wpe = nn.Embedding(cfg.block_size, cfg.n_embd)
        self.drop = nn.Dropout(cfg.dropout)
        self.h = nn.ModuleList(Block(cfg) for _ in range(cfg.n_layer))
        self.ln_f = LayerNorm(cfg.n_embd, cfg.bias)
        for m in self.modules():
            if isinstance(m, (nn.Linear, nn.Embedding)):
                nn.init.normal_(m.weight, 0.0, 0.02)
                if getattr(m, "bias", None) is not None:
                    nn.init.zeros_(m.bias)
        residual_std = 0.02 / math.sqrt(2 * cfg.n_layer)
        for block in self.h:
            nn.init.normal_(block.attn.c_proj.weight, 0.0, residual_std)
            nn.init.normal_(block.mlp.c_proj.weight, 0.0, residual_std)

    def forward(self, idx, targets):
        b, t = idx.shape
        x = self.drop(self.wte(idx) + self.wpe(torch.arange(t)))  # (B, T, C)
        for block in self.h:
            x = block(x)
        logits = self.ln_f(x) @ self.wte.weight.t()  # (B, T, V), lm_head tied to wte
        return F.cross_entropy(logits.reshape(b * t, -1), targets.reshape(b * t))


def learning_rate(it, a):
    if it < a.warmup_iters:
        return a.lr * (it + 1) / a.warmup_iters
    if it >= a.lr_decay_iters:
        return a.min_lr
    r = (it - a.warmup_iters) / (a.lr_decay_iters - a.warmup_iters)
    return a.min_lr + (a.lr - a.min_lr) * 0.5 * (1.0 + math.cos(math.pi * r))


def load_tokens(path, block_size):
    data = np.fromfile(path, dtype="<u2")
    if len(data) < block_size + 2:
        sys.exit(f"{path} holds {len(data)} tokens; a batch needs at least block_size + 2 = {block_size + 2}")
    return torch.from_numpy(data.astype(np.int64))


def batch(data, a, generator):
    ix = torch.randint(len(data) - a.block_size, (a.batch_size,), generator=generator)
    x = torch.stack([data[i:i + a.block_size] for i in ix.tolist()])  # (B, T)
    y = torch.stack([data[i + 1:i + 1 + a.block_size] for i in ix.tolist()])  # (B, T)
    return x, y


@torch.no_grad()
def estimate_loss(model, splits, a, generator):
    model.eval()
    out = {}
    for name, data in splits.items():
        out[name] = sum(model(*batch(data, a, generator)).item() for _ in range(a.eval_iters)) / a.eval_iters
    model.train()
    return out


@torch.no_grad()
def full_loss(model, data, a):
    """Mean loss over every token of `data`, cut in order into non-overlapping windows of block_size
    (the last partial window dropped): the same windows dlforge's TiledWindows.evaluation scores."""
    model.eval()
    n = (len(data) - 1) // a.block_size
    total = 0.0
    for first in range(0, n, a.batch_size):
        rows = range(first, min(n, first + a.batch_size))
        x = torch.stack([data[i * a.block_size:(i + 1) * a.block_size] for i in rows])  # (B, T)
        y = torch.stack([data[i * a.block_size + 1:(i + 1) * a.block_size + 1] for i in rows])  # (B, T)
        total += model(x, y).item() * len(rows)
    model.train()
    return total / n


def flag(text):
    if text.lower() in ("true", "1", "yes"):
        return True
    if text.lower() in ("false", "0", "no"):
        return False
    raise argparse.ArgumentTypeError(f"expected true or false, got {text}")


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--train", required=True)
    p.add_argument("--val", required=True)
    p.add_argument("--vocab-size", type=int, default=0, help="0: the largest id in the data plus one")
    p.add_argument("--n-layer", type=int, default=4)
    p.add_argument("--n-head", type=int, default=4)
    p.add_argument("--n-embd", type=int, default=128)
    p.add_argument("--block-size", type=int, default=64)
    p.add_argument("--batch-size", type=int, default=12)
    p.add_argument("--dropout", type=float, default=0.0)
    p.add_argument("--bias", type=flag, default=False)
    p.add_argument("--max-iters", type=int, default=2000)
    p.add_argument("--lr", type=float, default=1e-3)
    p.add_argument("--min-lr", type=float, default=1e-4)
    p.add_argument("--warmup-iters", type=int, default=100)
    p.add_argument("--lr-decay-iters", type=int, default=2000)
    p.add_argument("--beta1", type=float, default=0.9)
    p.add_argument("--beta2", type=float, default=0.99)
    p.add_argument("--weight-decay", type=float, default=0.1)
    p.add_argument("--grad-clip", type=float, default=1.0)
    p.add_argument("--eval-interval", type=int, default=250)
    p.add_argument("--eval-iters", type=int, default=20)
    p.add_argument("--timing-warmup", type=int, default=5, help="first iterations left out of tokens/s")
    p.add_argument("--seed", type=int, default=1337)
    p.add_argument("--threads", type=int, default=2)
    a = p.parse_args()
    if a.n_embd % a.n_head != 0:
        sys.exit(f"--n-embd {a.n_embd} is not divisible by --n-head {a.n_head}")
    if a.warmup_iters < 1 or a.lr_decay_iters <= a.warmup_iters:
        sys.exit("need 1 <= --warmup-iters < --lr-decay-iters")

    torch.set_num_threads(a.threads)
    torch.manual_seed(a.seed)
    train = load_tokens(a.train, a.block_size)
    val = load_tokens(a.val, a.block_size)
    largest = int(max(train.max(), val.max()))
    if a.vocab_size == 0:
        a.vocab_size = largest + 1
    elif largest >= a.vocab_size:
        sys.exit(f"the data holds token id {largest}, outside --vocab-size {a.vocab_size}")

    model = Gpt(a)
    params = list(model.parameters())  # the tied weight once
    optimizer = torch.optim.AdamW(
        [{"params": [q for q in params if q.dim() >= 2], "weight_decay": a.weight_decay},
         {"params": [q for q in params if q.dim() < 2], "weight_decay": 0.0}],
        lr=a.lr, betas=(a.beta1, a.beta2), eps=1e-8)
    train_batches = torch.Generator().manual_seed(a.seed)
    eval_batches = torch.Generator().manual_seed(a.seed + 1)
    splits = {"train": train, "val": val}

    model.train()
    train_seconds = 0.0
    timed = 0
    losses = None
    for it in range(a.max_iters + 1):
        if it % a.eval_interval == 0 or it == a.max_iters:
            losses = estimate_loss(model, splits, a, eval_batches)
            print(json.dumps({"iter": it, "train_loss": round(losses["train"], 4), "val_loss": round(losses["val"], 4),
                              "lr": learning_rate(it, a) if it < a.max_iters else None}), flush=True)
        if it == a.max_iters:
            break
        start = time.perf_counter()
        for group in optimizer.param_groups:
            group["lr"] = learning_rate(it, a)
        x, y = batch(train, a, train_batches)
        loss = model(x, y)
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        if a.grad_clip > 0:
            torch.nn.utils.clip_grad_norm_(params, a.grad_clip)
        optimizer.step()
        if it >= a.timing_warmup:
            train_seconds += time.perf_counter() - start
            timed += 1

    print(json.dumps({
        "final_train_loss": round(losses["train"], 4),
        "full_val_loss": round(full_loss(model, val, a), 4),
        "final_val_loss": round(losses["val"], 4),
        "tokens_per_second": timed * a.batch_size * a.block_size / train_seconds if timed else 0.0,
        "timed_iters": timed,
        "train_seconds": round(train_seconds, 3),
        "iters": a.max_iters,
        "torch": torch.__version__,
        "threads": a.threads,
        "parameters": sum(q.numel() for q in params),  # the tied wte / lm_head counted once
    }), flush=True)


if __name__ == "__main__":
    main()
