"""Robustness curves: how the active model's accuracy falls as digits get noisier, rotated, thinner
or thicker, and shifted off-centre, beside a second model (by default the tutorial's recipe).

The numbers come from :func:`model.robustness.curves`, run by :class:`RobustnessWorker` in a
worker thread with progress and cancel; this view only chooses, shows and draws.
"""
from __future__ import annotations

import time

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, Qt, Signal, Slot
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.robustness_chart import write_chart
from model import robustness
from model.data.sources import load_source

from ..session import ActiveModel
from ..theme import CHART_GUIDE, SERIES
from ..train.curves_view import style_chart
from ..train.texts import num, pct
from ..widgets.source_picker import SourcePicker
from ..workers import Worker

MODEL_COLOR, COMPARE_COLOR = SERIES[0], SERIES[1]
DEFAULT_N = 2000
NONE_ID = ""


# model.robustness.INFO's titles and axes (fixed phrases, keyed by perturbation) and the charts' tooltips.
TITLES = {"noise": QT_TRANSLATE_NOOP("RobustnessView", "Gaussian noise"),
          "rotation": QT_TRANSLATE_NOOP("RobustnessView", "Rotation (±)"),
          "thickness": QT_TRANSLATE_NOOP("RobustnessView", "Stroke thickness"),
          "shift": QT_TRANSLATE_NOOP("RobustnessView", "Shift off-centre")}
AXES = {"noise": QT_TRANSLATE_NOOP("RobustnessView", "noise sigma (pixels 0..1)"),
        "rotation": QT_TRANSLATE_NOOP("RobustnessView", "rotation (degrees, either way)"),
        "thickness": QT_TRANSLATE_NOOP("RobustnessView", "stroke width change (px)"),
        "shift": QT_TRANSLATE_NOOP("RobustnessView", "shift (px, random direction)")}
TIPS = {"noise": QT_TRANSLATE_NOOP("RobustnessView", "Random noise of growing strength added to every pixel."),
        "rotation": QT_TRANSLATE_NOOP("RobustnessView", "The digit turned by up to 45°, clockwise or anticlockwise."),
        "thickness": QT_TRANSLATE_NOOP("RobustnessView", "Strokes made thinner (left of 0) or thicker (right) by "
                                       "eroding or dilating them."),
        "shift": QT_TRANSLATE_NOOP("RobustnessView", "The digit moved off-centre by up to 7 pixels, without "
                                   "centring it again.")}


def _words(key: str, table: dict, default: str) -> str:
    return QCoreApplication.translate("RobustnessView", table[key]) if key in table else default


def chart_words() -> dict:
    """The PNG chart's words in the user's language (app.robustness_chart has no Qt)."""
    return {"chance": QCoreApplication.translate("RobustnessView", "chance"),
            "titles": {k: _words(k, TITLES, k) for k in TITLES}, "axes": {k: _words(k, AXES, k) for k in AXES},
            "decimal": QLocale().decimalPoint()}


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class RobustnessWorker(Worker):
    """Loads the data (unless given), takes its test split (or the whole set) and measures each
    model's curves on the same digits. ``progress`` carries (done, total, text); ``finished`` the
    whole result (dict); ``modelDone`` each model's curves as soon as they are measured."""

    # Said in English here; app.workers translates them where it shows them (context "Worker").
    what = "The measurement"
    out_of_memory = "Out of memory: measure fewer digits."
    modelDone = Signal(int, str, object)  # position, model name, curves

    def __init__(self, models: list[tuple[str, object]], *, source: str | None = None,
                 data: tuple[str, np.ndarray, np.ndarray] | None = None, n: int = DEFAULT_N, seed: int = 0,
                 levels: int = robustness.LEVELS):
        """``models``: (name, Recognizer or a model directory to load); ``data``: (name, x, y)
        to use as they are instead of loading ``source``."""
        super().__init__()
        self.models = models
        self.source = source
        self.data = data
        self.n, self.seed, self.levels = n, seed, levels

    def work(self) -> dict:
        return self._run()

    def _run(self) -> dict:
        from model.recognizer import Recognizer

        start = time.perf_counter()
        if self.data is not None:
            name, x, y = self.data
            split = "given"
        else:
            self.progress.emit((0, 1, self.tr("Loading the data…")))
            ds = load_source(self.source, split=False)
            name = ds.name
            if ds.x_test is not None:
                x, y, split = ds.x_test, ds.y_test, "test"
            else:
                x, y, split = ds.x_train, ds.y_train, "all"
        self.check_cancelled()
        total = len(y)
        x, y = robustness.subset(x, y, self.n, seed=self.seed)
        steps = 1 + len(robustness.PERTURBATIONS) * (self.levels - 1)
        results = []
        for k, (model_name, model) in enumerate(self.models):
            recognizer = model if hasattr(model, "probabilities") else Recognizer.load(model)

            def progress(done, _total, k=k, model_name=model_name):
                self.progress.emit((k * steps + done, len(self.models) * steps,
                                    self.tr("Measuring {name}…").format(name=model_name)))

            curves = robustness.curves(recognizer, x, y, levels=self.levels, seed=self.seed,
                                       on_progress=progress, cancel=self.is_cancelled)
            results.append({"name": model_name, "curves": curves})
            self.modelDone.emit(k, model_name, curves)
        return {"data": name, "split": split, "n": len(y), "of": total, "seed": self.seed,
                "levels": self.levels, "models": results, "seconds": time.perf_counter() - start}


class RobustnessView(QWidget):
    """Choose data and a comparison model, Run, and read four accuracy-vs-level charts.

    Public API: :meth:`set_recognizer` (slot: the active model), :meth:`set_source` /
    :meth:`set_data` (what to measure on), :meth:`refresh_models` (after models change),
    :meth:`run` / :meth:`cancel`. Signals: :attr:`runFinished` (the result dict) and
    :attr:`failed` (a message).
    """

    runFinished = Signal(object)
    failed = Signal(str)

    def __init__(self, session: ActiveModel | None = None, parent=None):
        super().__init__(parent)
        self._store = session.store if session is not None else None
        self.recognizer = None
        self.model_name = ""
        self.model_id: str | None = None
        self._memory: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        self._worker: RobustnessWorker | None = None
        self.result: dict | None = None
        self.running = False
        palette = self.palette()
        self._bg = palette.color(QPalette.ColorRole.Base)
        self._fg = palette.color(QPalette.ColorRole.Text)

        layout = QVBoxLayout(self)
        layout.addLayout(self._build_controls())
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.legend)
        layout.addLayout(self._build_charts(), 1)
        self.refresh_models()
        self._update_run()
        if session is not None:
            session.changed.connect(lambda info: self.set_recognizer(
                session.recognizer, info.name if info is not None else "", session.model_id))
            session.modelsChanged.connect(self.refresh_models)  # saved, imported, renamed, deleted
            if session.info is not None:
                self.set_recognizer(session.recognizer, session.info.name, session.model_id)

    def _build_controls(self) -> QGridLayout:
        """Two rows, so that no control is squeezed in a small window: what to measure on and how
        many digits; what to compare with, and Run / Cancel / Save PNG."""
        self.source_picker = SourcePicker()
        self.n_spin = QSpinBox()
        self.n_spin.setRange(10, 100_000)
        self.n_spin.setSingleStep(500)
        self.n_spin.setValue(DEFAULT_N)
        self.n_spin.setToolTip(self.tr("How many test digits to measure on, picked at random (fewer is faster, "
                               "2,000 give each point to about ±1%)"))
        self.compare_combo = QComboBox()
        self.compare_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.compare_combo.setMinimumContentsLength(18)
        self.compare_combo.setToolTip(self.tr("A second model measured on the same perturbed digits, drawn dashed: "
                                      "one you trained, e.g. with the tutorial's settings (picked by default "
                                      "when there is one in your models)."))
        self.run_button = QPushButton(self.tr("Run"))
        self.run_button.setToolTip(self.tr("Measure accuracy at 8 levels of each perturbation (a few seconds)"))
        self.run_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setEnabled(False)
        self.save_button = QPushButton(self.tr("Save PNG…"))
        self.save_button.setToolTip(self.tr("Save the four charts as one picture"))
        self.save_button.setEnabled(False)
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(10)
        self.progress.hide()
        self.status = QLabel(self.tr("Choose data and press Run."))
        self.status.setWordWrap(True)
        self.legend = QLabel()
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setWordWrap(True)
        self.legend.hide()  # until a run names its models
        self.legend.setToolTip(self.tr("Each point is the share of the same digits read correctly at that level; "
                               "both models see exactly the same perturbed digits."))
        self.run_button.clicked.connect(self.run)
        self.cancel_button.clicked.connect(self.cancel)
        self.save_button.clicked.connect(self._save_png)
        self.source_picker.sourceChosen.connect(self._update_run)
        data_row, compare_row = QHBoxLayout(), QHBoxLayout()
        data_row.addWidget(self.source_picker, 1)
        data_row.addSpacing(10)
        data_row.addWidget(QLabel(self.tr("Digits:")))
        data_row.addWidget(self.n_spin)
        compare_row.addWidget(self.compare_combo, 1)
        compare_row.addSpacing(10)
        for b in (self.run_button, self.cancel_button, self.save_button):
            compare_row.addWidget(b)
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        grid.addWidget(QLabel(self.tr("Data:")), 0, 0)
        grid.addLayout(data_row, 0, 1)
        grid.addWidget(QLabel(self.tr("Compare with:")), 1, 0)
        grid.addLayout(compare_row, 1, 1)
        grid.setColumnStretch(1, 1)
        return grid

    def _build_charts(self) -> QGridLayout:
        self.plots: dict[str, pg.PlotWidget] = {}
        self.model_curves: dict[str, pg.PlotDataItem] = {}
        self.compare_curves: dict[str, pg.PlotDataItem] = {}
        grid = QGridLayout()
        grid.setSpacing(6)
        for i, key in enumerate(robustness.PERTURBATIONS):
            plot = self._plot(key)
            self.plots[key] = plot
            grid.addWidget(plot, i // 2, i % 2)
        return grid

    # -- construction ----------------------------------------------------------------------------
    def _plot(self, key: str) -> pg.PlotWidget:
        info = robustness.INFO[key]
        values = robustness.level_values(key)
        plot = pg.PlotWidget(background=self._bg)
        plot.setMinimumSize(260, 180)
        plot.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        item = plot.getPlotItem()
        style_chart(item, self._fg, _words(key, TITLES, info.title), _words(key, AXES, info.axis),
                    self.tr("accuracy (%)"))
        point = QLocale().decimalPoint()
        item.getAxis("bottom").setTicks([[(float(v), robustness.format_level(key, v).replace(".", point))
                                          for v in values]])
        item.getAxis("left").setTicks([[(v, str(v)) for v in range(0, 101, 20)]])
        item.setYRange(0, 100, padding=0.02)
        pad = (values[-1] - values[0]) * 0.04
        item.setXRange(values[0] - pad, values[-1] + pad, padding=0)
        chance = pg.InfiniteLine(pos=10, angle=0, pen=pg.mkPen(CHART_GUIDE, width=1,
                                                               style=Qt.PenStyle.DashLine),
                                 label=self.tr("chance"), labelOpts={"position": 0.06, "color": (130, 130, 130),
                                                            "anchors": [(0, 1), (0, 1)]})
        item.addItem(chance)
        if values[0] < 0 < values[-1]:
            item.addItem(pg.InfiniteLine(pos=0, angle=90, pen=pg.mkPen(QColor(160, 160, 160), width=1)))
        item.getAxis("bottom").enableAutoSIPrefix(False)
        self.model_curves[key] = item.plot([], [], pen=pg.mkPen(MODEL_COLOR, width=2.5), symbol="o",
                                           symbolSize=6, symbolBrush=MODEL_COLOR, symbolPen=None)
        self.compare_curves[key] = item.plot([], [], pen=pg.mkPen(COMPARE_COLOR, width=2.5,
                                                                  style=Qt.PenStyle.DashLine),
                                             symbol="s", symbolSize=6, symbolBrush=COMPARE_COLOR, symbolPen=None)
        plot.setToolTip(_words(key, TIPS, "") + " " + self.tr("Accuracy on the same digits at each level; 0 is the "
                                                              "digits as they are."))
        return plot

    # -- public API ------------------------------------------------------------------------------
    @Slot(object, str)
    def set_recognizer(self, recognizer, name: str, model_id: str | None = None) -> None:
        """The active model: measured in blue. ``model_id`` keeps it out of the comparison default."""
        changed = recognizer is not self.recognizer
        self.recognizer, self.model_name, self.model_id = recognizer, name, model_id
        if changed and self.result is not None:
            self.status.setText(self.tr("The active model is now {name}: press Run to measure it.").format(name=name))
        self.refresh_models()
        self._update_run()

    def set_source(self, source: str) -> None:
        """Measure on 'mnist', an IDX folder or an .npz (its test split, else the whole set)."""
        self.source_picker.set_source(str(source))
        self._update_run()

    def set_data(self, name: str, x: np.ndarray, y: np.ndarray) -> None:
        """Measure on digits held in memory, used as they are (e.g. the user's samples)."""
        self._memory[name] = (np.asarray(x), np.asarray(y))
        self.source_picker.add_memory(name)
        self._update_run()

    def refresh_models(self) -> None:
        """List the store's models in the comparison box; keep the choice, else pick the newest
        model trained with the tutorial's recipe (none when there is no such model)."""
        current = self.compare_combo.currentData()
        self.compare_combo.blockSignals(True)
        self.compare_combo.clear()
        self.compare_combo.addItem(self.tr("No second model"), NONE_ID)
        tutorial = None
        try:
            infos = self.store().list()
        except Exception:  # noqa: BLE001 - no store, no comparison
            infos = []
        for info in infos:
            is_tutorial = robustness.is_tutorial_recipe(info.card)
            label = info.name + (" " + self.tr("(tutorial's recipe)") if is_tutorial and "tutorial" not in
                                 info.name.lower() else "")
            self.compare_combo.addItem(label, info.id)
            self.compare_combo.setItemData(self.compare_combo.count() - 1, info.summary(), Qt.ItemDataRole.ToolTipRole)
            if is_tutorial and tutorial is None and info.id != self.model_id:
                tutorial = info.id
        pick = current if current is not None and self.compare_combo.findData(current) >= 0 else tutorial
        self.compare_combo.setCurrentIndex(max(0, self.compare_combo.findData(pick)) if pick is not None else 0)
        self.compare_combo.blockSignals(False)

    def store(self):
        if self._store is None:
            from model.store.models import ModelStore

            self._store = ModelStore()
        return self._store

    @Slot()
    def run(self) -> None:
        if self.running:
            return
        source = self.source_picker.source()
        if not source:
            self.status.setText(self.tr("Choose data first: MNIST, a folder of IDX files or an .npz."))
            return
        models = []
        try:
            if self.recognizer is not None:
                models.append((self.model_name or self.tr("active model"), self.recognizer))
            else:
                info = self.store().active()
                models.append((info.name, info.path))
            compare_id = self.compare_combo.currentData()
            if compare_id:
                info = self.store().get(compare_id)
                models.append((info.name, info.path))
        except Exception as exc:  # noqa: BLE001
            self._fail(self.tr("Cannot use the models: {error}").format(error=exc))
            return
        kwargs = {"n": self.n_spin.value()}
        if source.startswith("memory:"):
            name = source[len("memory:"):]
            x, y = self._memory[name]
            kwargs["data"] = (name, x, y)
        else:
            kwargs["source"] = source
        self._start(RobustnessWorker(models, **kwargs))

    @Slot()
    def cancel(self) -> None:
        if self._worker is not None:
            self._worker.cancel()
            self.status.setText(self.tr("Cancelling…"))
            self.cancel_button.setEnabled(False)

    # -- running ---------------------------------------------------------------------------------
    def _start(self, worker: RobustnessWorker) -> None:

        self._worker = worker
        self.running = True
        self.result = None
        for key in robustness.PERTURBATIONS:
            self.model_curves[key].setData([], [])
            self.compare_curves[key].setData([], [])
        self._set_names([name for name, _ in worker.models])
        worker.progress.connect(self._on_progress)
        worker.modelDone.connect(self._on_model_done)
        worker.finished.connect(self._on_finished)
        worker.failed.connect(self._fail)
        worker.cancelled.connect(self._on_cancelled)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.status.setText(self.tr("Starting…"))
        self._update_run()
        worker.start()

    def _set_names(self, names: list[str]) -> None:
        """The legend above the charts: the active model solid blue, the comparison dashed orange."""
        entries = [(names[0], MODEL_COLOR, "━━●━━")]
        if len(names) > 1:
            entries.append((names[1], COMPARE_COLOR, "╍╍■╍╍"))
        self.legend.show()
        self.legend.setText("&nbsp;&nbsp;&nbsp;&nbsp;".join(
            f'<span style="color:{color.name()}; font-weight:bold">{sample}</span>&nbsp;{_html(name)}'
            for name, color, sample in entries))

    def _done(self) -> None:
        self.running = False
        self._worker = None
        self.progress.hide()
        self._update_run()

    @Slot(object)
    def _on_progress(self, report) -> None:
        if self.sender() is not self._worker:
            return
        done, total, text = report
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(done)
        self.status.setText(f"{text} {done}/{total}" if total > 1 else text)

    @Slot(int, str, object)
    def _on_model_done(self, k: int, _name: str, curves: dict) -> None:
        if self.sender() is not self._worker:
            return
        target = self.model_curves if k == 0 else self.compare_curves
        for key, curve in curves.items():
            target[key].setData(curve["levels"], [100.0 * a for a in curve["accuracy"]])

    @Slot(object)
    def _on_finished(self, result: dict) -> None:
        if self.sender() is not self._worker:
            return
        self.result = result
        self._done()
        models = result["models"]
        where = {"test": self.tr("its test split"), "all": self.tr("the whole set (it has no test split)"),
                 "given": self.tr("them")}[result["split"]]
        picked = (self.tr("{n} digits picked at random from {of}").format(n=num(result["n"]), of=num(result["of"]))
                  if result["n"] < result["of"] else self.tr("{n} digits").format(n=num(result["n"])))
        plain = ", ".join(f"{m['name']} {pct(m['curves']['noise']['accuracy'][0])}" for m in models)
        self.status.setText(self.tr("{data}: {picked} of {where}, measured in {seconds} s. Unperturbed: {plain}."
                                    ).format(data=result["data"], picked=picked, where=where,
                                             seconds=num(result["seconds"], 1), plain=plain))
        self.runFinished.emit(result)

    @Slot()
    def _on_cancelled(self) -> None:
        if self.sender() is not self._worker:
            return
        self._done()
        self.status.setText(self.tr("Cancelled."))

    @Slot(str, str)
    def _fail(self, message: str, _details: str = "") -> None:
        if self._worker is not None and self.sender() is not None and self.sender() is not self._worker:
            return
        self._done()
        self.legend.hide()  # no curves to name
        self.status.setText(message)
        self.failed.emit(message)

    def _update_run(self, *_):
        self.run_button.setEnabled(not self.running and bool(self.source_picker.source()))
        self.cancel_button.setEnabled(self.running)
        self.save_button.setEnabled(not self.running and self.result is not None)
        for w in (self.source_picker, self.n_spin, self.compare_combo):
            w.setEnabled(not self.running)

    def _save_png(self) -> None:
        if self.result is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the robustness charts"), "robustness.png",
                                              self.tr("PNG images (*.png)"))
        if not path:
            return
        self.save_png(path)

    def save_png(self, path: str) -> None:
        """Write the last run's charts as a PNG (Pillow, the same picture `digitpad robustness --out` draws)."""
        models = self.result["models"]
        names = (models[0]["name"], models[1]["name"] if len(models) > 1 else "")
        subtitle = self.tr("{n} digits of {data}").format(n=num(self.result["n"]), data=self.result["data"])
        try:
            write_chart(path, models[0]["curves"], models[1]["curves"] if len(models) > 1 else None,
                       names, subtitle=subtitle, words=chart_words(),
                       title=self.tr("Accuracy as the digits get harder"))
        except OSError as exc:
            self.status.setText(self.tr("Could not save {path} ({error}).").format(path=path,
                                                                                  error=exc.strerror or exc))
