"""InsideView: what the network computes for the current drawing, layer by layer, live.

Left: the 784 inputs as the 28x28 image and "Why this digit" (gradient x input of the explained
digit's logit, red pixels raise it, blue ones lower it); each hidden layer's activations as a heat
strip labelled with its size and activation function; the output logits beside the softmax
probabilities (click a digit to ask why that one). Right: the first layer's weights, one 28x28
image per neuron on a blue-white-red scale, the most active neurons for this drawing outlined;
hover or click a neuron (in the grid or the first strip) to see its weights large, what they make
of the drawing and its activation.

A view only: every number comes from :mod:`model.inside`. The weight grid is rendered once per
set of weights into one image (and scaled once per size); highlights are painted over it.

Wiring (the owner's side): ``set_recognizer`` when the model changes, ``set_input`` (or
``set_prediction``, same signature as the LivePredictor's ``predictionChanged``) on every ink
change, ``set_first_layer_weights`` every epoch while a training runs.
"""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from model import inside as mi
from model.recognizer import Recognizer

from ..theme import DIVERGING, MUTED, PICK, TOP
from .colours import diverging_rgba
from .output_table import OutputTable
from .pictures import STRIP_WIDTH, Caption, Card, ColourBar, HeatStrip, Picture, note_label, opaque
from .weight_grid import NeuronDetail, WeightGrid

PIXEL = 5  # screen pixels per input pixel in the 28x28 pictures


class InsideView(QWidget):
    """The network's inside for the current drawing. See the module docstring for the wiring.

    Public state (read-only): ``current_inside`` (a :class:`model.inside.Inside`, None when nothing
    is drawn or there is no model), ``selected_neuron`` (clicked, pinned), ``hovered_neuron``,
    ``shown_neuron()`` (what the detail shows), ``explained_digit`` (None: the predicted one).
    """

    neuronSelected = Signal(object)  # int | None: the pinned first-layer neuron changed

    def __init__(self, session=None, parent: QWidget | None = None):
        """``session``: the app's :class:`app.session.ActiveModel`, whose model it shows (or None:
        call :meth:`set_recognizer`)."""
        super().__init__(parent)
        self.recognizer: Recognizer | None = None
        self.current_inside: mi.Inside | None = None
        self.selected_neuron: int | None = None
        self.hovered_neuron: int | None = None
        self.explained_digit: int | None = None
        self.first_layer_kernel: np.ndarray | None = None  # what the weight grid shows (784, n)
        self._kernel_is_model = False  # the grid shows the recognizer's own first layer
        self._weights_caption = ""
        self._detail_key = None
        self._stale = False
        self._x: np.ndarray | None = None
        self.layer_strips: list[HeatStrip] = []
        self.layer_labels: list[Caption] = []

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        layout.addWidget(self._build_network_card())
        layout.addWidget(self._build_weights_card(), 1)
        self._refresh()
        if session is not None:
            self.set_recognizer(session.recognizer)
            session.changed.connect(lambda _info: self.set_recognizer(session.recognizer))

    # -- construction ----------------------------------------------------------------------------
    def _build_pictures(self) -> QGridLayout:
        """The input and "Why this digit", side by side, flush with the layer strips below."""
        self.input_picture = Picture(PIXEL, tooltip="The 784 inputs: the 28×28 image the network reads, "
                                                    "white ink on black, each pixel 0 to 1")
        self.why_picture = Picture(PIXEL, tooltip="Gradient × input of the digit's logit: how much each "
                                                  "pixel of ink adds to (red) or takes from (blue) the "
                                                  "evidence for the digit")
        self.input_caption = Caption()
        self.input_caption.setText("<b>Input</b> · 784 pixels")
        self.why_caption = Caption()
        self.why_caption.setText("<b>Why this digit</b>")
        self.why_legend = ColourBar(DIVERGING, "against", "for", 28 * PIXEL + 2)
        self.input_note = Caption()
        pictures = QGridLayout()
        pictures.setContentsMargins(0, 0, 0, 0)
        pictures.setHorizontalSpacing(STRIP_WIDTH - 2 * (28 * PIXEL + 2) + 2)  # flush with the strips
        pictures.setVerticalSpacing(3)
        pictures.addWidget(self.input_caption, 0, 0)
        pictures.addWidget(self.why_caption, 0, 1)
        pictures.addWidget(self.input_picture, 1, 0)
        pictures.addWidget(self.why_picture, 1, 1)
        pictures.addWidget(self.input_note, 2, 0, Qt.AlignmentFlag.AlignTop)
        pictures.addWidget(self.why_legend, 2, 1, Qt.AlignmentFlag.AlignTop)
        return pictures

    def _build_network_card(self) -> Card:
        """What the network computes, wide rather than tall (the dock sits under the canvas): the
        input and why beside the output table, the hidden layers' strips below, two to a row."""
        self._layers_box = QGridLayout()
        self._layers_box.setContentsMargins(0, 0, 0, 0)
        self._layers_box.setHorizontalSpacing(12)
        self._layers_box.setVerticalSpacing(3)
        self.output_label = note_label("<b>Output</b>")
        self.output_table = OutputTable()
        self.output_table.digitClicked.connect(self._on_digit_clicked)
        output = QVBoxLayout()
        output.setSpacing(3)
        output.addWidget(self.output_label)
        output.addWidget(self.output_table)
        output.addStretch(1)
        top = QHBoxLayout()
        top.setSpacing(12)
        top.addLayout(self._build_pictures())
        top.addLayout(output)
        card = Card()
        left = QVBoxLayout(card)
        left.setContentsMargins(10, 10, 10, 12)
        left.setSpacing(6)
        left.addWidget(self._title("What the network computes for your drawing"))
        left.addLayout(top)
        left.addLayout(self._layers_box)
        left.addStretch(1)
        return card

    def _build_weights_card(self) -> Card:
        """The first layer's weights, one picture per neuron, and the neuron in focus."""
        self.weights_title = self._title("First layer weights")
        self.weights_note = note_label("", wrap=True)
        self.weight_grid = WeightGrid()
        self.weight_grid.neuronHovered.connect(self._on_hover)
        self.weight_grid.neuronClicked.connect(self._on_click)
        self.detail = NeuronDetail()
        sep = opaque(QWidget())
        sep.setFixedHeight(1)
        palette = sep.palette()
        palette.setColor(sep.backgroundRole(), QColor("#e5e7eb"))
        sep.setPalette(palette)
        card = Card()
        right = QVBoxLayout(card)
        right.setContentsMargins(10, 10, 10, 12)
        right.setSpacing(6)
        right.addWidget(self.weights_title)
        right.addWidget(self.weights_note)
        right.addSpacing(4)
        right.addWidget(self.weight_grid, 1)
        right.addWidget(sep)
        right.addWidget(self.detail)
        return card

    @staticmethod
    def _title(text: str) -> QLabel:
        return note_label(text, "insideTitle")

    # -- public API ------------------------------------------------------------------------------
    def set_recognizer(self, recognizer: Recognizer | None) -> None:
        """Use this model: rebuilds the layer strips and renders its first-layer weight grid."""
        self.recognizer = recognizer
        self._build_strips()
        if recognizer is None:
            self.first_layer_kernel = None
            self._kernel_is_model = False
            self.weight_grid.set_images(None)
        else:
            self._show_weights(recognizer.layers[0].kernel, "")
        self._explain()
        self._redraw()

    def set_input(self, x: np.ndarray | None) -> None:
        """The preprocessed 28x28 input (floats 0..1), or None when nothing is drawn."""
        self._x = None if x is None else np.asarray(x, dtype=np.float32).reshape(28, 28)
        if x is None:
            self.explained_digit = None  # a new drawing starts by explaining what it predicts
        self._explain()
        self._redraw()

    def set_prediction(self, prediction, network_input=None) -> None:
        """Slot for ``LivePredictor.predictionChanged(prediction, x)``: only x is used."""
        self.set_input(network_input)

    def set_first_layer_weights(self, kernel0: np.ndarray, caption: str | None = None) -> None:
        """Show these first-layer weights (784, n) in the grid, e.g. after every training epoch.

        While they are not the recognizer's own (a network in training), the grid shows no
        "most active" highlights and the detail no activation: those belong to the model in use.
        ``caption`` says whose weights they are (e.g. "Training: epoch 3 of 20").
        """
        self._show_weights(np.asarray(kernel0), caption or "")
        self._redraw()

    def set_explained_digit(self, digit: int | None) -> None:
        """Explain this digit in "Why this digit" (None: whichever the network predicts)."""
        self.explained_digit = digit
        self._explain()
        self._redraw()

    def select_neuron(self, j: int | None) -> None:
        """Pin a first-layer neuron in the detail (None: follow the most active one)."""
        if j is not None and not 0 <= j < self.weight_grid.count:
            j = None
        if j != self.selected_neuron:
            self.selected_neuron = j
            self.neuronSelected.emit(j)
        self._refresh_neuron()

    def shown_neuron(self) -> int | None:
        """The neuron the detail shows: hovered, else selected, else the most active one."""
        if self.hovered_neuron is not None:
            return self.hovered_neuron
        if self.selected_neuron is not None:
            return self.selected_neuron
        ins = self.current_inside
        if ins is not None and len(ins.top_neurons) and self._kernel_is_model:
            return int(ins.top_neurons[0])
        return None

    def is_empty(self) -> bool:
        return self.current_inside is None

    def sizeHint(self) -> QSize:
        return QSize(1040, 640)

    # -- internals -------------------------------------------------------------------------------
    def _redraw(self) -> None:
        """Bring the pictures up to date now if the view is on screen, else when it is shown: while
        another tab is in front, following the drawing costs only ``explain`` (~0.3 ms)."""
        if self.isVisible():
            self._stale = False
            self._refresh()
        else:
            self._stale = True

    def showEvent(self, event) -> None:
        if self._stale:
            self._stale = False
            self._refresh()
        super().showEvent(event)

    def _show_weights(self, kernel: np.ndarray, caption: str) -> None:
        rec = self.recognizer
        self._kernel_is_model = rec is not None and (
            kernel is rec.layers[0].kernel
            or (kernel.shape == rec.layers[0].kernel.shape and np.array_equal(kernel, rec.layers[0].kernel)))
        self.first_layer_kernel = kernel
        self._weights_caption = caption
        self._detail_key = None
        self.weight_grid.set_images(mi.weight_images(kernel))
        n = kernel.shape[1]
        for attr in ("selected_neuron", "hovered_neuron"):
            if getattr(self, attr) is not None and getattr(self, attr) >= n:
                setattr(self, attr, None)

    def _explain(self) -> None:
        if self.recognizer is None or self._x is None:
            self.current_inside = None
            return
        self.current_inside = mi.explain(self.recognizer, self._x, digit=self.explained_digit)

    def _build_strips(self) -> None:
        for w in self.layer_strips + self.layer_labels:
            self._layers_box.removeWidget(w)
            w.deleteLater()
        self.layer_strips, self.layer_labels = [], []
        rec = self.recognizer
        if rec is None:
            return
        names = mi.layer_names(rec)
        for i, layer in enumerate(rec.layers[:-1]):
            n = layer.kernel.shape[1]
            label = Caption()
            strip = HeatStrip(n)
            strip.setToolTip(f"{names[i]}: the activations of its {n} neurons, one cell each")
            if i == 0:
                strip.neuronHovered.connect(self._on_hover)
                strip.neuronClicked.connect(self._on_click)
                strip.setCursor(Qt.CursorShape.PointingHandCursor)
            row, column = 2 * (i // 2), i % 2  # two layers to a row, each caption above its strip
            self._layers_box.addWidget(label, row, column)
            self._layers_box.addWidget(strip, row + 1, column)
            self.layer_labels.append(label)
            self.layer_strips.append(strip)

    def _on_hover(self, j) -> None:
        if j != self.hovered_neuron:
            self.hovered_neuron = j
            self._refresh_neuron()

    def _on_click(self, j: int) -> None:
        self.select_neuron(None if j == self.selected_neuron else j)

    def _on_digit_clicked(self, d: int) -> None:
        ins = self.current_inside
        if ins is None:
            return
        self.set_explained_digit(None if d == ins.digit else d)

    def _refresh(self) -> None:
        ins = self.current_inside
        rec = self.recognizer
        # input
        if self._x is None:
            self.input_picture.set_rgba(None, "Draw a digit")
            self.input_note.setText("")
        else:
            grey = np.clip(np.rint(self._x * 255), 0, 255).astype(np.uint8)
            rgba = np.empty((28, 28, 4), dtype=np.uint8)
            rgba[..., :3] = grey[..., None]
            rgba[..., 3] = 255
            self.input_picture.set_rgba(rgba)
            self.input_note.setText(f"{ins.inked} of 784 pixels inked" if ins is not None else "")
        # why
        if ins is None:
            self.why_picture.set_rgba(None, "Which pixels make the digit" if rec else "No model")
            self.why_caption.setText("<b>Why this digit</b>")
            self.why_legend.set_labels("against", "for")
        else:
            lim = mi.symmetric_limit(ins.contribution, percentile=99.0)
            scaled = mi.symmetric_scale(ins.contribution, limit=lim)
            rgba = diverging_rgba(scaled)
            # ink that barely counts stays visible as light grey
            shade = 1.0 - 0.35 * ins.image * (1.0 - np.abs(scaled))
            rgba[..., :3] = np.rint(rgba[..., :3] * shade[..., None]).astype(np.uint8)
            self.why_picture.set_rgba(rgba)
            d = ins.explained
            if d == ins.digit:
                self.why_caption.setText(f"<b>Why {d}</b>")
            else:
                self.why_caption.setText(f"<b>Why {d}?</b> · it says {ins.digit}")
            self.why_legend.set_labels(f"against {d}", f"for {d}")
        # hidden layers
        for i, (label, strip) in enumerate(zip(self.layer_labels, self.layer_strips)):
            layer = rec.layers[i]
            values = ins.layers[i] if ins is not None else None
            name = mi.layer_names(rec)[i]
            act = layer.activation if not layer.param else f"{layer.activation}({layer.param:g})"
            if values is None:
                label.setText(f"<b>{name}</b> · {layer.kernel.shape[1]} neurons · {act}")
                strip.set_values(None, None, 0.0, 1.0)
                strip.set_marks({})
            else:
                lo, hi = mi.display_range(values.a, values.activation)
                label.setText(f"<b>{name}</b> · {values.size} neurons · {act}"
                              f"<span style='color:{MUTED}'> · {values.active} active · max {hi:.2f}</span>")
                strip.set_values(values.a, values.z, lo, hi)
        # output
        if rec is not None:
            out = rec.layers[-1]
            act = out.activation if not out.param else f"{out.activation}({out.param:g})"
            self.output_label.setText(f"<b>Output</b> · 10 neurons · {act}")
        if ins is None:
            self.output_table.set_values(None, None, None, None, 1.0)
        else:
            self.output_table.set_values(ins.logits, ins.probabilities, ins.digit, ins.explained,
                                         mi.symmetric_limit(ins.logits))
        # weights
        n = self.weight_grid.count
        first = mi.layer_names(rec)[0] if rec is not None else "First layer"
        if self.first_layer_kernel is None:
            self.weights_title.setText("First layer weights")
            self.weights_note.setText("")
        else:
            who = f"{first} · " if self._kernel_is_model else ""
            self.weights_title.setText(f"{who}What each of the {n} neurons looks for")
            caption = f"<b>{self._weights_caption}</b> · " if self._weights_caption else ""
            self.weights_note.setText(
                f"{caption}Each neuron's 784 weights as a 28×28 image: ink on <span style='color:#b2182b'>"
                f"red</span> raises its sum, ink on <span style='color:#2166ac'>blue</span> lowers it. "
                + ("<span style='color:#d97706'><b>Outlined</b></span>: most active for your drawing. "
                   if self._kernel_is_model else "")
                + "Hover or click a neuron.")
        self._refresh_neuron()

    def _refresh_neuron(self) -> None:
        ins = self.current_inside if self._kernel_is_model else None
        top = list(ins.top_neurons) if ins is not None else []
        j = self.shown_neuron()
        self.weight_grid.set_highlights(top, self.hovered_neuron, self.selected_neuron)
        marks = {int(t): TOP for t in top}
        for k in (self.selected_neuron, self.hovered_neuron):
            if k is not None:
                marks[k] = PICK
        if self.layer_strips and self._kernel_is_model:
            self.layer_strips[0].set_marks(marks)
        elif self.layer_strips:
            self.layer_strips[0].set_marks({})
        detail = self.detail
        detail.neuron = j
        kernel = self.first_layer_kernel
        if j is None or kernel is None:
            self._detail_key = None
            detail.weights.set_rgba(None, "Hover over a neuron")
            detail.products.set_rgba(None, "")
            detail.title.setText("A neuron")
            detail.text.setText("Hover over or click a neuron<br>in the grid (or the first<br>layer's strip) to see "
                                "its<br>weights and what it makes<br>of your drawing."
                                if kernel is not None else "")
            return
        w = kernel[:, j]
        if self._detail_key != (id(kernel), j):  # the weights image changes with the neuron only
            self._detail_key = (id(kernel), j)
            detail.weights.set_rgba(diverging_rgba(mi.symmetric_scale(w.reshape(28, 28))))
        if j == self.hovered_neuron:
            how = ""
        elif j == self.selected_neuron:
            how = " · pinned"
        else:
            how = " · most active"  # "Neuron 1023 of 1024 · the most active" overflows the detail
        detail.title.setText(f"Neuron {j} of {kernel.shape[1]}{how}")
        detail.setToolTip("Click the neuron again to unpin it" if how == " · pinned" else "")
        if ins is None:
            detail.products.set_rgba(None, "Draw a digit" if self._kernel_is_model else "")
            detail.text.setText(f"Largest |weight| {mi.symmetric_limit(w):.3f}"
                                + ("<br>Draw a digit to see its<br>activation." if self._kernel_is_model else
                                   "<br>The weights of the network<br>in training: its activations<br>"
                                   "show once it is in use."))
            return
        nv = mi.neuron(self.recognizer, ins, j)
        detail.products.set_rgba(diverging_rgba(mi.symmetric_scale(nv.products)))
        star = " ★ outlined" if j in top else ""
        detail.text.setText(
            f"Σ weight × input = {nv.weighted_sum:+.3f}<br>"
            f"+ bias {nv.bias:+.3f}<br>"
            f"= z {nv.z:+.3f}<br>"
            f"<b>activation {ins.first.activation}(z) = {nv.a:.3f}</b><br>"
            f"<span style='color:{MUTED}'>rank {nv.rank} of {ins.first.size}{star}</span>")
