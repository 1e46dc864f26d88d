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

        // a model file with a reader saved beside it brings that reader along when it goes live again
        Path file = dir.resolve("personal-1.dpmodel");
        try (DigitClassifier model = ModelFiles.loadBundled()) {
            ModelFiles.save(model, file);
        }
        own.save(StrokeReader.besideModel(file));
        assertEquals(dir.resolve("personal-1.dpstrokes"), StrokeReader.besideModel(file));
        live.replace(ModelFiles.load(file), file);
        assertTrue(own.model().getNDManager().isOpen(), "the replaced model's reader stays while a lease holds it");
        lease.close();
        assertFalse(own.model().getNDManager().isOpen(), "and goes with the model's last lease");
        try (LiveModel.Lease reopened = live.acquire().orElseThrow()) {
            StrokeReader beside = reopened.strokeReader().orElseThrow();
            assertTrue(beside != shared && beside != own, "the reader read from beside the file");
        }

        // one without a reader beside it, or with an unreadable one, reads with the shared reader
        Path plain = dir.resolve("plain.dpmodel");
        Files.copy(file, plain);
        Files.writeString(StrokeReader.besideModel(plain), "not a stroke reader");
        live.replace(ModelFiles.load(plain), plain);
        try (LiveModel.Lease lease2 = live.acquire().orElseThrow()) {
            assertSame(shared, lease2.strokeReader().orElseThrow());
        }
        live.close();
        assertFalse(shared.model().getNDManager().isOpen());
    }
}
