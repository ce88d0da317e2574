"""Tiny GPT-2 reference fixture: random weights in Hugging Face GPT-2 layout plus PyTorch logits.

Regenerate (Debian's torch, no pip packages; the output is deterministic for a given torch build):

    /usr/bin/python3 dlforge-models/src/test/resources/gpt2-tiny/make_fixture.py

Writes, next to this script:
  model.safetensors      GPT2LMHeadModel tensor names, float32; lm_head.weight is tied to
                         transformer.wte.weight and left out, as Hugging Face saves it.
  config.json            Hugging Face GPT-2 config for the same sizes.
  reference.safetensors  input_ids (I64, (2, 20)) and logits (F32, (2, 20, 96)).

The forward pass below is written from the GPT-2 math, not from any library model class. It runs in
float64 on the float32 weights (each weight is stored as float32 and cast up), and the logits are
cast to float32 at the end, so the reference carries no float32 rounding of its own.
"""
import json
import math
import os
import struct

import torch

VOCAB, N_POSITIONS, N_EMBD, N_HEAD, N_LAYER = 96, 32, 24, 3, 2
BATCH, SEQ = 2, 20
EPS = 1e-5
SEED = 1234
HERE = os.path.dirname(os.path.abspath(__file__))


def make_weights(gen):
    """Every tensor random (weights N(0, 0.2), LN gains 1 + N(0, 0.2)), so each one matters."""
    def normal(*shape, mean=0.0):
        return (mean + 0.2 * torch.randn(*shape, generator=gen)).to(torch.float32)

    c = N_EMBD
    w = {
        "transformer.wte.weight": normal(VOCAB, c),
        "transformer.wpe.weight": normal(N_POSITIONS, c),
    }
    for i in range(N_LAYER):
        p = f"transformer.h.{i}."
        w[p + "ln_1.weight"] = normal(c, mean=1.0)
        w[p + "ln_1.bias"] = normal(c)
        # Conv1D layout: (in, out)
        w[p + "attn.c_attn.weight"] = normal(c, 3 * c)
        w[p + "attn.c_attn.bias"] = normal(3 * c)
        w[p + "attn.c_proj.weight"] = normal(c, c)
        w[p + "attn.c_proj.bias"] = normal(c)
        w[p + "ln_2.weight"] = normal(c, mean=1.0)
        w[p + "ln_2.bias"] = normal(c)
        w[p + "mlp.c_fc.weight"] = normal(c, 4 * c)
        w[p + "mlp.c_fc.bias"] = normal(4 * c)
        w[p + "mlp.c_proj.weight"] = normal(4 * c, c)
        w[p + "mlp.c_proj.bias"] = normal(c)
    w["transformer.ln_f.weight"] = normal(c, mean=1.0)
    w["transformer.ln_f.bias"] = normal(c)
    return w


def layer_norm(x, gain, bias):
    """(x - mean) / sqrt(var + eps) * gain + bias over the last axis, biased variance."""
    mean = x.mean(dim=-1, keepdim=True)
    var = ((x - mean) ** 2).mean(dim=-1, keepdim=True)
    return (x - mean) / torch.sqrt(var + EPS) * gain + bias


def gelu_new(x):
    """0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3)))."""
    return 0.5 * x * (1.0 + torch.tanh(math.sqrt(2.0 / math.pi) * (x + 0.044715 * x ** 3)))


def forward(w, ids):
    """GPT-2 logits for ids (B, T) -> (B, T, V), in the dtype of w."""
    b, t = ids.shape
    c, nh = N_EMBD, N_HEAD
    hd = c // nh
    h = w["transformer.wte.weight"][ids] + w["transformer.wpe.weight"][:t]  # (B, T, C)
    future = torch.triu(torch.ones(t, t, dtype=torch.bool), diagonal=1)  # (T, T), True above diagonal
    for i in range(N_LAYER):
        p = f"transformer.h.{i}."
        a = layer_norm(h, w[p + "ln_1.weight"], w[p + "ln_1.bias"])
        qkv = a @ w[p + "attn.c_attn.weight"] + w[p + "attn.c_attn.bias"]  # (B, T, 3C)
        q, k, v = qkv.split(c, dim=-1)  # (B, T, C) each
        q = q.view(b, t, nh, hd).transpose(1, 2)  # (B, nh, T, hd)
        k = k.view(b, t, nh, hd).transpose(1, 2)
        v = v.view(b, t, nh, hd).transpose(1, 2)
        att = (q @ k.transpose(-2, -1)) / math.sqrt(hd)  # (B, nh, T, T)
        att = att.masked_fill(future, float("-inf"))
        att = torch.softmax(att, dim=-1)
        y = (att @ v).transpose(1, 2).reshape(b, t, c)  # (B, T, C), heads merged
        h = h + y @ w[p + "attn.c_proj.weight"] + w[p + "attn.c_proj.bias"]
        m = layer_norm(h, w[p + "ln_2.weight"], w[p + "ln_2.bias"])
        hidden = gelu_new(m @ w[p + "mlp.c_fc.weight"] + w[p + "mlp.c_fc.bias"])  # (B, T, 4C)
        h = h + hidden @ w[p + "mlp.c_proj.weight"] + w[p + "mlp.c_proj.bias"]
    h = layer_norm(h, w["transformer.ln_f.weight"], w["transformer.ln_f.bias"])
    return h @ w["transformer.wte.weight"].T  # (B, T, V), lm_head tied to wte


SAFETENSORS_DTYPES = {torch.float32: ("F32", "<f4"), torch.int64: ("I64", "<i8")}


def write_safetensors(path, tensors, metadata=None):
    """u64 LE header length, JSON header padded with spaces to 8 bytes, then the data in order."""
    header, blobs, offset = {}, [], 0
    if metadata:
        header["__metadata__"] = metadata
    for name, tensor in tensors.items():
        dtype, np_dtype = SAFETENSORS_DTYPES[tensor.dtype]
        blob = tensor.contiguous().numpy().astype(np_dtype).tobytes()
        header[name] = {"dtype": dtype, "shape": list(tensor.shape), "data_offsets": [offset, offset + len(blob)]}
        blobs.append(blob)
        offset += len(blob)
    text = json.dumps(header, separators=(",", ":")).encode("utf-8")
    text += b" " * (-len(text) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)))
        f.write(text)
        for blob in blobs:
            f.write(blob)


def main():
    gen = torch.Generator().manual_seed(SEED)
    weights = make_weights(gen)
    ids = torch.randint(0, VOCAB, (BATCH, SEQ), generator=gen, dtype=torch.int64)
    with torch.no_grad():
        logits = forward({k: v.to(torch.float64) for k, v in weights.items()}, ids).to(torch.float32)
    write_safetensors(os.path.join(HERE, "model.safetensors"), weights, {"format": "pt"})
    write_safetensors(os.path.join(HERE, "reference.safetensors"), {"input_ids": ids, "logits": logits},
                      {"forward_dtype": "float64", "torch": torch.__version__})
    config = {
        "model_type": "gpt2",
        "architectures": ["GPT2LMHeadModel"],
        "vocab_size": VOCAB,
        "n_positions": N_POSITIONS,
        "n_ctx": N_POSITIONS,
        "n_embd": N_EMBD,
        "n_layer": N_LAYER,
        "n_head": N_HEAD,
        "n_inner": None,
        "layer_norm_epsilon": EPS,
        "activation_function": "gelu_new",
        "tie_word_embeddings": True,
    }
    with open(os.path.join(HERE, "config.json"), "w") as f:
        json.dump(config, f, indent=2)
        f.write("\n")
    print("logits", tuple(logits.shape), "std %.4f" % logits.std().item(),
          "first", ["%.6f" % x for x in logits[0, 0, :3].tolist()])


if __name__ == "__main__":
    main()
