"""The Train tab's and Personalise's curves name their dotted lines in the legend, not on the line
(where a label sat on the curves)."""
from __future__ import annotations

import pyqtgraph as pg

from app.samples.personalize_view import PersonalizeCurves
from app.train.curves_view import CurvesView


def legend_names(plot) -> list[str]:
    return [label.text for _sample, label in plot.getPlotItem().legend.items]


def test_the_kept_epoch_is_named_in_the_legend(qtbot):
    view = CurvesView()
    qtbot.addWidget(view)
    view.show()
    view.mark_best(5, "kept")
    lines = [i for i in view.loss_plot.getPlotItem().items if isinstance(i, pg.InfiniteLine)]
    assert len(lines) == 1 and lines[0].value() == 5 and getattr(lines[0], "label", None) is None
    assert "kept (epoch 5)" in legend_names(view.loss_plot)
    view.reset(10)  # a new run: the line and its name go
    assert "kept (epoch 5)" not in legend_names(view.loss_plot)
    assert not [i for i in view.loss_plot.getPlotItem().items if isinstance(i, pg.InfiniteLine)]


def test_personalise_names_the_kept_epoch_and_the_refit_in_the_legend(qtbot):
    curves = PersonalizeCurves()
    qtbot.addWidget(curves)
    curves.show()
    curves.reset(2)
    for epoch, refit in ((1, False), (2, False), (3, True), (4, True)):
        curves.add_epoch(epoch, 4, 0.9, 0.8 if not refit else None, refit)
    curves.finish(2)
    names = curves.legend_names()
    assert "kept (epoch 2)" in names and "refit on all your samples" in names
    lines = [i for i in curves.plot.getPlotItem().items if isinstance(i, pg.InfiniteLine)]
    assert sorted(line.value() for line in lines) == [2, 2.5] and all(getattr(i, "label", None) is None for i in lines)
