package app.digitpad.bench;

import app.digitpad.app.DigitPadWindow;
import app.digitpad.preprocess.Point;
import app.digitpad.preprocess.Stroke;
import app.digitpad.ui.Dialogs;
import app.digitpad.ui.FxDialogs;
import app.digitpad.ui.Theme;
import app.digitpad.ui.settings.Settings;
import app.digitpad.ui.settings.SettingsKeeper;
import app.digitpad.ui.evaluate.EvaluateView;
import app.digitpad.ui.train.TrainView;
import app.digitpad.ui.train.TrainViewModel;
import app.digitpad.ui.train.TrainingSession;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/**
 * A tool, not a test: opens the real window, runs two tiny training runs (2,000 and 4,000 images, so
 * the Train tab has curves and a history; {@code -Dtour.compare=true} selects both to compare them),
 * evaluates, selects the confusion cell of the 1s, and writes a picture of every tab at the window's
 * minimum size (900x620) and at 1280x800 in both themes ({@code -Dtour.dialogs=true}: also the
 * notices and dialogs). Needs a display
 * (Xvfb works) and a throw-away home folder:
 *
 * <pre>mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * xvfb-run -a -s "-screen 0 1400x900x24" java -Ddigitpad.home=/tmp/dp-tour \
 *     -cp "target/classes:target/test-classes:$(cat target/cp.txt)" app.digitpad.bench.ScreenTour target/tour</pre>
 */
public final class ScreenTour {
    private static final int[][] SIZES = {{900, 620}, {1280, 800}};

    public static void main(String[] args) throws Exception {
        if (System.getProperty("digitpad.home") == null) {
            throw new IllegalStateException("set -Ddigitpad.home to a throw-away folder: the tour trains and saves a model");
        }
        Path out = Path.of(args.length > 0 ? args[0] : "target/tour");
        Files.createDirectories(out);
        DigitPadWindow[] window = new DigitPadWindow[1];
        Stage[] stage = new Stage[1];
        CompletableFuture<Void> shown = new CompletableFuture<>();
        Platform.startup(() -> {
            stage[0] = new Stage();
            window[0] = new DigitPadWindow(stage[0], new UseNewModels(stage[0]), SettingsKeeper.inMemory(Settings.defaults()));
            stage[0].show();
            shown.complete(null);
        });
        shown.get(30, TimeUnit.SECONDS);
        waitFor(120, () -> window[0].services().liveModel().getInfo() != null);

        // Two tiny runs, so the Train tab has curves, a status line and a history; both are then selected to compare.
        select(window[0], "tab-train");
        TrainView train = fx(() -> (TrainView) window[0].mainView().lookup("#train-view"));
        TrainViewModel trainModel = train.viewModel();
        for (int[] run : new int[][] {{1, 2_000}, {2, 4_000}}) {
            fx(() -> {
                trainModel.settings().epochsProperty().set(run[0]);
                trainModel.settings().trainImagesProperty().set(run[1]);
                trainModel.settings().testImagesProperty().set(500);
                trainModel.start();
                return null;
            });
            waitFor(300, () -> trainModel.session().runningProperty().get());
            waitFor(300, () -> !trainModel.session().runningProperty().get());
        }
        waitFor(30, () -> trainModel.history().runs().stream().filter(r -> !r.isBundled()).count() == 2);
        if (Boolean.getBoolean("tour.compare")) {
            fx(() -> {
                @SuppressWarnings("unchecked")
                javafx.scene.control.TableView<app.digitpad.ui.train.RunRecord> table =
                        (javafx.scene.control.TableView<app.digitpad.ui.train.RunRecord>) train.lookup("#run-history");
                for (int i = 0; i < table.getItems().size(); i++) {
                    if (!table.getItems().get(i).isBundled()) {
                        table.getSelectionModel().select(i);
                    }
                }
                return null;
            });
        }

        select(window[0], "tab-evaluate");
        EvaluateView evaluate = fx(() -> (EvaluateView) window[0].mainView().lookup("#evaluate-view"));
        waitFor(300, () -> evaluate.model().resultProperty().get() != null && !evaluate.model().runningProperty().get());
        fx(() -> {
            evaluate.model().select(1, 1);
            return null;
        });

        // a drawn "3" on the pad, so the Draw tab shows ink, bars and the model's view
        fx(() -> {
            window[0].padModel().setStrokes(List.of(new Stroke(List.of(new Point(80, 70), new Point(140, 50),
                    new Point(195, 75), new Point(190, 120), new Point(135, 140), new Point(200, 170), new Point(205, 215),
                    new Point(140, 240), new Point(80, 220)))));
            return null;
        });
        for (boolean dark : new boolean[] {false, true}) {
            fx(() -> {
                Theme.apply(stage[0].getScene(), dark);
                return null;
            });
            for (int[] size : SIZES) {
                fx(() -> {
                    stage[0].setWidth(size[0]);
                    stage[0].setHeight(size[1]);
                    return null;
                });
                for (String tab : new String[] {"tab-draw", "tab-train", "tab-evaluate"}) {
                    select(window[0], tab);
                    Thread.sleep(700); // a few pulses: layout, CSS, chart redraw
                    String name = String.format("%s-%dx%d-%s.png", tab.substring(4), size[0], size[1], dark ? "dark" : "light");
                    BufferedImage image = fx(() -> SwingFXUtils.fromFXImage(stage[0].getScene().snapshot(null), null));
                    ImageIO.write(image, "png", out.resolve(name).toFile());
                    System.out.println("wrote " + out.resolve(name));
                }
            }
        }
        if (Boolean.getBoolean("tour.dialogs")) {
            dialogs(stage[0], out);
        }
        fx(() -> {
            window[0].shutdown();
            stage[0].close();
            return null;
        });
        Platform.exit();
        System.exit(0);
    }

    /**
     * Pictures of the screen (X's root window, so popups and dialogs are in them) with a notice, an
     * error, a question and the Help dialogs open, in both themes. With {@code -Dtour.dialogs=true}.
     */
    private static void dialogs(Stage stage, Path out) throws Exception {
        FxDialogs real = new FxDialogs(stage, SettingsKeeper.inMemory(Settings.defaults()));
        for (boolean dark : new boolean[] {false, true}) {
            String theme = dark ? "dark" : "light";
            fx(() -> {
                Theme.apply(stage.getScene(), dark);
                stage.setWidth(1280);
                stage.setHeight(800);
                real.notifySaved(out.resolve("digitpad-evaluation.png"));
                return null;
            });
            Thread.sleep(1500);
            screen(out.resolve("notice-" + theme + ".png"));
            fx(() -> {
                real.showError("Could not open the model", "Model file /tmp/broken.dpmodel is corrupt or truncated "
                        + "(invalid entry size).\n\nThe previous model is still live.");
                return null;
            });
            Thread.sleep(800);
            screen(out.resolve("error-" + theme + ".png"));
            closeDialogs();
            Platform.runLater(() -> real.confirm("The new model is less accurate than the live one",
                    "New model: 99.04% test accuracy (on 10,000 test images)\n    fast-cnn-20261202-171500.dpmodel\n"
                            + "Live model: 99.51% test accuracy (on 10,000 test images)\n    fast-cnn-10ep, bundled with DigitPad\n\n"
                            + "The new model is saved either way: you can make it live later from the run history.",
                    "Use the new model", "Keep the live model"));
            Thread.sleep(800);
            screen(out.resolve("confirm-" + theme + ".png"));
            closeDialogs();
            fx(() -> {
                javafx.scene.control.MenuBar bar = (javafx.scene.control.MenuBar) stage.getScene().lookup(".menu-bar");
                bar.getMenus().get(2).getItems().get(0).fire();
                return null;
            });
            Thread.sleep(800);
            screen(out.resolve("shortcuts-" + theme + ".png"));
            closeDialogs();
            fx(() -> {
                javafx.scene.control.MenuBar bar = (javafx.scene.control.MenuBar) stage.getScene().lookup(".menu-bar");
                bar.getMenus().get(2).getItems().get(1).fire();
                return null;
            });
            Thread.sleep(1500);
            screen(out.resolve("about-" + theme + ".png"));
            closeDialogs();
        }
    }

    private static void screen(Path file) throws Exception {
        new ProcessBuilder("import", "-window", "root", file.toString()).inheritIO().start().waitFor();
        System.out.println("wrote " + file);
    }

    /** Closes every dialog window (all windows but the main one). */
    private static void closeDialogs() throws Exception {
        fx(() -> {
            for (javafx.stage.Window w : new java.util.ArrayList<>(javafx.stage.Window.getWindows())) {
                if (w instanceof Stage s && s.getOwner() != null) {
                    s.close();
                }
            }
            return null;
        });
        Thread.sleep(300);
    }

    /** The real dialogs, except that the tiny run's model goes live without a question (to show it on Evaluate). */
    private static final class UseNewModels implements Dialogs {
        private final FxDialogs real;

        UseNewModels(Stage owner) {
            real = new FxDialogs(owner, SettingsKeeper.inMemory(Settings.defaults()));
        }

        @Override
        public void showError(String title, String message) {
            real.showError(title, message);
        }

        @Override
        public Optional<Path> chooseModelToOpen() {
            return Optional.empty();
        }

        @Override
        public Optional<Path> chooseSaveFile(String title, String suggestedName, String extension) {
            return Optional.empty();
        }

        @Override
        public void notify(String message) {
            real.notify(message);
        }

        @Override
        public void notifySaved(Path file) {
            real.notifySaved(file);
        }

        @Override
        public boolean confirm(String title, String message, String yes, String no) {
            return true;
        }
    }

    private static void select(DigitPadWindow window, String tabId) throws Exception {
        fx(() -> {
            window.mainView().tabs().getTabs().stream().filter(t -> tabId.equals(t.getId())).findFirst()
                    .ifPresent(t -> window.mainView().tabs().getSelectionModel().select(t));
            return null;
        });
    }

    private static <T> T fx(Callable<T> action) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(action.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(30, TimeUnit.SECONDS);
    }

    private static void waitFor(int seconds, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!fx(condition)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out");
            }
            Thread.sleep(100);
        }
    }
}
