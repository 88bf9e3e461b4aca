"""Runs natasha's news NER model (slovnet's weights) with fewer passes over memory.

natasha and slovnet stay the dependency: they ship and load the model, its vocabularies and
its word and shape encoder (``ner_tagger().infer``). What changes is only the order of the
numpy operations of the forward pass, so the tags are slovnet's own: ``tests/test_ner_model.py``
compares them with slovnet's execution (:func:`slovnet_tag_ids`) on real news, and a model of
another layout (a future release) runs through slovnet's execution. Two steps cost most in
slovnet's generic execution (half of bilat's time was spent in them):

- sequences are padded to the longest of their batch, and each convolution copies every window
  of three words into a matrix (three times the input) before one matrix product. Here the
  sequences are laid end to end (see CHUNK_WORDS), multiplied once by the kernel's three
  positions side by side, and the three products added with a shift of one word each;
- the CRF's Viterbi decoder builds index grids at every position to pick the best previous tag.
  Here the best score and its tag come from ``max`` and ``argmax`` over the same axis, and
  all the sequences of a text are decoded together, one step per word of the longest.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import numpy as np

from .models import ner_tagger


@dataclass(frozen=True, slots=True)
class ConvLayer:
    kernels: np.ndarray  # in x (3 * filters): the kernel's three positions side by side
    bias: np.ndarray
    mean: np.ndarray  # batch norm, as slovnet applies it: (x - mean) / std * weight + bias
    std: np.ndarray
    norm_weight: np.ndarray
    norm_bias: np.ndarray

    @property
    def filters(self) -> int:
        return self.bias.shape[0]


@dataclass(frozen=True, slots=True)
class NerWeights:
    word_indexes: np.ndarray  # navec: word id -> centroid per sub-vector
    word_codes: np.ndarray  # navec: sub-vector x centroid x chunk
    shape_vectors: np.ndarray
    layers: tuple[ConvLayer, ...]
    proj_weight: np.ndarray
    proj_bias: np.ndarray
    transitions: np.ndarray  # tag x tag


@cache
def weights() -> NerWeights | None:
    """The model's weights, or None when its layout is not the one this module executes (a
    future natasha release): then slovnet's own execution runs it (:func:`slovnet_tag_ids`)."""
    try:
        return _weights(ner_tagger().infer.model)
    except (AttributeError, ValueError):
        return None


def _weights(model) -> NerWeights:
    layers = []
    for layer in model.encoder.layers:
        conv, norm = layer.conv, layer.norm
        w = conv.weight.array  # filters x in x kernel
        if w.ndim != 3 or w.shape[2] != 3 or conv.padding != 1:
            raise ValueError(f"unexpected NER convolution: kernel {w.shape}, padding {conv.padding}")
        kernels = np.ascontiguousarray(np.concatenate([w[:, :, k].T for k in range(3)], axis=1))
        layers.append(
            ConvLayer(kernels, conv.bias.array, norm.mean.array, norm.std.array, norm.weight.array, norm.bias.array)
        )
    return NerWeights(
        model.emb.word.indexes.array,
        model.emb.word.codes.array,
        model.emb.shape.weight.array,
        tuple(layers),
        model.head.proj.weight.array,
        model.head.proj.bias.array,
        model.head.crf.transitions.array,
    )


# Word sequences are laid end to end with one zero word between them and run through the
# convolutions as one long sequence: a window of three words then never spans two sequences
# (the zero word is what slovnet's padding gives, its padding embedding being zero), so the
# model sees exactly what it sees batch by batch, without padding every sequence of a batch
# to the longest. Sequences are cut into chunks of about CHUNK_WORDS words to bound memory.
CHUNK_WORDS = 8192


def _embed(w: NerWeights, word_id: np.ndarray, shape_id: np.ndarray) -> np.ndarray:
    """Word vectors (navec, product-quantised) and shape vectors, words x dim."""
    qdim, centroids, _ = w.word_codes.shape
    flat = (w.word_indexes[word_id] + np.arange(qdim, dtype=np.int64) * centroids).ravel()
    words = np.take(w.word_codes.reshape(qdim * centroids, -1), flat, axis=0).reshape(len(word_id), -1)
    return np.concatenate((words, w.shape_vectors[shape_id]), axis=1)


def _conv(layer: ConvLayer, x: np.ndarray, gap: np.ndarray) -> np.ndarray:
    """One convolution (width 3, padding 1), ReLU, batch norm, and the gap words zeroed.
    ``x`` starts and ends with a gap word, so every real word has both neighbours."""
    f = layer.filters
    products = x @ layer.kernels  # words x (3 * filters), one product per kernel position
    out = np.empty((len(x), f), dtype=x.dtype)
    out[0] = out[-1] = 0  # gap words
    inner = out[1:-1]
    np.add(products[:-2, :f], products[1:-1, f : 2 * f], out=inner)
    inner += products[2:, 2 * f :]
    inner += layer.bias
    np.maximum(out, 0, out=out)
    out -= layer.mean
    out /= layer.std
    out *= layer.norm_weight
    out += layer.norm_bias
    out[gap] = 0
    return out


def _emissions(w: NerWeights, items: list[tuple[list[int], list[int]]]) -> list[np.ndarray]:
    """The model's tag scores (words x tags) for each (word ids, shape ids) sequence."""
    word_id = np.concatenate([[0], *[np.append(ids, 0) for ids, _ in items]]).astype(np.int64)
    shape_id = np.concatenate([[0], *[np.append(shapes, 0) for _, shapes in items]]).astype(np.int64)
    ends = np.cumsum([len(ids) + 1 for ids, _ in items], dtype=np.int64)  # where each sequence's gap word is
    gap = np.zeros(len(word_id), dtype=bool)
    gap[0] = True
    gap[ends] = True
    x = _embed(w, word_id, shape_id)
    x[gap] = 0
    for layer in w.layers:
        x = _conv(layer, x, gap)
    scores = x @ w.proj_weight + w.proj_bias
    return [scores[end - len(ids) : end] for end, (ids, _) in zip(ends, items, strict=True)]


def _chunks(items: list[tuple[list[int], list[int]]]) -> list[list[tuple[list[int], list[int]]]]:
    chunks: list[list[tuple[list[int], list[int]]]] = []
    size = 0
    for item in items:
        if not chunks or size + len(item[0]) > CHUNK_WORDS:
            chunks.append([])
            size = 0
        chunks[-1].append(item)
        size += len(item[0]) + 1
    return chunks


def tag_ids(items: list[tuple[list[int], list[int]]]) -> list[list[int]]:
    """The best tag id sequence for each (word ids, shape ids) sequence, in order."""
    w = weights()
    if w is None:
        return slovnet_tag_ids(items)
    out: list[list[int]] = []
    for chunk in _chunks(items):
        scores = _emissions(w, chunk)
        out.extend(viterbi(scores, w.transitions))
    return out


def viterbi(scores: list[np.ndarray], transitions: np.ndarray) -> list[list[int]]:
    """The best tag sequence of each score matrix (words x tags) under the CRF's transitions."""
    lengths = np.array([len(s) for s in scores])
    if not len(lengths) or lengths.max() == 0:
        return [[] for _ in scores]
    tags_count = transitions.shape[0]
    padded = np.zeros((len(scores), lengths.max(), tags_count), dtype=transitions.dtype)
    for row, s in enumerate(scores):
        padded[row, : len(s)] = s
    best = padded[:, 0]
    history = []
    for i in range(1, padded.shape[1]):
        step = best[:, :, None] + transitions + padded[:, i, None, :]  # rows x previous x next
        history.append(step.argmax(1))
        live = (lengths > i)[:, None]
        best = np.where(live, step.max(1), best)
    out = []
    for row, length in enumerate(lengths):
        if not length:
            out.append([])
            continue
        tag = int(best[row].argmax())
        tags = [tag]
        for back in reversed(history[: length - 1]):
            tag = int(back[row, tag])
            tags.append(tag)
        tags.reverse()
        out.append(tags)
    return out


def slovnet_tag_ids(items: list[tuple[list[int], list[int]]], batch: int = 8) -> list[list[int]]:
    """The same through slovnet's own execution (every sequence padded to the longest of its
    batch): the reference the tests compare :func:`tag_ids` with."""
    infer = ner_tagger().infer
    out: list[list[int]] = []
    for start in range(0, len(items), batch):
        inputs = infer.encoder.input(items[start : start + batch])
        out.extend([int(t) for t in tags] for tags in infer.process([inputs]))
    return out
