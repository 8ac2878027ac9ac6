#!/usr/bin/env python3
"""Baseline for bench_clip: image-encoding throughput of the reference Python CLIP.

The image tower is OpenAI's clip/model.py (VisionTransformer, Transformer,
ResidualAttentionBlock, LayerNorm, QuickGELU) transcribed verbatim, run the way clip.load()
models are used for inference: eval(), torch.no_grad(), float32 on the CPU.

  python3 clip_reference_bench.py --model ViT-B-32 --batch 16 --threads 2 --seconds 20

Prints one JSON line: {"model":..., "images_per_second":..., "torch":..., "blas":...}.
Exits 3 with {"unavailable": reason} when torch cannot be imported.
"""
import argparse
import json
import sys
import time
from collections import OrderedDict

try:
    import torch
    from torch import nn
except Exception as e:  # noqa: BLE001 - any import failure means no baseline
    print(json.dumps({"unavailable": "python3 cannot import torch: %s" % e}))
    sys.exit(3)


# ---- OpenAI clip/model.py (ViT parts), unchanged ----
class LayerNorm(nn.LayerNorm):
    """Subclass torch's LayerNorm to handle fp16."""

    def forward(self, x: torch.Tensor):
        orig_type = x.dtype
        ret = super().forward(x.type(torch.float32))
        return ret.type(orig_type)


class QuickGELU(nn.Module):
    def forward(self, x: torch.Tensor):
        return x * torch.sigmoid(1.702 * x)


class ResidualAttentionBlock(nn.Module):
    def __init__(self, d_model: int, n_head: int, attn_mask: torch.Tensor = None):
        super().__init__()

        self.attn = nn.MultiheadAttention(d_model, n_head)
        self.ln_1 = LayerNorm(d_model)
        self.mlp = nn.Sequential(OrderedDict([
            ("c_fc", nn.Linear(d_model, d_model * 4)),
            ("gelu", QuickGELU()),
            ("c_proj", nn.Linear(d_model * 4, d_model))
        ]))
        self.ln_2 = LayerNorm(d_model)
        self.attn_mask = attn_mask

    def attention(self, x: torch.Tensor):
        self.attn_mask = self.attn_mask.to(dtype=x.dtype, device=x.device) if self.attn_mask is not None else None
        return self.attn(x, x, x, need_weights=False, attn_mask=self.attn_mask)[0]

    def forward(self, x: torch.Tensor):
        x = x + self.attention(self.ln_1(x))
        x = x + self.mlp(self.ln_2(x))
        return x


class Transformer(nn.Module):
    def __init__(self, width: int, layers: int, heads: int, attn_mask: torch.Tensor = None):
        super().__init__()
        self.width = width
        self.layers = layers
        self.resblocks = nn.Sequential(*[ResidualAttentionBlock(width, heads, attn_mask) for _ in range(layers)])

    def forward(self, x: torch.Tensor):
        return self.resblocks(x)


class VisionTransformer(nn.Module):
    def __init__(self, input_resolution: int, patch_size: int, width: int, layers: int, heads: int, output_dim: int):
        super().__init__()
        self.input_resolution = input_resolution
        self.output_dim = output_dim
        self.conv1 = nn.Conv2d(in_channels=3, out_channels=width, kernel_size=patch_size, stride=patch_size, bias=False)

        scale = width ** -0.5
        self.class_embedding = nn.Parameter(scale * torch.randn(width))
        self.positional_embedding = nn.Parameter(scale * torch.randn((input_resolution // patch_size) ** 2 + 1, width))
        self.ln_pre = LayerNorm(width)

        self.transformer = Transformer(width, layers, heads)

        self.ln_post = LayerNorm(width)
        self.proj = nn.Parameter(scale * torch.randn(width, output_dim))

    def forward(self, x: torch.Tensor):
        x = self.conv1(x)  # shape = [*, width, grid, grid]
        x = x.reshape(x.shape[0], x.shape[1], -1)  # shape = [*, width, grid ** 2]
        x = x.permute(0, 2, 1)  # shape = [*, grid ** 2, width]
        x = torch.cat([self.class_embedding.to(x.dtype) + torch.zeros(x.shape[0], 1, x.shape[-1], dtype=x.dtype, device=x.device), x], dim=1)  # shape = [*, grid ** 2 + 1, width]
        x = x + self.positional_embedding.to(x.dtype)
        x = self.ln_pre(x)

        x = x.permute(1, 0, 2)  # NLD -> LND
        x = self.transformer(x)
        x = x.permute(1, 0, 2)  # LND -> NLD

        x = self.ln_post(x[:, 0, :])

        if self.proj is not None:
            x = x @ self.proj

        return x
# ---- end of OpenAI's code ----


MODELS = {  # input_resolution, patch, width, layers, heads, output_dim
    "ViT-B-32": (224, 32, 768, 12, 12, 512),
    "ViT-B-16": (224, 16, 768, 12, 12, 512),
    "ViT-L-14": (224, 14, 1024, 24, 16, 768),
}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", default="ViT-B-32", choices=sorted(MODELS))
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--seconds", type=float, default=20.0, help="minimum timed duration")
    ap.add_argument("--min-iters", type=int, default=2)
    a = ap.parse_args()

    torch.set_num_threads(a.threads)
    torch.manual_seed(0)
    res, patch, width, layers, heads, out = MODELS[a.model]
    model = VisionTransformer(res, patch, width, layers, heads, out).eval()
    images = torch.randn(a.batch, 3, res, res)
    times, cpu = [], []
    with torch.no_grad():
        model(images)  # warm-up
        start = time.perf_counter()
        while len(times) < a.min_iters or time.perf_counter() - start < a.seconds:
            t0, c0 = time.perf_counter(), time.process_time()
            model(images)
            times.append(time.perf_counter() - t0)
            cpu.append(time.process_time() - c0)
        elapsed = time.perf_counter() - start
    iters = len(times)
    blas = "unknown"
    try:  # Debian's torch links the generic libblas.so.3: see which library is really mapped
        with open("/proc/self/maps") as maps:
            libs = {line.split()[-1] for line in maps if "blas" in line}
        blas = ", ".join(sorted(libs)) or blas
    except OSError:
        pass
    print(json.dumps({"model": a.model, "images_per_second": iters * a.batch / elapsed,
                      "seconds_per_batch": elapsed / iters, "iterations": iters,
                      "best_seconds_per_batch": min(times),
                      "cpu_seconds_per_batch": sum(cpu) / len(cpu),
                      "threads": torch.get_num_threads(), "torch": torch.__version__, "blas": blas}))


if __name__ == "__main__":
    main()
