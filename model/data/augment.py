"""Augmentation of training digits, and the tf.data pipeline that feeds them to Keras.

Augmentation runs inside the tf.data pipeline as one fused, stateless-random TensorFlow function:
a random affine map (rotation, zoom, shear, translation) plus a smooth elastic displacement field,
applied with a single bilinear resampling, and a random stroke-thickness change (grey dilation or
erosion). Keras's preprocessing layers do the same one transform at a time; RandomElasticTransform
alone cost 24 ms per batch of 128 here (more than the whole training step), and their stateful
seeds are not reproducible across parallel tf.data calls. This one costs ~7 ms of CPU per batch
of 128 in the pipeline (the previous version 10-11 ms; tests/benchmarks/bench_augment.py prints
both), most of it TensorFlow's CPU gather (~1 ms per 100,000 indices, four of them); an epoch of
the defaults on the 10,000 shared digits costs ~1 CPU s in all.
"""
from __future__ import annotations

import numpy as np

__all__ = ["augment", "pipeline"]


def pipeline(tf, x, y, batch_size: int, seed: int, strength: float):
    """Shuffled, batched, augmented batches for all epochs (one stream, so every batch of every
    epoch gets fresh, seed-determined augmentation). ``x``: flattened digits, uint8 pixels (made
    float 0..1 per batch, exactly as :func:`model.data.sources.to_inputs` would) or float 0..1."""
    ds = tf.data.Dataset.from_tensor_slices((x, y))
    ds = ds.shuffle(len(x), seed=seed, reshuffle_each_iteration=True).batch(batch_size).repeat()
    pixels = x.dtype == np.uint8

    def to_float(batch):
        return tf.cast(batch, tf.float32) / 255.0 if pixels else batch

    if strength > 0:
        strength = float(strength)
        seed = int(seed)
        ds = tf.data.Dataset.zip((ds, tf.data.Dataset.counter()))
        ds = ds.map(
            lambda xy, i: (augment(tf, to_float(xy[0]), tf.stack([tf.constant(seed, tf.int64), i]), strength),
                           xy[1]),
            num_parallel_calls=2,
            deterministic=True,
        )
    elif pixels:
        ds = ds.map(lambda bx, by: (to_float(bx), by), num_parallel_calls=2, deterministic=True)
    # One thread per augmentation op: its tensors are small, and splitting each op over both cores
    # cost 60% more CPU per batch (10 ms against 6 ms) for no gain in wall time.
    options = tf.data.Options()
    options.threading.max_intra_op_parallelism = 1
    # No autotuning (two parallel augmentation calls for two cores and a fixed prefetch instead):
    # destroying the pipeline at the end of fit waited, idle, for its optimisation thread (which
    # sleeps up to a minute between rounds), 36 s in 4 of the 40-epoch runs of
    # bench_train_time.py here; it prints that wait as "from the last epoch's end".
    options.autotune.enabled = False
    return ds.prefetch(4).with_options(options)


def augment(tf, x, seed, strength: float = 1.0):
    """Randomly distort a batch of flattened 28x28 digits (float 0..1); deterministic for a seed.

    Per digit: rotation +-12 deg, zoom +-12 % per axis, shear +-0.2, translation +-1.5 px, an
    elastic field of +-1.2 px smoothed over ~7 px, and stroke thickness from eroded to dilated,
    all scaled by ``strength``.
    """
    s = strength
    b = tf.shape(x)[0]
    seeds = tf.random.experimental.stateless_split(tf.cast(seed, tf.int64), num=8)

    def uni(k, lo, hi, shape=None):
        return tf.random.stateless_uniform(shape if shape is not None else (b,), seeds[k], lo, hi)

    img = tf.reshape(x, (b, 28, 28))
    # Stroke thickness: blend towards a 3x3 grey dilation (thicker) or erosion (thinner).
    t = uni(0, -0.7 * s, 0.9 * s)[:, None, None]
    dil, ero = _dilate_erode(tf, img)
    img = img + tf.nn.relu(t) * (dil - img) + tf.nn.relu(-t) * (ero - img)
    img = tf.clip_by_value(img, 0.0, 1.0)

    # Inverse affine map (output pixel -> source pixel) around the centre (13.5, 13.5).
    ang = uni(1, -0.21 * s, 0.21 * s)
    zx = tf.exp(uni(2, -0.12 * s, 0.12 * s))
    zy = tf.exp(uni(3, -0.12 * s, 0.12 * s))
    sh = uni(4, -0.2 * s, 0.2 * s)
    tr = uni(5, -1.5 * s, 1.5 * s, (b, 2))
    c, sn = tf.cos(ang), tf.sin(ang)
    # Forward M = R @ Shear @ Zoom; the sampling uses its inverse.
    m00, m01 = c * zx, (c * sh - sn) * zy
    m10, m11 = sn * zx, (sn * sh + c) * zy
    det = m00 * m11 - m01 * m10
    i00, i01, i10, i11 = m11 / det, -m01 / det, -m10 / det, m00 / det

    grid = tf.range(28, dtype=tf.float32) - 13.5
    gy, gx = tf.meshgrid(grid, grid, indexing="ij")  # (28, 28)
    px = gx[None] - tr[:, 0, None, None]
    py = gy[None] - tr[:, 1, None, None]
    sx = i00[:, None, None] * px + i01[:, None, None] * py + 13.5
    sy = i10[:, None, None] * px + i11[:, None, None] * py + 13.5
    # Elastic: a 4x4 field of random displacements, smoothly upsampled to 28x28 (bicubic, as
    # tf.image.resize does it, but as one small matrix product: 14x cheaper).
    coarse = tf.random.stateless_normal((b, 4, 4, 2), seeds[6]) * (0.8 * s)
    flow = tf.einsum("yi,bijc,xj->bcyx", _upsampling(tf), coarse, _upsampling(tf))
    out = _bilinear(tf, img, sx + flow[:, 0], sy + flow[:, 1])
    return tf.reshape(out, (b, 784))


_UPSAMPLING = None


def _upsampling(tf):
    """The (28, 4) matrix of tf.image.resize's bicubic 4 -> 28 upsampling along one axis (it is
    separable, so resizing a 4x4 field F is U @ F @ U.T)."""
    global _UPSAMPLING
    if _UPSAMPLING is None:
        with tf.init_scope():  # a constant, computed eagerly even while a tf.function traces
            basis = tf.eye(4)[:, :, None, None]  # 4 one-hot columns of height 4
            _UPSAMPLING = tf.image.resize(basis, (28, 1), method="bicubic")[:, :, 0, 0].numpy().T
    return tf.constant(_UPSAMPLING)


def _dilate_erode(tf, img):
    """3x3 grey dilation and erosion of (b, 28, 28) as maxima/minima of shifted copies, one axis
    at a time (TensorFlow's CPU max_pool2d with stride 1 and one channel is 10x slower)."""
    def filt(f, fill):
        p = tf.pad(img, [[0, 0], [1, 1], [1, 1]], constant_values=fill)
        rows = f(f(p[:, :, :-2], p[:, :, 1:-1]), p[:, :, 2:])
        return f(f(rows[:, :-2], rows[:, 1:-1]), rows[:, 2:])

    return filt(tf.maximum, 0.0), filt(tf.minimum, 1.0)


def _bilinear(tf, img, sx, sy):
    """Sample img (b, 28, 28) at float coords (b, 28, 28); outside the image is black."""
    b = tf.shape(img)[0]
    padded = tf.pad(img, [[0, 0], [1, 1], [1, 1]])  # a black border so clamped reads are 0
    sx = tf.clip_by_value(sx + 1.0, 0.0, 29.0)
    sy = tf.clip_by_value(sy + 1.0, 0.0, 29.0)
    x0, y0 = tf.floor(sx), tf.floor(sy)
    wx, wy = sx - x0, sy - y0
    x0 = tf.cast(x0, tf.int32)
    y0 = tf.cast(y0, tf.int32)
    x1, y1 = tf.minimum(x0 + 1, 29), tf.minimum(y0 + 1, 29)
    flat = tf.reshape(padded, (-1,))
    base = (tf.range(b) * (30 * 30))[:, None, None]

    def at(yy, xx):  # one flat gather: 20% faster than gather(batch_dims=1)
        return tf.gather(flat, base + yy * 30 + xx)

    a00, a01, a10, a11 = at(y0, x0), at(y0, x1), at(y1, x0), at(y1, x1)
    top = a00 + wx * (a01 - a00)
    bottom = a10 + wx * (a11 - a10)
    return top + wy * (bottom - top)
