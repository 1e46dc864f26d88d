package app.digitpad.ui.settings;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What DigitPad keeps across restarts: the theme, the window's place, the live model, the folders
 * the open and export dialogs showed last, and the Train screen's settings. Immutable; a null
 * field means "not known yet, use the default".
 *
 * @param liveModel the live model's file; null for the bundled model
 * @param train the Train screen's form, as entered (null: its defaults)
 */
public record Settings(
        boolean dark,
        WindowBounds window,
        String liveModel,
        String openFolder,
        String exportFolder,
        TrainForm train) {

    /** The window's last normal (not maximized) bounds, and whether it was maximized. */
    public record WindowBounds(double x, double y, double width, double height, boolean maximized) {}

    /**
     * The Train screen's form. Names, not enums, so a value this version does not know (an
     * architecture removed since) falls back to the default when applied instead of failing here.
     */
    /** @param data the training data's id ({@code mnist}, {@code mnist+pen}); null in files from before the choice */
    public record TrainForm(String architecture, int epochs, int batchSize, double learningRate, String schedule,
            boolean augment, int trainImages, int testImages, String data) {}

    public static Settings defaults() {
        return new Settings(false, null, null, null, null, null);
    }

    public Optional<Path> liveModelFile() {
        return Optional.ofNullable(liveModel).map(Path::of);
    }

    public Settings withDark(boolean value) {
        return new Settings(value, window, liveModel, openFolder, exportFolder, train);
    }

    public Settings withWindow(WindowBounds value) {
        return new Settings(dark, value, liveModel, openFolder, exportFolder, train);
    }

    /** @param value the live model's file, or empty for the bundled model */
    public Settings withLiveModel(Optional<Path> value) {
        return new Settings(dark, window, value.map(p -> p.toAbsolutePath().toString()).orElse(null), openFolder,
                exportFolder, train);
    }

    public Settings withOpenFolder(Path value) {
        return new Settings(dark, window, liveModel, value.toAbsolutePath().toString(), exportFolder, train);
    }

    public Settings withExportFolder(Path value) {
        return new Settings(dark, window, liveModel, openFolder, value.toAbsolutePath().toString(), train);
    }

    public Settings withTrain(TrainForm value) {
        return new Settings(dark, window, liveModel, openFolder, exportFolder, value);
    }
}
