"""Pictures of 28x28 digits: one function for every tab that shows digits (grid, confusion cells, samples)."""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap


def digit_pixmap(pixels: np.ndarray, scale: int = 2) -> QPixmap:
    """A uint8 (28, 28) white-on-black digit as a pixmap, enlarged ``scale`` times with sharp pixels."""
    img = np.ascontiguousarray(pixels, dtype=np.uint8)
    h, w = img.shape
    image = QImage(img.tobytes(), w, h, w, QImage.Format.Format_Grayscale8)
    if scale != 1:
        image = image.scaled(w * scale, h * scale, Qt.AspectRatioMode.IgnoreAspectRatio,
                             Qt.TransformationMode.FastTransformation)
    return QPixmap.fromImage(image.copy() if scale == 1 else image)
