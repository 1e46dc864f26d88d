package app.digitpad.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.digitpad.ml.model.DigitClassifier;
import app.digitpad.ml.model.ModelFiles;
import app.digitpad.ml.model.StrokeReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LiveModelTest {
    private static final float[] BLANK = new float[784];

    @Test
    void swapsPostedOutOfOrderStillEndOnTheLiveModel() throws Exception {
        List<Runnable> ui = new ArrayList<>();
        LiveModel live = new LiveModel(ui::add);
        DigitClassifier first = ModelFiles.loadBundled();
        DigitClassifier second = ModelFiles.loadBundled();
        live.replace(first, Path.of("first.dpmodel"));
        live.replace(second, Path.of("second.dpmodel"));
        // the UI thread runs the two property updates in the wrong order
        ui.get(1).run();
        ui.get(0).run();
        assertEquals(Optional.of(Path.of("second.dpmodel")), live.getInfo().file());
        assertThrows(Exception.class, () -> first.predict(BLANK), "the replaced model was closed");
        try (LiveModel.Lease lease = live.acquire().orElseThrow()) {
            assertEquals(lease.classifier().metadata().classes(), lease.classifier().predict(BLANK).length);
        }
        live.close();
    }

    @Test
    void aModelArrivingAfterTheWindowClosedIsClosedNotMadeLive() throws Exception {
        List<Runnable> ui = new ArrayList<>();
        LiveModel live = new LiveModel(ui::add);
        live.close();
        DigitClassifier late = ModelFiles.loadBundled();
        live.replace(late, null);
        assertTrue(live.acquire().isEmpty());
        assertTrue(ui.isEmpty(), "no property change after close");
        assertThrows(Exception.class, () -> late.predict(BLANK), "the late model was closed");
    }

    @Test
    void theStrokeReaderServesEveryLeaseAndClosesAfterTheLastOneOnceTheWindowHasClosed() throws Exception {
        LiveModel live = new LiveModel(r -> {});
        live.replace(ModelFiles.loadBundled(), null);
        try (LiveModel.Lease before = live.acquire().orElseThrow()) {
            assertTrue(before.strokeReader().isEmpty(), "not loaded yet: the pad reads pictures alone");
        }
        StrokeReader reader = StrokeReader.untrained();
        StrokeReader second = StrokeReader.untrained();
        live.setStrokeReader(reader);
        live.setStrokeReader(second);
        assertFalse(second.model().getNDManager().isOpen(), "only the first reader is kept; a later one is closed");
        LiveModel.Lease lease = live.acquire().orElseThrow();
        assertSame(reader, lease.strokeReader().orElseThrow());
        live.close();
        assertTrue(reader.model().getNDManager().isOpen(), "still read with by an open lease");
        lease.close();
        assertFalse(reader.model().getNDManager().isOpen(), "closed with the last lease");
    }

    @Test
    void aModelAdaptedWithItsOwnStrokeReaderReadsWithItAndTakesItAlongWhenReplaced(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        LiveModel live = new LiveModel(r -> {});
        StrokeReader shared = StrokeReader.untrained();
        live.setStrokeReader(shared);
        StrokeReader own = StrokeReader.untrained();
        live.replace(ModelFiles.loadBundled(), null, own);
        LiveModel.Lease lease = live.acquire().orElseThrow();
        assertSame(own, lease.strokeReader().orElseThrow(), "the model's own reader, not the shared one");

        // a model file saved with its reader brings that reader along when it goes live again
        Path file = dir.resolve("personal-1.dpmodel");
        try (DigitClassifier model = ModelFiles.loadBundled()) {
            ModelFiles.save(model, own, file);
        }
        live.replace(ModelFiles.load(file), file);
        assertTrue(own.model().getNDManager().isOpen(), "the replaced model's reader stays while a lease holds it");
        lease.close();
        assertFalse(own.model().getNDManager().isOpen(), "and goes with the model's last lease");
        try (LiveModel.Lease reopened = live.acquire().orElseThrow()) {
            StrokeReader saved = reopened.strokeReader().orElseThrow();
            assertTrue(saved != shared && saved != own, "the reader read from the model file");
            assertTrue(saved.model().getNDManager().isOpen());
        }

        // a model file without one reads with the shared reader
        Path plain = dir.resolve("plain.dpmodel");
        try (DigitClassifier model = ModelFiles.loadBundled()) {
            ModelFiles.save(model, plain);
        }
        assertTrue(StrokeReader.inModel(plain).isEmpty());
        live.replace(ModelFiles.load(plain), plain);
        try (LiveModel.Lease lease2 = live.acquire().orElseThrow()) {
            assertSame(shared, lease2.strokeReader().orElseThrow());
        }

        // so does one whose reader cannot be read: the model itself still goes live
        Path broken = dir.resolve("broken.dpmodel");
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(Files.newInputStream(file));
                java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(Files.newOutputStream(broken))) {
            for (java.util.zip.ZipEntry e; (e = in.getNextEntry()) != null; ) {
                out.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
                byte[] bytes = in.readAllBytes();
                out.write(e.getName().endsWith(StrokeReader.EXTENSION) ? java.util.Arrays.copyOf(bytes, 100) : bytes);
                out.closeEntry();
            }
        }
        assertThrows(app.digitpad.ml.model.ModelFormatException.class, () -> StrokeReader.inModel(broken));
        live.replace(ModelFiles.load(broken), broken);
        try (LiveModel.Lease lease3 = live.acquire().orElseThrow()) {
            assertSame(shared, lease3.strokeReader().orElseThrow());
        }
        live.close();
        assertFalse(shared.model().getNDManager().isOpen());
    }
}
