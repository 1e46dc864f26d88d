package app.digitpad.ui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.Queue;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsFileTest {
    @TempDir
    Path dir;

    private static final Settings FULL = Settings.defaults().withDark(true)
            .withWindow(new Settings.WindowBounds(40, 60, 1024, 700, true))
            .withLiveModel(Optional.of(Path.of("/models/fast-cnn-1.dpmodel")))
            .withOpenFolder(Path.of("/models")).withExportFolder(Path.of("/exports"))
            .withTrain(new Settings.TrainForm("lenet5", 3, 64, 0.004, "cosine", true, 2_000, 500, "mnist+pen"));

    @Test
    void everythingComesBackAsItWasSaved() throws Exception {
        SettingsFile file = new SettingsFile(dir.resolve("settings.json"));
        file.save(FULL);
        SettingsFile.Loaded loaded = file.load();
        assertEquals(FULL, loaded.settings());
        assertEquals(Optional.empty(), loaded.warning());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file left beside it");
        }
    }

    @Test
    void noFileMeansTheDefaultsWithoutAWarning() {
        SettingsFile.Loaded loaded = new SettingsFile(dir.resolve("absent.json")).load();
        assertEquals(Settings.defaults(), loaded.settings());
        assertTrue(loaded.warning().isEmpty());
    }

    @Test
    void aCorruptFileGivesTheDefaultsAndAWarningNamingIt() throws Exception {
        for (String text : new String[] {"{\"theme\": \"dark\", \"window\": {", "not json at all", "[1, 2, 3]", "\u0000\u0001"}) {
            Path path = Files.writeString(dir.resolve("settings.json"), text);
            SettingsFile.Loaded loaded = new SettingsFile(path).load();
            assertEquals(Settings.defaults(), loaded.settings(), text);
            assertTrue(loaded.warning().orElseThrow().contains(path.toString()), loaded.warning().get());
            assertTrue(loaded.warning().get().contains("default settings"), loaded.warning().get());
        }
    }

    @Test
    void aValueOfTheWrongKindGetsItsOwnDefaultAndTheRestIsKept() throws Exception {
        Path path = Files.writeString(dir.resolve("settings.json"), """
                {"theme": "dark", "window": {"x": "left", "y": 10, "width": -5, "height": 600},
                 "liveModel": 42, "openFolder": "/models",
                 "train": {"architecture": "lenet5", "epochs": "many", "batchSize": 32}}
                """);
        SettingsFile.Loaded loaded = new SettingsFile(path).load();
        Settings s = loaded.settings();
        assertTrue(loaded.warning().isEmpty());
        assertTrue(s.dark());
        assertEquals(null, s.window(), "a window without a usable size is no window");
        assertEquals(null, s.liveModel());
        assertEquals("/models", s.openFolder());
        assertEquals("lenet5", s.train().architecture());
        assertEquals(0, s.train().epochs(), "not a number: left for the form to replace with its default");
        assertEquals(32, s.train().batchSize());
    }

    @Test
    void aKeeperWritesABurstOfChangesOnceAndFlushWritesAtOnce() throws Exception {
        SettingsFile file = new SettingsFile(dir.resolve("settings.json"));
        Queue<Runnable> saver = new ArrayDeque<>();
        SettingsKeeper keeper = new SettingsKeeper(file, Settings.defaults(), saver::add);
        keeper.update(s -> s.withDark(true));
        keeper.update(s -> s.withOpenFolder(Path.of("/a")));
        keeper.update(s -> s.withOpenFolder(Path.of("/b")));
        assertEquals(1, saver.size(), "one write for the burst");
        assertFalse(Files.exists(file.path()), "written on the saver's thread, not the caller's");
        saver.poll().run();
        assertEquals(keeper.get(), file.load().settings(), "the newest settings");
        assertEquals("/b", file.load().settings().openFolder());

        keeper.update(s -> s.withDark(false));
        keeper.flush();
        assertFalse(file.load().settings().dark(), "flush writes without waiting for the saver");
        keeper.update(s -> s.withDark(false));
        assertEquals(1, saver.size(), "an update that changes nothing writes nothing (the queued write is the earlier one)");
    }

    @Test
    void inMemorySettingsKeepChangesButAreNeverWritten() {
        SettingsKeeper keeper = SettingsKeeper.inMemory(Settings.defaults());
        keeper.update(s -> s.withDark(true));
        keeper.flush();
        assertTrue(keeper.get().dark());
        assertFalse(Files.exists(SettingsFile.user().path()), "no settings file in " + SettingsFile.user().path());
        assertTrue(SettingsFile.user().path().startsWith(Path.of(System.getProperty("digitpad.home"))),
                "tests keep out of ~/.digitpad");
    }
}
