package app.digitpad.ui.train;

import app.digitpad.ml.data.TrainingData;
import app.digitpad.ml.net.Architecture;
import app.digitpad.ml.train.Schedule;
import app.digitpad.ui.AppServices;
import app.digitpad.ui.Shortcuts;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Train screen: settings and Start/Cancel on the left; progress, the live loss and accuracy
 * charts and the run history on the right. A thin view over {@link TrainViewModel}. While a run is
 * going a {@link PulseMonitor} records the longest gap between JavaFX pulses (how long the UI was
 * unresponsive at worst); it is logged when the run ends and readable through {@link #pulseMonitor()}.
 */
public final class TrainView extends BorderPane {
    private static final Logger LOG = LoggerFactory.getLogger(TrainView.class);

    /** The charts' share of the height they and the run history divide (the user can drag the divider). */
    private static final double CHARTS_SHARE = 0.64;

    private final TrainViewModel model;
    private final TrainingSession session;
    private final TrainSettings form;
    private final PulseMonitor pulses = new PulseMonitor();

    /** The app's Train screen: built when its tab is first opened, which is when MNIST starts loading. */
    public TrainView(AppServices services) {
        this(new TrainViewModel(services));
        session.preloadData();
    }

    public TrainView(TrainViewModel model) {
        this.model = model;
        this.session = model.session();
        this.form = model.settings();
        setId("train-view");
        getStyleClass().add("train-view");

        ScrollPane settings = new ScrollPane(settings());
        settings.setFitToWidth(true);
        settings.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        settings.getStyleClass().add("train-settings-scroll");
        setLeft(settings);

        TrainingCharts charts = new TrainingCharts(model.shown(), model.chartNoteProperty());
        RunHistoryView history = new RunHistoryView(model.history());
        // the user decides how the height is shared; the charts get the larger part at first
        SplitPane split = new SplitPane(charts, history);
        split.setId("train-split");
        split.getStyleClass().add("train-split");
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(CHARTS_SHARE);
        // The skin moves the divider to fit the panes' preferred heights; until the user drags it, keep
        // the charts' share whatever the window's height.
        boolean[] dragged = {false};
        split.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            for (Node n = e.getPickResult().getIntersectedNode(); n != null && n != split; n = n.getParent()) {
                dragged[0] |= n.getStyleClass().contains("split-pane-divider");
            }
        });
        split.heightProperty().addListener((obs, old, height) -> {
            if (!dragged[0]) {
                Platform.runLater(() -> split.setDividerPositions(CHARTS_SHARE));
            }
        });
        VBox.setVgrow(split, Priority.ALWAYS);
        VBox right = new VBox(8, progress(), split);
        right.getStyleClass().add("train-results");
        right.setPadding(new Insets(12, 16, 12, 16));
        setCenter(right);

        Shortcuts.whileShown(this, Shortcuts.START_TRAINING, model::start);
        Shortcuts.whileShown(this, Shortcuts.CANCEL_TRAINING, model::cancel);
        session.runningProperty().addListener((obs, was, running) -> {
            if (running) {
                pulses.start();
            } else if (pulses.isRunning()) {
                pulses.stop();
                LOG.info("JavaFX pulses during the run: {}", pulses.summary());
            }
        });
        model.history().refresh();
    }

    private Node settings() {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("train-form");
        grid.setHgap(10);
        grid.setVgap(8);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setHalignment(HPos.LEFT);
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        grid.getColumnConstraints().addAll(labels, fields);

        ComboBox<Architecture> architecture = new ComboBox<>();
        architecture.setId("train-arch");
        architecture.getItems().setAll(Architecture.values());
        architecture.valueProperty().bindBidirectional(form.architectureProperty());
        architecture.setMaxWidth(Double.MAX_VALUE);
        architecture.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(Architecture item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.id());
                setTooltip(empty || item == null ? null : new Tooltip(item.description()));
            }
        });
        Label description = new Label();
        description.setId("train-arch-description");
        description.getStyleClass().add("hint");
        description.setWrapText(true);
        description.textProperty().bind(Bindings.createStringBinding(
                // "conv32-pool-conv64-…" as "conv32 → pool → conv64 → …", which reads better and wraps.
                () -> form.architectureProperty().get() == null ? ""
                        : form.architectureProperty().get().description().replaceAll("-(?=conv|pool|dense)", " → "),
                form.architectureProperty()));

        Spinner<Integer> epochs = SettingFields.integer("train-epochs", 1, 100, 1, form.epochsProperty());
        Spinner<Integer> batch = SettingFields.doubling("train-batch", 1, 8192, form.batchSizeProperty());
        batch.setTooltip(new Tooltip("Images per step; the arrows double and halve it"));
        TextField learningRate = SettingFields.decimal("train-lr", form.learningRateProperty(), v -> v > 0 && v < 10);
        learningRate.setTooltip(new Tooltip("Peak learning rate of the Adam optimizer"));
        ComboBox<Schedule> schedule = new ComboBox<>();
        schedule.setId("train-schedule");
        schedule.getItems().setAll(Schedule.values());
        schedule.valueProperty().bindBidirectional(form.scheduleProperty());
        schedule.setMaxWidth(Double.MAX_VALUE);
        schedule.setTooltip(new Tooltip("How the learning rate moves over the run: constant, cosine decay, "
                + "or one-cycle (warm up over the first quarter, then anneal)"));
        CheckBox augment = new CheckBox("Distort images");
        augment.setId("train-augment");
        augment.selectedProperty().bindBidirectional(form.augmentProperty());
        augment.setTooltip(new Tooltip("Random rotation, scale, shear, shift, elastic warp and stroke width, "
                + "so the network copes better with drawn digits; slower to learn MNIST itself"));

        ComboBox<TrainingData> data = new ComboBox<>();
        data.setId("train-data");
        data.getItems().setAll(TrainingData.values());
        data.valueProperty().bindBidirectional(form.dataProperty());
        data.setMaxWidth(Double.MAX_VALUE);
        // the form's column is narrow: the chosen item shows its short name, the list the full one
        data.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(TrainingData item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item == TrainingData.MNIST_PEN ? "MNIST + pen" : item.label());
            }
        });
        data.setTooltip(new Tooltip("MNIST alone, as the classic recipe; or MNIST with pen-written digits drawn through "
                + "the pad, letters, symbols and scribbles, so the model reads more writers and can answer \"not a digit\""));

        int row = 0;
        grid.add(label("Training data", data), 0, row);
        grid.add(data, 1, row++);
        grid.add(label("Architecture", architecture), 0, row);
        grid.add(architecture, 1, row++);
        grid.add(description, 0, row++, 2, 1);
        grid.add(label("Epochs", epochs), 0, row);
        grid.add(epochs, 1, row++);
        grid.add(label("Batch size", batch), 0, row);
        grid.add(batch, 1, row++);
        grid.add(label("Learning rate", learningRate), 0, row);
        grid.add(learningRate, 1, row++);
        grid.add(label("Schedule", schedule), 0, row);
        grid.add(schedule, 1, row++);
        grid.add(label("Augmentation", augment), 0, row);
        grid.add(augment, 1, row++);

        GridPane advancedGrid = new GridPane();
        advancedGrid.setHgap(10);
        advancedGrid.setVgap(8);
        advancedGrid.getColumnConstraints().addAll(labels, fields);
        Spinner<Integer> trainImages = SettingFields.imageCount("train-train-images", 60_000, form.trainImagesProperty());
        trainImages.setTooltip(new Tooltip("Train on a random subset of this many of the 60,000 training images (all = every one)"));
        Spinner<Integer> testImages = SettingFields.imageCount("train-test-images", 10_000, form.testImagesProperty());
        testImages.setTooltip(new Tooltip("Test after each epoch on the first this-many of the 10,000 test images (all = every one)"));
        advancedGrid.add(label("Training images", trainImages), 0, 0);
        advancedGrid.add(trainImages, 1, 0);
        advancedGrid.add(label("Test images", testImages), 0, 1);
        advancedGrid.add(testImages, 1, 1);
        Label subsetHint = new Label("Smaller subsets train faster but reach a lower accuracy.");
        subsetHint.getStyleClass().add("hint");
        subsetHint.setWrapText(true);
        advancedGrid.add(subsetHint, 0, 2, 2, 1);
        TitledPane advanced = new TitledPane("Advanced", advancedGrid);
        advanced.setId("train-advanced");
        advanced.setExpanded(false);
        advanced.setAnimated(false);

        Hyperlink defaults = new Hyperlink("Reset to defaults");
        defaults.setId("train-defaults");
        defaults.setOnAction(e -> form.reset());

        Button start = new Button("Start");
        start.setId("train-start");
        start.getStyleClass().add("accent");
        start.setMaxWidth(Double.MAX_VALUE);
        start.setOnAction(e -> model.start());
        start.setTooltip(new Tooltip("Train with these settings (" + Shortcuts.text(Shortcuts.START_TRAINING) + ")"));
        start.disableProperty().bind(session.runningProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("train-cancel");
        cancel.setMaxWidth(Double.MAX_VALUE);
        cancel.setOnAction(e -> model.cancel());
        cancel.setTooltip(new Tooltip("Stop the run; nothing is saved (" + Shortcuts.text(Shortcuts.CANCEL_TRAINING) + ")"));
        cancel.disableProperty().bind(Bindings.createBooleanBinding(
                () -> session.phaseProperty().get() != TrainingSession.Phase.LOADING
                        && session.phaseProperty().get() != TrainingSession.Phase.TRAINING,
                session.phaseProperty()));
        HBox.setHgrow(start, Priority.ALWAYS);
        HBox.setHgrow(cancel, Priority.ALWAYS);
        HBox buttons = new HBox(8, start, cancel);

        Label title = new Label("Train a network on MNIST");
        title.getStyleClass().add("section-title");
        VBox box = new VBox(10, title, grid, advanced, defaults, buttons);
        // Settings are fixed while a run uses them.
        grid.disableProperty().bind(session.runningProperty());
        advanced.disableProperty().bind(session.runningProperty());
        defaults.disableProperty().bind(session.runningProperty());
        box.getStyleClass().add("train-settings");
        box.setPadding(new Insets(12, 14, 12, 14));
        box.setPrefWidth(280);
        return box;
    }

    private Node progress() {
        ProgressBar bar = new ProgressBar(0);
        bar.setId("train-progress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(session.progressProperty());
        Label status = new Label();
        status.setId("train-status");
        status.getStyleClass().add("train-status");
        status.textProperty().bind(session.statusProperty());
        status.setMinWidth(0);
        status.setWrapText(true); // a long line (a finished run names its file) wraps instead of ending in "..."
        status.setMinHeight(Region.USE_PREF_SIZE);
        VBox box = new VBox(6, bar, status);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add("train-progress-box");
        return box;
    }

    private static Label label(String text, Node field) {
        Label label = new Label(text);
        label.setLabelFor(field);
        return label;
    }

    public TrainViewModel viewModel() {
        return model;
    }

    /** Measures the FX pulse gaps while a run is going (see class comment). */
    public PulseMonitor pulseMonitor() {
        return pulses;
    }

    /** Stops any running training (waiting briefly for its thread); called when the window closes. */
    public void shutdown() {
        pulses.stop();
        model.shutdown();
    }
}
