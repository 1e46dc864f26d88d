package app.digitpad.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window's model commands without JavaFX running: loads and results run on the test thread. */
class MainViewModelTest {
    @TempDir
    Path dir;

    private final LiveModel liveModel = new LiveModel(Runnable::run);
    private final TestDialogs dialogs = new TestDialogs();
    private final List<String> notices = dialogs.notices;
    private final List<TestDialogs.Error> errors = dialogs.errors;
    private final MainViewModel model = new MainViewModel(liveModel, Runnable::run, Runnable::run, dialogs,
            MainViewModel.ModelLoader.DIRECT);

    @AfterEach
    void close() {
        liveModel.close();
    }

    private Path copyOfTheBundledModel(String name) throws Exception {
        Path copy = dir.resolve(name);
        Files.copy(Path.of("assets/models/digitpad-default.dpmodel"), copy);
        return copy;
    }

    @Test
    void theModelOfLastTimeGoesLiveAgain() throws Exception {
        Path file = copyOfTheBundledModel("last-time.dpmodel");
        model.loadStartModel(Optional.of(file));
        assertEquals(Optional.of(file), liveModel.getInfo().file());
        assertEquals(List.of(), notices);
        assertFalse(model.loadingProperty().get());
        assertTrue(model.statusProperty().get().contains(file.toString()), model.statusProperty().get());
    }

    @Test
    void withoutAModelOfLastTimeTheBundledOneGoesLiveQuietly() {
        model.loadStartModel(Optional.empty());
        assertTrue(liveModel.getInfo().file().isEmpty());
        assertEquals(List.of(), notices);
    }

    @Test
    void aModelOfLastTimeThatIsGoneGivesTheBundledOneAndSaysSo() {
        Path gone = dir.resolve("deleted.dpmodel");
        model.loadStartModel(Optional.of(gone));
        assertTrue(liveModel.getInfo().file().isEmpty(), "the bundled model is live");
        assertEquals(1, notices.size());
        assertTrue(notices.get(0).contains(gone.toString()) && notices.get(0).contains("no longer there")
                && notices.get(0).contains("bundled model is live"), notices.get(0));
        assertEquals(List.of(), errors);
    }

    @Test
    void aModelOfLastTimeThatNoLongerLoadsGivesTheBundledOneAndSaysWhy() throws Exception {
        Path broken = Files.writeString(dir.resolve("broken.dpmodel"), "not a model");
        model.loadStartModel(Optional.of(broken));
        assertTrue(liveModel.getInfo().file().isEmpty(), "the bundled model is live");
        assertEquals(1, notices.size());
        assertTrue(notices.get(0).contains("could not be loaded") && notices.get(0).contains("broken.dpmodel"), notices.get(0));
    }

    @Test
    void aBadFileLeavesTheLiveModelAndSaysWhy() throws Exception {
        model.loadBundledModel();
        LiveModel.Info before = liveModel.getInfo();
        model.openModel(Files.writeString(dir.resolve("noise.dpmodel"), "noise"));
        assertEquals(before, liveModel.getInfo());
        assertEquals(1, errors.size());
        assertEquals("Could not open the model", errors.get(0).title());
        assertTrue(errors.get(0).message().contains("noise.dpmodel") && errors.get(0).message().contains("previous model is still live"),
                errors.get(0).message());
        assertFalse(model.loadingProperty().get());
    }
}
