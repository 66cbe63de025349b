"""Cost of the training augmentation, beside the previous implementation in the same run.

    .venv/bin/python tests/benchmarks/bench_augment.py [--batches N] [--epochs N]

Prints: the mean wall and CPU time per batch of 128 digits of `model.training.trainer.augment` and of the previous
implementation (kept below as the baseline, as it was before the speed-up), how far their outputs
differ for the same seed, and the steps per second of training epochs with the current default
TrainingConfig (the Train button's settings) with and without augmentation, on the 10,000 shared
MNIST digits. Load on the machine changes every figure: note `uptime` beside them.
"""
from __future__ import annotations

import argparse
import os
import time

from common import mnist_split, require_shared


# ----------------------------------------------------------------------- the previous implementation
def old_augment(tf, x, seed, strength: float = 1.0):
    """model.training.trainer.augment as of commit 029e758 (15 ms per batch of 128 in training)."""
    s = strength
    b = tf.shape(x)[0]
    seeds = tf.random.experimental.stateless_split(tf.cast(seed, tf.int64), num=8)

    def uni(k, lo, hi, shape=None):
        return tf.random.stateless_uniform(shape if shape is not None else (b,), seeds[k], lo, hi)

    img = tf.reshape(x, (b, 28, 28, 1))
    t = uni(0, -0.7 * s, 0.9 * s)[:, None, None, None]
    dil, ero = _old_dilate_erode(tf, img)
    img = img + tf.nn.relu(t) * (dil - img) + tf.nn.relu(-t) * (ero - img)
    img = tf.clip_by_value(img, 0.0, 1.0)
    ang = uni(1, -0.21 * s, 0.21 * s)
    zx = tf.exp(uni(2, -0.12 * s, 0.12 * s))
    zy = tf.exp(uni(3, -0.12 * s, 0.12 * s))
    sh = uni(4, -0.2 * s, 0.2 * s)
    tr = uni(5, -1.5 * s, 1.5 * s, (b, 2))
    c, sn = tf.cos(ang), tf.sin(ang)
    m00, m01 = c * zx, (c * sh - sn) * zy
    m10, m11 = sn * zx, (sn * sh + c) * zy
    det = m00 * m11 - m01 * m10
    i00, i01, i10, i11 = m11 / det, -m01 / det, -m10 / det, m00 / det
    grid = tf.range(28, dtype=tf.float32) - 13.5
    gy, gx = tf.meshgrid(grid, grid, indexing="ij")
    px = gx[None] - tr[:, 0, None, None]
    py = gy[None] - tr[:, 1, None, None]
    sx = i00[:, None, None] * px + i01[:, None, None] * py + 13.5
    sy = i10[:, None, None] * px + i11[:, None, None] * py + 13.5
    coarse = tf.random.stateless_normal((b, 4, 4, 2), seeds[6]) * (0.8 * s)
    flow = tf.image.resize(coarse, (28, 28), method="bicubic")
    sx += flow[..., 0]
    sy += flow[..., 1]
    out = _old_bilinear(tf, img[..., 0], sx, sy)
    return tf.reshape(out, (b, 784))


def _old_dilate_erode(tf, img):
    p_lo = tf.pad(img, [[0, 0], [1, 1], [1, 1], [0, 0]])
    p_hi = tf.pad(img, [[0, 0], [1, 1], [1, 1], [0, 0]], constant_values=1.0)
    shifts = [(i, j) for i in range(3) for j in range(3)]
    dil = tf.reduce_max(tf.stack([p_lo[:, i : i + 28, j : j + 28] for i, j in shifts]), axis=0)
    ero = tf.reduce_min(tf.stack([p_hi[:, i : i + 28, j : j + 28] for i, j in shifts]), axis=0)
    return dil, ero


def _old_bilinear(tf, img, sx, sy):
    b = tf.shape(img)[0]
    padded = tf.pad(img, [[0, 0], [1, 1], [1, 1]])
    sx = tf.clip_by_value(sx + 1.0, 0.0, 29.0)
    sy = tf.clip_by_value(sy + 1.0, 0.0, 29.0)
    x0, y0 = tf.floor(sx), tf.floor(sy)
    wx, wy = sx - x0, sy - y0
    x0 = tf.cast(x0, tf.int32)
    y0 = tf.cast(y0, tf.int32)
    x1, y1 = tf.minimum(x0 + 1, 29), tf.minimum(y0 + 1, 29)
    flat = tf.reshape(padded, (b, 30 * 30))

    def at(yy, xx):
        return tf.gather(flat, tf.reshape(yy * 30 + xx, (b, -1)), batch_dims=1)

    shape = (b, 28 * 28)
    wx, wy = tf.reshape(wx, shape), tf.reshape(wy, shape)
    return (
        at(y0, x0) * (1 - wx) * (1 - wy)
        + at(y0, x1) * wx * (1 - wy)
        + at(y1, x0) * (1 - wx) * wy
        + at(y1, x1) * wx * wy
    )


# ----------------------------------------------------------------------------------------- measure
def per_batch_ms(tf, fn, x, n: int) -> tuple[float, float]:
    """Mean wall and CPU ms per batch of ``fn`` run as the training pipeline runs it: a tf.data map
    over batches, one thread per op (``_pipeline``'s options), nothing else in the pipeline."""
    seed = tf.constant(42, tf.int64)
    ds = tf.data.Dataset.zip((tf.data.Dataset.from_tensors(x).repeat(), tf.data.Dataset.counter()))
    ds = ds.map(lambda b, i: fn(tf, b, tf.stack([seed, i]), 1.0))
    options = tf.data.Options()
    options.threading.max_intra_op_parallelism = 1
    it = iter(ds.with_options(options))
    for _ in range(5):  # trace, warm up
        next(it)
    t, c = time.perf_counter(), time.process_time()
    for _ in range(n):
        next(it)
    return (time.perf_counter() - t) / n * 1e3, (time.process_time() - c) / n * 1e3


def epoch_rates(ds, augment: bool, epochs: int) -> tuple[list[float], float]:
    """Steps per second of each epoch after the first (which includes tracing), and the process's
    CPU seconds per epoch over the whole run."""
    from model.training.trainer import Trainer, TrainingConfig

    events = []
    cfg = TrainingConfig(epochs=epochs, augment=augment, patience=0)
    cpu = time.process_time()
    Trainer(ds, None, cfg, on_progress=events.append).run()
    cpu = (time.process_time() - cpu) / epochs
    ends = [e for e in events if e.kind == "epoch"]
    return [e.batches / (b.elapsed - a.elapsed) for a, b, e in zip(ends, ends[1:], ends[1:])], cpu


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--batches", type=int, default=200, help="batches timed per implementation")
    ap.add_argument("--epochs", type=int, default=4, help="epochs per training (the first is not counted)")
    args = ap.parse_args()
    require_shared()
    import numpy as np

    from model.data.sources import to_inputs
    from model.training.tf_runtime import import_tensorflow
    from model.training.trainer import TrainingConfig, augment

    keras, tf = import_tensorflow()
    ds = mnist_split()
    x = tf.constant(to_inputs(ds.x_train[:128]))
    print(f"load average at start: {' '.join(f'{v:.2f}' for v in os.getloadavg())}")
    seed = tf.constant([42, 7], tf.int64)
    diff = np.abs(old_augment(tf, x, seed).numpy() - augment(tf, x, seed).numpy())
    print(f"new vs previous, same seed: max |diff| {diff.max():.2g}, mean {diff.mean():.2g} (pixels 0..1)")
    print(f"augment, ms per batch of 128 in a tf.data map (mean of {args.batches}; wall / CPU), "
          "two rounds interleaved so a change in load hits both:")
    for r in range(2):
        (ow, oc), (nw, nc) = (per_batch_ms(tf, f, x, args.batches) for f in (old_augment, augment))
        print(f"  round {r + 1}: previous {ow:.2f} / {oc:.2f}, new {nw:.2f} / {nc:.2f}  "
              f"(CPU {oc / nc:.2f}x less)")
    cfg = TrainingConfig()
    print(f"training epochs with the defaults (batch {cfg.batch_size}), steps/s per epoch after the first:")
    for aug in (True, False):
        rates, cpu = epoch_rates(ds, aug, args.epochs)
        print(f"  augment={str(aug):<5} " + " ".join(f"{r:.0f}" for r in rates) +
              f"  (median {np.median(rates):.0f}; {cpu:.2f} CPU s per epoch, all included)")
    print(f"load average at end: {' '.join(f'{v:.2f}' for v in os.getloadavg())}")


if __name__ == "__main__":
    main()
