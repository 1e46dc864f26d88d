package app.digitpad.ui.settings;

import app.digitpad.ml.io.DigitPadHome;
import app.digitpad.ml.io.AtomicWrite;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The settings file, {@code settings.json} in DigitPad's folder ({@link app.digitpad.ml.io.DigitPadHome}). Written through
 * a temporary file that is then moved into place, so a crash leaves the old file or the new one.
 * Reading never fails: a missing file gives the defaults, an unreadable one the defaults and a
 * warning, and a single value of the wrong kind its own default.
 */
public final class SettingsFile {
    private static final int FORMAT_VERSION = 1;

    /** What was read, and why the defaults stand in for the file if they do. */
    public record Loaded(Settings settings, Optional<String> warning) {}

    private final Path file;

    public SettingsFile(Path file) {
        this.file = file;
    }

    /** The user's settings file ({@code ~/.digitpad/settings.json}, or under {@code digitpad.home}). */
    public static SettingsFile user() {
        return new SettingsFile(DigitPadHome.folder().resolve("settings.json"));
    }

    public Path path() {
        return file;
    }

    public Loaded load() {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return new Loaded(Settings.defaults(), Optional.empty());
        } catch (IOException | RuntimeException e) { // unreadable, or not UTF-8
            return unreadable(e.toString());
        }
        try {
            JsonElement json = JsonParser.parseString(text);
            if (!json.isJsonObject()) {
                return unreadable("not a JSON object");
            }
            return new Loaded(parse(json.getAsJsonObject()), Optional.empty());
        } catch (RuntimeException e) {
            return unreadable(e.getMessage());
        }
    }

    private Loaded unreadable(String reason) {
        return new Loaded(Settings.defaults(), Optional.of("The settings file " + file + " could not be read (" + reason
                + "), so DigitPad starts with its default settings; the file will be replaced when settings change."));
    }

    public void save(Settings settings) throws IOException {
        byte[] bytes = toJson(settings).getBytes(StandardCharsets.UTF_8);
        AtomicWrite.write(file, out -> out.write(bytes));
    }

    static String toJson(Settings s) {
        JsonObject json = new JsonObject();
        json.addProperty("formatVersion", FORMAT_VERSION);
        json.addProperty("theme", s.dark() ? "dark" : "light");
        if (s.window() != null) {
            JsonObject window = new JsonObject();
            window.addProperty("x", s.window().x());
            window.addProperty("y", s.window().y());
            window.addProperty("width", s.window().width());
            window.addProperty("height", s.window().height());
            window.addProperty("maximized", s.window().maximized());
            json.add("window", window);
        }
        json.addProperty("liveModel", s.liveModel());
        json.addProperty("openFolder", s.openFolder());
        json.addProperty("exportFolder", s.exportFolder());
        if (s.train() != null) {
            Settings.TrainForm t = s.train();
            JsonObject train = new JsonObject();
            train.addProperty("architecture", t.architecture());
            train.addProperty("epochs", t.epochs());
            train.addProperty("batchSize", t.batchSize());
            train.addProperty("learningRate", t.learningRate());
            train.addProperty("schedule", t.schedule());
            train.addProperty("augment", t.augment());
            train.addProperty("trainImages", t.trainImages());
            train.addProperty("testImages", t.testImages());
            train.addProperty("data", t.data());
            json.add("train", train);
        }
        return new GsonBuilder().setPrettyPrinting().create().toJson(json);
    }

    private static Settings parse(JsonObject json) {
        Settings.WindowBounds window = null;
        JsonObject w = object(json, "window");
        if (w != null) {
            double width = number(w, "width", 0);
            double height = number(w, "height", 0);
            if (width > 0 && height > 0) {
                window = new Settings.WindowBounds(number(w, "x", 0), number(w, "y", 0), width, height,
                        bool(w, "maximized", false));
            }
        }
        Settings.TrainForm train = null;
        JsonObject t = object(json, "train");
        if (t != null) {
            train = new Settings.TrainForm(string(t, "architecture"), (int) number(t, "epochs", 0),
                    (int) number(t, "batchSize", 0), number(t, "learningRate", 0), string(t, "schedule"),
                    bool(t, "augment", false), (int) number(t, "trainImages", 0), (int) number(t, "testImages", 0),
                    string(t, "data"));
        }
        return new Settings("dark".equals(string(json, "theme")), window, string(json, "liveModel"),
                string(json, "openFolder"), string(json, "exportFolder"), train);
    }

    private static JsonObject object(JsonObject json, String name) {
        JsonElement value = json.get(name);
        return value != null && value.isJsonObject() ? value.getAsJsonObject() : null;
    }

    private static String string(JsonObject json, String name) {
        JsonElement value = json.get(name);
        return value != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isString() ? value.getAsString() : null;
    }

    private static double number(JsonObject json, String name, double fallback) {
        JsonElement value = json.get(name);
        if (value != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber()) {
            double number = value.getAsDouble();
            return Double.isFinite(number) ? number : fallback;
        }
        return fallback;
    }

    private static boolean bool(JsonObject json, String name, boolean fallback) {
        JsonElement value = json.get(name);
        return value != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isBoolean() ? value.getAsBoolean() : fallback;
    }
}
