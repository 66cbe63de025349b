<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ActiveModel</name>
    <message>
        <source>Using the shipped default model instead.</source>
        <translation>Stattdessen wird das mitgelieferte Standardmodell verwendet.</translation>
    </message>
    <message>
        <source>No model</source>
        <translation>Kein Modell</translation>
    </message>
    <message>
        <source>DigitPad has no usable model, so it cannot read digits.</source>
        <translation>DigitPad hat kein verwendbares Modell und kann daher keine Ziffern lesen.</translation>
    </message>
    <message>
        <source>Model unavailable</source>
        <translation>Modell nicht verfügbar</translation>
    </message>
    <message>
        <source>Cannot use that model</source>
        <translation>Dieses Modell kann nicht verwendet werden</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>About DigitPad</source>
        <translation>Über DigitPad</translation>
    </message>
    <message>
        <source>Draw a digit and watch a neural network read it as you draw. Retrain it in the Train tab and teach it your handwriting.</source>
        <translation>Zeichnen Sie eine Ziffer und sehen Sie zu, wie ein neuronales Netz sie schon beim Zeichnen liest. Trainieren Sie es im Reiter „Trainieren“ neu und bringen Sie ihm Ihre Handschrift bei.</translation>
    </message>
    <message>
        <source>Model in use: {model}</source>
        <translation>Verwendetes Modell: {model}</translation>
    </message>
    <message>
        <source>A multilayer perceptron trained with Keras, run with NumPy.</source>
        <translation>Ein mehrschichtiges Perzeptron, mit Keras trainiert und mit NumPy ausgeführt.</translation>
    </message>
    <message>
        <source>Help ▸ User Guide (Shift+F1) explains every tab; Help ▸ Keyboard Shortcuts (F1) lists the keys.</source>
        <translation>Hilfe ▸ Benutzerhandbuch (Umschalt+F1) erklärt jeden Reiter; Hilfe ▸ Tastenkürzel (F1) listet die Tasten auf.</translation>
    </message>
</context>
<context>
    <name>DrawTab</name>
    <message>
        <source>Drawing tools</source>
        <translation>Zeichenwerkzeuge</translation>
    </message>
    <message>
        <source>Pen width in canvas pixels ( [ thinner, ] thicker ). The network sees every drawing with the same MNIST-like pen.</source>
        <translation>Stiftbreite in Pixeln der Zeichenfläche ( [ dünner, ] dicker ). Das Netz sieht jede Zeichnung mit demselben MNIST-artigen Stift.</translation>
    </message>
    <message>
        <source>{width} px</source>
        <translation>{width} px</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>Breite</translation>
    </message>
    <message>
        <source>Write a number here, digits left to right, between the lines</source>
        <translation>Schreiben Sie hier eine Zahl, Ziffern von links nach rechts, zwischen die Linien</translation>
    </message>
</context>
<context>
    <name>DrawingFiles</name>
    <message>
        <source>Open a drawing or an image</source>
        <translation>Eine Zeichnung oder ein Bild öffnen</translation>
    </message>
    <message>
        <source>Drawings and images (*.json *.png *.jpg *.jpeg *.bmp);;DigitPad ink (*.json);;Images (*.png *.jpg *.jpeg *.bmp);;All files (*)</source>
        <translation>Zeichnungen und Bilder (*.json *.png *.jpg *.jpeg *.bmp);;DigitPad-Zeichnung (*.json);;Bilder (*.png *.jpg *.jpeg *.bmp);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>: it reads {number}</source>
        <translation>: Es liest {number}</translation>
    </message>
    <message>
        <source>: it reads {digit} ({confidence})</source>
        <translation>: Es liest {digit} ({confidence})</translation>
    </message>
    <message>
        <source>Opened {file}{verdict}.</source>
        <translation>{file} geöffnet{verdict}.</translation>
    </message>
    <message>
        <source>{file}: the image looks blank (no digit stands out from the background). Use a picture of one dark digit on a light background, or a light digit on a dark one.</source>
        <translation>{file}: Das Bild wirkt leer (keine Ziffer hebt sich vom Hintergrund ab). Verwenden Sie ein Bild einer dunklen Ziffer auf hellem Grund oder einer hellen Ziffer auf dunklem Grund.</translation>
    </message>
    <message>
        <source>Nothing to read</source>
        <translation>Nichts zu lesen</translation>
    </message>
    <message>
        <source>{file} · read-only, draw to start over</source>
        <translation>{file} · schreibgeschützt, zeichnen Sie, um neu zu beginnen</translation>
    </message>
    <message>
        <source>it reads {digit} ({confidence})</source>
        <translation>es liest {digit} ({confidence})</translation>
    </message>
    <message>
        <source>no model to read it</source>
        <translation>kein Modell zum Lesen</translation>
    </message>
    <message>
        <source>Classified {file}: {verdict}. Images cannot be edited; draw on the canvas to start a new drawing (Undo brings back the previous one).</source>
        <translation>{file} erkannt: {verdict}. Bilder lassen sich nicht bearbeiten; zeichnen Sie auf der Zeichenfläche, um eine neue Zeichnung zu beginnen („Rückgängig“ holt die vorige zurück).</translation>
    </message>
    <message>
        <source>Nothing to save: draw a digit first.</source>
        <translation>Nichts zu speichern: Zeichnen Sie zuerst eine Ziffer.</translation>
    </message>
    <message>
        <source>Save the drawing</source>
        <translation>Die Zeichnung speichern</translation>
    </message>
    <message>
        <source>DigitPad ink (*.json)</source>
        <translation>DigitPad-Zeichnung (*.json)</translation>
    </message>
    <message>
        <source>Choose a folder you can write to.</source>
        <translation>Wählen Sie einen Ordner, in den Sie schreiben dürfen.</translation>
    </message>
    <message>
        <source>Cannot save the drawing</source>
        <translation>Die Zeichnung kann nicht gespeichert werden</translation>
    </message>
    <message>
        <source>Saved the drawing to {path}.</source>
        <translation>Zeichnung in {path} gespeichert.</translation>
    </message>
    <message>
        <source>Nothing to export: draw a digit first.</source>
        <translation>Nichts zu exportieren: Zeichnen Sie zuerst eine Ziffer.</translation>
    </message>
    <message>
        <source>Export the drawing as PNG</source>
        <translation>Die Zeichnung als PNG exportieren</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG-Bild (*.png)</translation>
    </message>
    <message>
        <source>{path}: the PNG could not be written.</source>
        <translation>{path}: Das PNG konnte nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>Cannot export the image</source>
        <translation>Das Bild kann nicht exportiert werden</translation>
    </message>
    <message>
        <source>Exported the drawing to {path}.</source>
        <translation>Zeichnung nach {path} exportiert.</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Cannot read the data</source>
        <translation>Die Daten können nicht gelesen werden</translation>
    </message>
    <message>
        <source>Cannot read the drawing</source>
        <translation>Die Zeichnung kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>Cannot read the drawn digits</source>
        <translation>Die gezeichneten Ziffern können nicht gelesen werden</translation>
    </message>
    <message>
        <source>Cannot read the image</source>
        <translation>Das Bild kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>Cannot read the model card</source>
        <translation>Die Modellkarte kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>Cannot read the pen trajectories</source>
        <translation>Die Stiftbahnen können nicht gelesen werden</translation>
    </message>
    <message>
        <source>Cannot run the command</source>
        <translation>Der Befehl kann nicht ausgeführt werden</translation>
    </message>
    <message>
        <source>Cannot use DigitPad&apos;s data folder</source>
        <translation>Der Datenordner von DigitPad kann nicht verwendet werden</translation>
    </message>
    <message>
        <source>Cannot use the model</source>
        <translation>Das Modell kann nicht verwendet werden</translation>
    </message>
    <message>
        <source>Cannot use your samples</source>
        <translation>Ihre Proben können nicht verwendet werden</translation>
    </message>
    <message>
        <source>DigitPad cannot do that</source>
        <translation>Das kann DigitPad nicht</translation>
    </message>
    <message>
        <source>Setting out of range</source>
        <translation>Einstellung außerhalb des erlaubten Bereichs</translation>
    </message>
</context>
<context>
    <name>HeatStrip</name>
    <message>
        <source>Neuron {neuron}: z = {z}, activation = {a}</source>
        <translation>Neuron {neuron}: z = {z}, Aktivierung = {a}</translation>
    </message>
</context>
<context>
    <name>InkCanvas</name>
    <message>
        <source>Draw a digit here</source>
        <translation>Zeichnen Sie hier eine Ziffer</translation>
    </message>
    <message>
        <source>Draw a digit with the left mouse button</source>
        <translation>Zeichnen Sie eine Ziffer mit der linken Maustaste</translation>
    </message>
    <message>
        <source>Drag over strokes to erase them</source>
        <translation>Ziehen Sie über Striche, um sie zu löschen</translation>
    </message>
    <message>
        <source>An image (read-only)</source>
        <translation>Ein Bild (schreibgeschützt)</translation>
    </message>
</context>
<context>
    <name>InputImageView</name>
    <message>
        <source>The 28x28 pixels the network reads: your drawing cropped, scaled to fit 20x20 and centred by its centre of mass, like the MNIST digits it learnt from</source>
        <translation>Die 28×28 Pixel, die das Netz liest: Ihre Zeichnung zugeschnitten, auf 20×20 skaliert und nach ihrem Schwerpunkt zentriert, wie die MNIST-Ziffern, aus denen es gelernt hat</translation>
    </message>
</context>
<context>
    <name>InsideDock</name>
    <message>
        <source>Inside the network</source>
        <translation>Im Inneren des Netzes</translation>
    </message>
</context>
<context>
    <name>InsideView</name>
    <message>
        <source>The 784 inputs: the 28×28 image the network reads, white ink on black, each pixel 0 to 1</source>
        <translation>Die 784 Eingaben: das 28×28-Bild, das das Netz liest, weiße Tinte auf Schwarz, jedes Pixel von 0 bis 1</translation>
    </message>
    <message>
        <source>Gradient × input of the digit&apos;s logit: how much each pixel of ink adds to (red) or takes from (blue) the evidence for the digit</source>
        <translation>Gradient × Eingabe des Logits der Ziffer: wie viel jedes Tintenpixel zum Beleg für die Ziffer beiträgt (rot) oder davon abzieht (blau)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Input&lt;/b&gt; · 784 pixels</source>
        <translation>&lt;b&gt;Eingabe&lt;/b&gt; · 784 Pixel</translation>
    </message>
    <message>
        <source>&lt;b&gt;Why this digit&lt;/b&gt;</source>
        <translation>&lt;b&gt;Warum diese Ziffer&lt;/b&gt;</translation>
    </message>
    <message>
        <source>against</source>
        <translation>dagegen</translation>
    </message>
    <message>
        <source>for</source>
        <translation>dafür</translation>
    </message>
    <message>
        <source>&lt;b&gt;Output&lt;/b&gt;</source>
        <translation>&lt;b&gt;Ausgabe&lt;/b&gt;</translation>
    </message>
    <message>
        <source>What the network computes for your drawing</source>
        <translation>Was das Netz für Ihre Zeichnung berechnet</translation>
    </message>
    <message>
        <source>First layer weights</source>
        <translation>Gewichte der ersten Schicht</translation>
    </message>
    <message>
        <source>Hidden {number}</source>
        <translation>Schicht {number}</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Ausgabe</translation>
    </message>
    <message numerus="yes">
        <source>{layer}: the activations of its %n neuron(s), one cell each</source>
        <translation>
            <numerusform>{layer}: die Aktivierung seines %n Neurons, eine Zelle je Neuron</numerusform>
            <numerusform>{layer}: die Aktivierungen seiner %n Neuronen, eine Zelle je Neuron</numerusform>
        </translation>
    </message>
    <message>
        <source>Draw a digit</source>
        <translation>Zeichnen Sie eine Ziffer</translation>
    </message>
    <message>
        <source>{inked} of 784 pixels inked</source>
        <translation>{inked}/784 Pixel mit Tinte</translation>
    </message>
    <message>
        <source>Which pixels make the digit</source>
        <translation>Welche Pixel die Ziffer ausmachen</translation>
    </message>
    <message>
        <source>No model</source>
        <translation>Kein Modell</translation>
    </message>
    <message>
        <source>&lt;b&gt;Why {digit}&lt;/b&gt;</source>
        <translation>&lt;b&gt;Warum {digit}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Why {digit}?&lt;/b&gt; · it says {read}</source>
        <translation>&lt;b&gt;Warum {digit}?&lt;/b&gt; · es sagt {read}</translation>
    </message>
    <message>
        <source>against {digit}</source>
        <translation>gegen {digit}</translation>
    </message>
    <message>
        <source>for {digit}</source>
        <translation>für {digit}</translation>
    </message>
    <message numerus="yes">
        <source>%n neuron(s)</source>
        <translation>
            <numerusform>%n Neuron</numerusform>
            <numerusform>%n Neuronen</numerusform>
        </translation>
    </message>
    <message>
        <source>{active} active · max {max}</source>
        <translation>{active} aktiv · max {max}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Output&lt;/b&gt; · 10 neurons · {activation}</source>
        <translation>&lt;b&gt;Ausgabe&lt;/b&gt; · 10 Neuronen · {activation}</translation>
    </message>
    <message>
        <source>First layer</source>
        <translation>Erste Schicht</translation>
    </message>
    <message numerus="yes">
        <source>What each of the %n neuron(s) looks for</source>
        <translation>
            <numerusform>Worauf das %n Neuron achtet</numerusform>
            <numerusform>Worauf jedes der %n Neuronen achtet</numerusform>
        </translation>
    </message>
    <message>
        <source>Each neuron&apos;s 784 weights as a 28×28 image: ink on &lt;span style=&apos;color:#b2182b&apos;&gt;red&lt;/span&gt; raises its sum, ink on &lt;span style=&apos;color:#2166ac&apos;&gt;blue&lt;/span&gt; lowers it.</source>
        <translation>Die 784 Gewichte jedes Neurons als 28×28-Bild: Tinte auf &lt;span style=&apos;color:#b2182b&apos;&gt;Rot&lt;/span&gt; erhöht seine Summe, Tinte auf &lt;span style=&apos;color:#2166ac&apos;&gt;Blau&lt;/span&gt; senkt sie.</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#d97706&apos;&gt;&lt;b&gt;Outlined&lt;/b&gt;&lt;/span&gt;: most active for your drawing.</source>
        <translation>&lt;span style=&apos;color:#d97706&apos;&gt;&lt;b&gt;Umrandet&lt;/b&gt;&lt;/span&gt;: am aktivsten für Ihre Zeichnung.</translation>
    </message>
    <message>
        <source>Hover or click a neuron.</source>
        <translation>Zeigen Sie auf ein Neuron oder klicken Sie es an.</translation>
    </message>
    <message>
        <source>Hover over a neuron</source>
        <translation>Zeigen Sie auf ein Neuron</translation>
    </message>
    <message>
        <source>A neuron</source>
        <translation>Ein Neuron</translation>
    </message>
    <message>
        <source>Hover over or click a neuron&lt;br&gt;in the grid (or the first&lt;br&gt;layer&apos;s strip) to see its&lt;br&gt;weights and what it makes&lt;br&gt;of your drawing.</source>
        <translation>Zeigen Sie auf ein Neuron&lt;br&gt;im Raster (oder im Streifen&lt;br&gt;der ersten Schicht) oder klicken&lt;br&gt;Sie es an, um seine Gewichte&lt;br&gt;und seine Sicht auf Ihre&lt;br&gt;Zeichnung zu sehen.</translation>
    </message>
    <message>
        <source>pinned</source>
        <translation>angeheftet</translation>
    </message>
    <message>
        <source>most active</source>
        <translation>aktivstes</translation>
    </message>
    <message>
        <source>Neuron {neuron} of {total}</source>
        <translation>Neuron {neuron} von {total}</translation>
    </message>
    <message>
        <source>Click the neuron again to unpin it</source>
        <translation>Klicken Sie erneut auf das Neuron, um es zu lösen</translation>
    </message>
    <message>
        <source>Largest |weight| {value}</source>
        <translation>Größtes |Gewicht| {value}</translation>
    </message>
    <message>
        <source>Draw a digit to see its&lt;br&gt;activation.</source>
        <translation>Zeichnen Sie eine Ziffer, um&lt;br&gt;seine Aktivierung zu sehen.</translation>
    </message>
    <message>
        <source>The weights of the network&lt;br&gt;in training: its activations&lt;br&gt;show once it is in use.</source>
        <translation>Die Gewichte des Netzes&lt;br&gt;im Training: Seine Aktivierungen&lt;br&gt;erscheinen, sobald es verwendet wird.</translation>
    </message>
    <message>
        <source>outlined</source>
        <translation>umrandet</translation>
    </message>
    <message>
        <source>Σ weight × input = {sum}&lt;br&gt;+ bias {bias}&lt;br&gt;= z {z}&lt;br&gt;&lt;b&gt;activation {function}(z) = {a}&lt;/b&gt;</source>
        <translation>Σ Gewicht × Eingabe = {sum}&lt;br&gt;+ Bias {bias}&lt;br&gt;= z {z}&lt;br&gt;&lt;b&gt;Aktivierung {function}(z) = {a}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>rank {rank} of {total}</source>
        <translation>Rang {rank} von {total}</translation>
    </message>
</context>
<context>
    <name>LabelBar</name>
    <message>
        <source>✓ Correct</source>
        <translation>✓ Richtig</translation>
    </message>
    <message>
        <source>The model read it right: keep this drawing as one of your samples, labelled with the digit it read (Enter)</source>
        <translation>Das Modell hat richtig gelesen: Diese Zeichnung als eine Ihrer Proben behalten, beschriftet mit der gelesenen Ziffer (Eingabetaste)</translation>
    </message>
    <message>
        <source>It&apos;s a…</source>
        <translation>Es ist eine…</translation>
    </message>
    <message>
        <source>Tell DigitPad which digit you drew: the drawing is kept as one of your samples with that label, to measure and personalise the model</source>
        <translation>Sagen Sie DigitPad, welche Ziffer Sie gezeichnet haben: Die Zeichnung wird mit dieser Beschriftung als eine Ihrer Proben behalten, um das Modell zu messen und zu personalisieren</translation>
    </message>
    <message>
        <source>It&apos;s a {digit}: keep this drawing as a sample of {digit} (key {digit})</source>
        <translation>Es ist eine {digit}: Diese Zeichnung als Probe für {digit} behalten (Taste {digit})</translation>
    </message>
    <message>
        <source>What was just stored</source>
        <translation>Was gerade gespeichert wurde</translation>
    </message>
    <message>
        <source>Label as {digit}</source>
        <translation>Als {digit} beschriften</translation>
    </message>
    <message>
        <source>Keep the drawing as a sample of {digit}</source>
        <translation>Die Zeichnung als Probe für {digit} behalten</translation>
    </message>
    <message>
        <source>Label as &amp;Correct</source>
        <translation>Als &amp;richtig beschriften</translation>
    </message>
    <message>
        <source>Keep the drawing as a sample of the digit the model read</source>
        <translation>Die Zeichnung als Probe der Ziffer behalten, die das Modell gelesen hat</translation>
    </message>
    <message>
        <source>Undo Last &amp;Sample</source>
        <translation>Letzte &amp;Probe rückgängig machen</translation>
    </message>
    <message>
        <source>Remove the sample you added last</source>
        <translation>Die zuletzt hinzugefügte Probe entfernen</translation>
    </message>
    <message>
        <source>Read as {label}; not kept as a sample: {reason}.</source>
        <translation>Als {label} gelesen; nicht als Probe behalten: {reason}.</translation>
    </message>
    <message numerus="yes">
        <source>Saved as {label} · %n sample(s) of {label}</source>
        <translation>
            <numerusform>Als {label} gespeichert · %n Probe für {label}</numerusform>
            <numerusform>Als {label} gespeichert · %n Proben für {label}</numerusform>
        </translation>
    </message>
    <message>
        <source>No sample to undo</source>
        <translation>Keine Probe zum Rückgängigmachen</translation>
    </message>
    <message>
        <source>Removed the last sample (#{id})</source>
        <translation>Letzte Probe entfernt (#{id})</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>✓ Correct ({digit})</source>
        <translation>✓ Richtig ({digit})</translation>
    </message>
</context>
<context>
    <name>LearntFrom</name>
    <message>
        <source>not recorded</source>
        <translation>nicht erfasst</translation>
    </message>
    <message>
        <source>only {data}</source>
        <translation>nur {data}</translation>
    </message>
    <message>
        <source>{list} and {last}</source>
        <translation>{list} und {last}</translation>
    </message>
    <message>
        <source>the drawn digits shipped with DigitPad</source>
        <translation>die mit DigitPad ausgelieferten gezeichneten Ziffern</translation>
    </message>
    <message>
        <source>digits from the folder “{name}”</source>
        <translation>Ziffern aus dem Ordner „{name}“</translation>
    </message>
    <message>
        <source>digits from the file “{name}”</source>
        <translation>Ziffern aus der Datei „{name}“</translation>
    </message>
    <message>
        <source>MNIST digits (the folder “{name}”)</source>
        <translation>MNIST-Ziffern (Ordner „{name}“)</translation>
    </message>
    <message>
        <source>MNIST digits (the file “{name}”)</source>
        <translation>MNIST-Ziffern (Datei „{name}“)</translation>
    </message>
    <message>
        <source>{drawn} ({n} of them, each drawn {reps} times with variations)</source>
        <translation>{drawn} ({n} davon, jede {reps}-mal mit Abwandlungen gezeichnet)</translation>
    </message>
    <message>
        <source>{drawn} ({n} of them)</source>
        <translation>{drawn} ({n} davon)</translation>
    </message>
    <message>
        <source>pen trajectories from the file “{name}”</source>
        <translation>Stiftbahnen aus der Datei „{name}“</translation>
    </message>
    <message>
        <source>digits from {name}</source>
        <translation>Ziffern aus {name}</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>drawn digits</source>
        <translation>gezeichnete Ziffern</translation>
    </message>
    <message>
        <source>{share} on {data} test</source>
        <translation>{share} auf den Testdaten von {data}</translation>
    </message>
    <message>
        <source>{share} test accuracy</source>
        <translation>{share} Genauigkeit auf den Testdaten</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Copied {number} to the clipboard.</source>
        <translation>{number} in die Zwischenablage kopiert.</translation>
    </message>
    <message>
        <source>Draw a digit with the mouse; the network reads it as you draw.</source>
        <translation>Zeichnen Sie eine Ziffer mit der Maus; das Netz liest sie schon beim Zeichnen.</translation>
    </message>
    <message>
        <source>Your samples cannot be opened: {error}</source>
        <translation>Ihre Proben können nicht geöffnet werden: {error}</translation>
    </message>
    <message>
        <source>Samples unavailable</source>
        <translation>Proben nicht verfügbar</translation>
    </message>
    <message>
        <source>Samples recovered</source>
        <translation>Proben wiederhergestellt</translation>
    </message>
    <message>
        <source>Draw</source>
        <translation>Zeichnen</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>Trainieren</translation>
    </message>
    <message>
        <source>That tab is not available (see the message when it failed to start).</source>
        <translation>Dieser Reiter ist nicht verfügbar (siehe die Meldung, als er nicht starten konnte).</translation>
    </message>
    <message>
        <source>Now reading digits with {name}.</source>
        <translation>Ziffern werden jetzt mit {name} gelesen.</translation>
    </message>
    <message>
        <source>No model</source>
        <translation>Kein Modell</translation>
    </message>
    <message>
        <source>Model: {name}</source>
        <translation>Modell: {name}</translation>
    </message>
    <message>
        <source> · {accuracy} test accuracy</source>
        <translation> · {accuracy} Genauigkeit auf den Testdaten</translation>
    </message>
    <message>
        <source>The model the Draw tab uses; click to manage models (Ctrl+M)</source>
        <translation>Das Modell, das der Reiter „Zeichnen“ verwendet; klicken Sie, um Modelle zu verwalten (Strg+M)</translation>
    </message>
    <message>
        <source>Train ●</source>
        <translation>Trainieren ●</translation>
    </message>
    <message>
        <source>Training in the background; drawing stays live.</source>
        <translation>Das Training läuft im Hintergrund; das Zeichnen bleibt live.</translation>
    </message>
    <message>
        <source>Training failed: {error}</source>
        <translation>Training fehlgeschlagen: {error}</translation>
    </message>
    <message>
        <source>Training cancelled; the models are unchanged.</source>
        <translation>Training abgebrochen; die Modelle sind unverändert.</translation>
    </message>
    <message>
        <source>Training finished.</source>
        <translation>Training abgeschlossen.</translation>
    </message>
    <message>
        <source>Training finished: {accuracy} test accuracy.</source>
        <translation>Training abgeschlossen: {accuracy} Genauigkeit auf den Testdaten.</translation>
    </message>
    <message>
        <source>Training finished: {accuracy} test accuracy, {drawn} of digits drawn by people it never saw.</source>
        <translation>Training abgeschlossen: {accuracy} Genauigkeit auf den Testdaten, {drawn} bei Ziffern von Menschen, die es nie gesehen hat.</translation>
    </message>
    <message>
        <source>Copy Number works in Number mode (N).</source>
        <translation>„Zahl kopieren“ funktioniert im Zahlenmodus (N).</translation>
    </message>
    <message>
        <source>No number to copy yet: write one first.</source>
        <translation>Noch keine Zahl zum Kopieren: Schreiben Sie zuerst eine.</translation>
    </message>
    <message>
        <source>Drop a PNG, JPEG or BMP image or a DigitPad ink (.json).</source>
        <translation>Legen Sie ein PNG-, JPEG- oder BMP-Bild oder eine DigitPad-Zeichnung (.json) ab.</translation>
    </message>
    <message>
        <source>Cannot open the log folder</source>
        <translation>Der Protokollordner kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>The log is in {folder}.</source>
        <translation>Das Protokoll liegt in {folder}.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keines</translation>
    </message>
    <message>
        <source>The Train tab could not be started:
{error}

Drawing and models still work. Reinstall DigitPad to fix this.</source>
        <translation>Der Reiter „Trainieren“ konnte nicht gestartet werden:
{error}

Zeichnen und Modelle funktionieren weiterhin. Installieren Sie DigitPad neu, um das zu beheben.</translation>
    </message>
    <message>
        <source>The Data, Robustness and Inside views could not be started: {error}</source>
        <translation>Die Ansichten „Daten“, „Robustheit“ und „Im Netz“ konnten nicht gestartet werden: {error}</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>Proben</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <source>Robustness</source>
        <translation>Robustheit</translation>
    </message>
    <message>
        <source>Training: epoch {epoch} of {total}</source>
        <translation>Training: Epoche {epoch} von {total}</translation>
    </message>
    <message>
        <source>A network is still training. Stop it and quit?</source>
        <translation>Ein Netz wird noch trainiert. Anhalten und beenden?</translation>
    </message>
    <message>
        <source>A network is still personalising. Stop it and quit?</source>
        <translation>Ein Netz wird noch personalisiert. Anhalten und beenden?</translation>
    </message>
    <message>
        <source>Training is running</source>
        <translation>Training läuft</translation>
    </message>
    <message>
        <source>Personalising is running</source>
        <translation>Personalisierung läuft</translation>
    </message>
    <message>
        <source>The model being made is discarded; your saved models are not touched.</source>
        <translation>Das entstehende Modell wird verworfen; Ihre gespeicherten Modelle bleiben unberührt.</translation>
    </message>
    <message>
        <source>Stopping the training…</source>
        <translation>Das Training wird angehalten…</translation>
    </message>
    <message>
        <source>Stopping the personalising…</source>
        <translation>Die Personalisierung wird angehalten…</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>Etwas ist schiefgegangen</translation>
    </message>
    <message>
        <source>DigitPad keeps running. If this happens again, please report it with the steps that led to it and the log file {log} (Help ▸ Open Log Folder).</source>
        <translation>DigitPad läuft weiter. Wenn das wieder passiert, melden Sie es bitte mit den Schritten, die dazu geführt haben, und der Protokolldatei {log} (Hilfe ▸ Protokollordner öffnen).</translation>
    </message>
</context>
<context>
    <name>ModelsDialog</name>
    <message>
        <source>on {count} digits</source>
        <translation>auf {count} Ziffern</translation>
    </message>
    <message>
        <source>Test accuracy</source>
        <translation>Genauigkeit (Testdaten)</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>nicht erfasst</translation>
    </message>
    <message>
        <source>Drawn, new writers</source>
        <translation>Gezeichnet, neue Schreibende</translation>
    </message>
    <message>
        <source>Trained on</source>
        <translation>Trainiert mit</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Netz</translation>
    </message>
    <message>
        <source>learning rate {rate}</source>
        <translation>Lernrate {rate}</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>Optimierer</translation>
    </message>
    <message>
        <source>{epochs} epochs, batch size {batch}</source>
        <translation>{epochs} Epochen, Stapelgröße {batch}</translation>
    </message>
    <message>
        <source>augmented</source>
        <translation>erweitert</translation>
    </message>
    <message>
        <source>{seconds} s</source>
        <translation>{seconds} s</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>in use</source>
        <translation>in Verwendung</translation>
    </message>
    <message>
        <source>shipped with DigitPad, read-only</source>
        <translation>mit DigitPad ausgeliefert, schreibgeschützt</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <source>&amp;Use This Model</source>
        <translation>Dieses Modell &amp;verwenden</translation>
    </message>
    <message>
        <source>Draw with the selected model</source>
        <translation>Mit dem ausgewählten Modell zeichnen</translation>
    </message>
    <message>
        <source>Re&amp;name…</source>
        <translation>&amp;Umbenennen…</translation>
    </message>
    <message>
        <source>Give the selected model a new name</source>
        <translation>Dem ausgewählten Modell einen neuen Namen geben</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <source>Delete the selected model (asks first)</source>
        <translation>Das ausgewählte Modell löschen (mit Rückfrage)</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;xportieren…</translation>
    </message>
    <message>
        <source>Save the selected model as a .zip to share or back up</source>
        <translation>Das ausgewählte Modell als .zip speichern, zum Weitergeben oder Sichern</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importieren…</translation>
    </message>
    <message>
        <source>Add a model from a .zip exported by DigitPad</source>
        <translation>Ein Modell aus einer von DigitPad exportierten .zip hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Reset to Default</source>
        <translation>&amp;Zurück zum Standard</translation>
    </message>
    <message>
        <source>Use the model that ships with DigitPad</source>
        <translation>Das mit DigitPad ausgelieferte Modell verwenden</translation>
    </message>
    <message>
        <source>accuracy unknown</source>
        <translation>Genauigkeit unbekannt</translation>
    </message>
    <message>
        <source>default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>Some models cannot be used:</source>
        <translation>Einige Modelle können nicht verwendet werden:</translation>
    </message>
    <message>
        <source>Rename model</source>
        <translation>Modell umbenennen</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>Neuer Name:</translation>
    </message>
    <message>
        <source>Cannot rename the model</source>
        <translation>Das Modell kann nicht umbenannt werden</translation>
    </message>
    <message>
        <source>Delete model</source>
        <translation>Modell löschen</translation>
    </message>
    <message>
        <source>Delete the model “{name}”?

This cannot be undone; export it first if you may want it back.</source>
        <translation>Das Modell „{name}“ löschen?

Das lässt sich nicht rückgängig machen; exportieren Sie es vorher, falls Sie es zurückhaben möchten.</translation>
    </message>
    <message>
        <source>Cannot delete the model</source>
        <translation>Das Modell kann nicht gelöscht werden</translation>
    </message>
    <message>
        <source>Export model</source>
        <translation>Modell exportieren</translation>
    </message>
    <message>
        <source>DigitPad model (*.zip)</source>
        <translation>DigitPad-Modell (*.zip)</translation>
    </message>
    <message>
        <source>Cannot export the model</source>
        <translation>Das Modell kann nicht exportiert werden</translation>
    </message>
    <message>
        <source>Exported to {path}.</source>
        <translation>Nach {path} exportiert.</translation>
    </message>
    <message>
        <source>Import model</source>
        <translation>Modell importieren</translation>
    </message>
    <message>
        <source>Checking {file}…</source>
        <translation>{file} wird geprüft…</translation>
    </message>
    <message>
        <source>Cannot import the model</source>
        <translation>Das Modell kann nicht importiert werden</translation>
    </message>
    <message>
        <source>The import stopped.</source>
        <translation>Der Import wurde abgebrochen.</translation>
    </message>
    <message>
        <source>Imported “{name}”. Select it and click Use This Model to draw with it.</source>
        <translation>„{name}“ importiert. Wählen Sie es aus und klicken Sie auf „Dieses Modell verwenden“, um damit zu zeichnen.</translation>
    </message>
</context>
<context>
    <name>NeuronDetail</name>
    <message>
        <source>This neuron&apos;s 784 weights: red pixels of ink raise its weighted sum, blue ones lower it</source>
        <translation>Die 784 Gewichte dieses Neurons: Tinte auf roten Pixeln erhöht seine gewichtete Summe, auf blauen senkt sie sie</translation>
    </message>
    <message>
        <source>Weights × your drawing: each pixel&apos;s share of the weighted sum z (their total plus the bias is z)</source>
        <translation>Gewichte × Ihre Zeichnung: der Anteil jedes Pixels an der gewichteten Summe z (ihre Summe plus der Bias ergibt z)</translation>
    </message>
    <message>
        <source>weights</source>
        <translation>Gewichte</translation>
    </message>
    <message>
        <source>weights × input</source>
        <translation>Gewichte × Eingabe</translation>
    </message>
</context>
<context>
    <name>NumberView</name>
    <message>
        <source>The number</source>
        <translation>Die Zahl</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy the number to the clipboard (Ctrl+Shift+C)</source>
        <translation>Die Zahl in die Zwischenablage kopieren (Strg+Umschalt+C)</translation>
    </message>
    <message>
        <source>Write a number, digits left to right. Point at a digit to see how sure the network is; click it and press the right key to correct it.</source>
        <translation>Schreiben Sie eine Zahl, Ziffern von links nach rechts. Zeigen Sie auf eine Ziffer, um zu sehen, wie sicher das Netz ist; klicken Sie sie an und drücken Sie die richtige Taste, um sie zu korrigieren.</translation>
    </message>
    <message>
        <source>corrected by you</source>
        <translation>von Ihnen korrigiert</translation>
    </message>
    <message>
        <source>{confidence} sure</source>
        <translation>{confidence} sicher</translation>
    </message>
    <message>
        <source>Digit {position}: {digit} ({state}). Click it, then press the right digit key to correct it; the correction is kept as one of your samples.</source>
        <translation>Ziffer {position}: {digit} ({state}). Klicken Sie sie an und drücken Sie dann die richtige Zifferntaste, um sie zu korrigieren; die Korrektur wird als eine Ihrer Proben behalten.</translation>
    </message>
</context>
<context>
    <name>Numbers</name>
    <message>
        <source>{number}%</source>
        <translation>{number} %</translation>
    </message>
</context>
<context>
    <name>OutputTable</name>
    <message>
        <source>Logits: the output layer&apos;s weighted sums z. Softmax turns them into probabilities: p = e^z / Σ e^z. Click a digit to see why (or why not) that one.</source>
        <translation>Logits: die gewichteten Summen z der Ausgabeschicht. Softmax macht daraus Wahrscheinlichkeiten: p = e^z / Σ e^z. Klicken Sie auf eine Ziffer, um zu sehen, warum (oder warum nicht) diese.</translation>
    </message>
    <message>
        <source>logit z</source>
        <translation>Logit z</translation>
    </message>
    <message>
        <source>softmax probability</source>
        <translation>Softmax-Wahrscheinlichkeit</translation>
    </message>
</context>
<context>
    <name>PredictionView</name>
    <message>
        <source>What the network sees (28×28)</source>
        <translation>Was das Netz sieht (28×28)</translation>
    </message>
    <message>
        <source>How likely each digit is</source>
        <translation>Wie wahrscheinlich jede Ziffer ist</translation>
    </message>
    <message>
        <source>The network&apos;s softmax output: how likely it finds each digit</source>
        <translation>Die Softmax-Ausgabe des Netzes: wie wahrscheinlich es jede Ziffer findet</translation>
    </message>
    <message>
        <source>Draw a digit</source>
        <translation>Zeichnen Sie eine Ziffer</translation>
    </message>
    <message>
        <source>or</source>
        <translation>oder</translation>
    </message>
    <message>
        <source>Unsure: {first} {p1} · {second} {p2}</source>
        <translation>Unsicher: {first} {p1} · {second} {p2}</translation>
    </message>
    <message>
        <source>{confidence} sure</source>
        <translation>{confidence} sicher</translation>
    </message>
</context>
<context>
    <name>SourcePicker</name>
    <message>
        <source>Drawn digits (shipped with DigitPad)</source>
        <translation>Gezeichnete Ziffern (mit DigitPad ausgeliefert)</translation>
    </message>
    <message>
        <source>Choose data…</source>
        <translation>Daten wählen…</translation>
    </message>
    <message>
        <source>The digits to look at: MNIST (downloaded once, 11 MB), the digits people drew that ship with DigitPad (no download; their test split is writers training never sees), a folder of IDX files (train-*/t10k-*) or an .npz with Keras&apos;s keys.</source>
        <translation>Die Ziffern, die Sie ansehen: MNIST (einmal heruntergeladen, 11 MB), die von Menschen gezeichneten Ziffern, die DigitPad mitbringt (kein Download; ihre Testdaten stammen von Schreibenden, die das Training nie sieht), ein Ordner mit IDX-Dateien (train-*/t10k-*) oder eine .npz mit den Schlüsseln von Keras.</translation>
    </message>
    <message>
        <source>Folder…</source>
        <translation>Ordner…</translation>
    </message>
    <message>
        <source>Choose a folder of MNIST-style IDX files</source>
        <translation>Einen Ordner mit IDX-Dateien im MNIST-Format wählen</translation>
    </message>
    <message>
        <source>Choose an .npz file with x_train, y_train (and x_test, y_test)</source>
        <translation>Eine .npz-Datei mit x_train, y_train (und x_test, y_test) wählen</translation>
    </message>
    <message>
        <source>Choose a folder of IDX digit files</source>
        <translation>Einen Ordner mit IDX-Ziffern-Dateien wählen</translation>
    </message>
    <message>
        <source>Choose an .npz file of digits</source>
        <translation>Eine .npz-Datei mit Ziffern wählen</translation>
    </message>
    <message>
        <source>NumPy archives (*.npz);;All files (*)</source>
        <translation>NumPy-Archive (*.npz);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>UserGuide</name>
    <message>
        <source>DigitPad user guide</source>
        <translation>DigitPad-Benutzerhandbuch</translation>
    </message>
    <message>
        <source>The user guide cannot be read ({path}: {error}). Reinstall DigitPad to get it back.</source>
        <translation>Das Benutzerhandbuch kann nicht gelesen werden ({path}: {error}). Installieren Sie DigitPad neu, um es wiederherzustellen.</translation>
    </message>
</context>
<context>
    <name>WeightGrid</name>
    <message>
        <source>No model</source>
        <translation>Kein Modell</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>&amp;Open Drawing or Image…</source>
        <translation>Zeichnung oder Bild &amp;öffnen…</translation>
    </message>
    <message>
        <source>Open an ink drawing (.json) or classify an image</source>
        <translation>Eine Zeichnung (.json) öffnen oder ein Bild erkennen lassen</translation>
    </message>
    <message>
        <source>&amp;Save Drawing…</source>
        <translation>Zeichnung &amp;speichern…</translation>
    </message>
    <message>
        <source>Save the drawing as DigitPad ink (.json)</source>
        <translation>Die Zeichnung als DigitPad-Zeichnung (.json) speichern</translation>
    </message>
    <message>
        <source>&amp;Export PNG…</source>
        <translation>Als PNG &amp;exportieren…</translation>
    </message>
    <message>
        <source>Export the drawing as a PNG image</source>
        <translation>Die Zeichnung als PNG-Bild exportieren</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Quit DigitPad</source>
        <translation>DigitPad beenden</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>Undo the last stroke or change</source>
        <translation>Den letzten Strich oder die letzte Änderung rückgängig machen</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>Redo what was undone</source>
        <translation>Das Rückgängiggemachte wiederholen</translation>
    </message>
    <message>
        <source>&amp;Clear</source>
        <translation>&amp;Leeren</translation>
    </message>
    <message>
        <source>Clear the canvas</source>
        <translation>Die Zeichenfläche leeren</translation>
    </message>
    <message>
        <source>&amp;Pen</source>
        <translation>&amp;Stift</translation>
    </message>
    <message>
        <source>Draw with the pen</source>
        <translation>Mit dem Stift zeichnen</translation>
    </message>
    <message>
        <source>&amp;Eraser</source>
        <translation>R&amp;adierer</translation>
    </message>
    <message>
        <source>Erase whole strokes by dragging over them</source>
        <translation>Ganze Striche löschen, indem Sie darüberziehen</translation>
    </message>
    <message>
        <source>&amp;Number Mode</source>
        <translation>&amp;Zahlenmodus</translation>
    </message>
    <message>
        <source>Write a whole number (a phone number, a year, a PIN): DigitPad reads each digit live</source>
        <translation>Eine ganze Zahl schreiben (eine Telefonnummer, eine Jahreszahl, eine PIN): DigitPad liest jede Ziffer live</translation>
    </message>
    <message>
        <source>&amp;Copy Number</source>
        <translation>Zahl k&amp;opieren</translation>
    </message>
    <message>
        <source>Copy the number read in Number mode</source>
        <translation>Die im Zahlenmodus gelesene Zahl kopieren</translation>
    </message>
    <message>
        <source>&amp;Thinner Pen</source>
        <translation>&amp;Dünnerer Stift</translation>
    </message>
    <message>
        <source>Make the pen thinner</source>
        <translation>Den Stift dünner machen</translation>
    </message>
    <message>
        <source>T&amp;hicker Pen</source>
        <translation>Dic&amp;kerer Stift</translation>
    </message>
    <message>
        <source>Make the pen thicker</source>
        <translation>Den Stift dicker machen</translation>
    </message>
    <message>
        <source>&amp;Draw</source>
        <translation>&amp;Zeichnen</translation>
    </message>
    <message>
        <source>&amp;Train</source>
        <translation>&amp;Trainieren</translation>
    </message>
    <message>
        <source>&amp;Samples</source>
        <translation>&amp;Proben</translation>
    </message>
    <message>
        <source>D&amp;ata</source>
        <translation>D&amp;aten</translation>
    </message>
    <message>
        <source>&amp;Robustness</source>
        <translation>&amp;Robustheit</translation>
    </message>
    <message>
        <source>Draw digits and numbers; the network reads them live</source>
        <translation>Ziffern und Zahlen zeichnen; das Netz liest sie live</translation>
    </message>
    <message>
        <source>Train a new network and watch it learn</source>
        <translation>Ein neues Netz trainieren und ihm beim Lernen zusehen</translation>
    </message>
    <message>
        <source>Your own handwriting: how the model reads it, and Personalise</source>
        <translation>Ihre eigene Handschrift: wie das Modell sie liest, und Personalisieren</translation>
    </message>
    <message>
        <source>Look at a dataset: digits, class counts, mean digits, pixel values</source>
        <translation>Einen Datensatz ansehen: Ziffern, Anzahl je Klasse, mittlere Ziffern, Pixelwerte</translation>
    </message>
    <message>
        <source>How accuracy falls as digits get noisy, rotated, thick or thin, or shifted</source>
        <translation>Wie die Genauigkeit sinkt, wenn Ziffern verrauscht, gedreht, dick oder dünn oder verschoben sind</translation>
    </message>
    <message>
        <source>&amp;Inside the Network</source>
        <translation>&amp;Im Inneren des Netzes</translation>
    </message>
    <message>
        <source>Show what each layer computes for your drawing, live (built once the window is up)</source>
        <translation>Zeigen, was jede Schicht für Ihre Zeichnung berechnet, live (wird aufgebaut, sobald das Fenster offen ist)</translation>
    </message>
    <message>
        <source>&amp;Manage Models…</source>
        <translation>Modelle &amp;verwalten…</translation>
    </message>
    <message>
        <source>List, switch, rename, delete, export and import models</source>
        <translation>Modelle auflisten, wechseln, umbenennen, löschen, exportieren und importieren</translation>
    </message>
    <message>
        <source>&amp;Reset to Default Model</source>
        <translation>&amp;Zurück zum Standardmodell</translation>
    </message>
    <message>
        <source>Use the model that ships with DigitPad</source>
        <translation>Das mit DigitPad ausgelieferte Modell verwenden</translation>
    </message>
    <message>
        <source>&amp;User Guide</source>
        <translation>&amp;Benutzerhandbuch</translation>
    </message>
    <message>
        <source>How to use every tab of DigitPad (no internet needed)</source>
        <translation>Wie Sie jeden Reiter von DigitPad verwenden (ohne Internet)</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>List every keyboard shortcut</source>
        <translation>Alle Tastenkürzel auflisten</translation>
    </message>
    <message>
        <source>Open &amp;Log Folder</source>
        <translation>&amp;Protokollordner öffnen</translation>
    </message>
    <message>
        <source>Show the folder of DigitPad&apos;s log, to send with a bug report</source>
        <translation>Den Ordner mit dem Protokoll von DigitPad zeigen, um es einer Fehlermeldung beizulegen</translation>
    </message>
    <message>
        <source>&amp;About DigitPad</source>
        <translation>Über &amp;DigitPad</translation>
    </message>
    <message>
        <source>DigitPad&apos;s version and the model it uses</source>
        <translation>Die Version von DigitPad und das verwendete Modell</translation>
    </message>
    <message>
        <source>System Default</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source>Show the window in this language (remembered)</source>
        <translation>Das Fenster in dieser Sprache zeigen (wird gemerkt)</translation>
    </message>
    <message>
        <source>Show the window in the system&apos;s language</source>
        <translation>Das Fenster in der Sprache des Systems zeigen</translation>
    </message>
    <message>
        <source>The window already speaks {language}.</source>
        <translation>Das Fenster ist bereits auf {language}.</translation>
    </message>
    <message>
        <source>{language} applies after a restart: a network is being trained now, and switching now would stop it.</source>
        <translation>{language} gilt nach einem Neustart: Gerade wird ein Netz trainiert, und ein Wechsel jetzt würde es anhalten.</translation>
    </message>
    <message>
        <source>The window now speaks {language}.</source>
        <translation>Das Fenster ist jetzt auf {language}.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>&amp;Models</source>
        <translation>&amp;Modelle</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
</context>
<context>
    <name>Worker</name>
    <message>
        <source>The job</source>
        <translation>Der Auftrag</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Das Training</translation>
    </message>
    <message>
        <source>Personalising</source>
        <translation>Das Personalisieren</translation>
    </message>
    <message>
        <source>The measurement</source>
        <translation>Die Messung</translation>
    </message>
    <message>
        <source>Importing the model</source>
        <translation>Der Import des Modells</translation>
    </message>
    <message>
        <source>Out of memory. Try again with less data or a smaller network.</source>
        <translation>Nicht genug Arbeitsspeicher. Versuchen Sie es mit weniger Daten oder einem kleineren Netz erneut.</translation>
    </message>
    <message>
        <source>Out of memory while training. Use a smaller network, a smaller batch size or fewer digits.</source>
        <translation>Nicht genug Arbeitsspeicher beim Training. Verwenden Sie ein kleineres Netz, eine kleinere Stapelgröße oder weniger Ziffern.</translation>
    </message>
    <message>
        <source>Out of memory while personalising. Close other programs and try again.</source>
        <translation>Nicht genug Arbeitsspeicher beim Personalisieren. Schließen Sie andere Programme und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Out of memory: measure fewer digits.</source>
        <translation>Nicht genug Arbeitsspeicher: Messen Sie weniger Ziffern.</translation>
    </message>
    <message>
        <source>{what} failed: {error}</source>
        <translation>{what} ist fehlgeschlagen: {error}</translation>
    </message>
    <message>
        <source>(The process doing it was killed: it ran out of memory, or something else stopped it.)</source>
        <translation>(Der ausführende Prozess wurde beendet: Der Arbeitsspeicher ging aus, oder etwas anderes hat ihn angehalten.)</translation>
    </message>
    <message>
        <source>was stopped by signal {signal}</source>
        <translation>wurde durch Signal {signal} angehalten</translation>
    </message>
    <message>
        <source>stopped with exit code {code}</source>
        <translation>endete mit dem Exit-Code {code}</translation>
    </message>
    <message>
        <source>{what} stopped unexpectedly: the process doing it {how}. Check the log (Help ▸ Open Log Folder) and try again.</source>
        <translation>{what} wurde unerwartet beendet: Der ausführende Prozess {how}. Sehen Sie im Protokoll nach (Hilfe ▸ Protokollordner öffnen) und versuchen Sie es erneut.</translation>
    </message>
</context>
</TS>
