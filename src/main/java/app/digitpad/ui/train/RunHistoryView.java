package app.digitpad.ui.train;

import app.digitpad.ml.model.ModelMetadata;
import app.digitpad.ml.model.TrainingLog;
import app.digitpad.ml.train.Durations;
import atlantafx.base.theme.Styles;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Past runs (the model folder and the bundled model), newest first, with every setting of each run,
 * its test accuracy and time; sortable by any column. Selecting runs shows their curves (several
 * are overlaid); the selected run can be made live again or deleted.
 */
final class RunHistoryView extends VBox {
    private static final PseudoClass LIVE = PseudoClass.getPseudoClass("live");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MMM d, HH:mm", Locale.US)
            .withZone(ZoneId.systemDefault());

    private final TableView<RunRecord> table = new TableView<>();

    RunHistoryView(RunHistoryModel model) {
        getStyleClass().add("run-history");
        table.setId("run-history");
        table.getStyleClass().addAll(Styles.DENSE, Styles.STRIPED);
        SortedList<RunRecord> sorted = new SortedList<>(model.runs());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        // Columns keep their width and the table scrolls sideways when the window is narrow.
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.setPlaceholder(new Label("No runs yet: a finished run is saved here and can be made live again later."));
        table.getColumns().add(column("", 44, r -> model.isLive(r) ? "live" : "", r -> model.isLive(r) ? 0 : 1, "live-column"));
        table.getColumns().add(column("Trained", 100, r -> r.isBundled() ? "bundled" : TIME.format(r.metadata().createdAt()),
                r -> r.metadata().createdAt(), null));
        table.getColumns().add(column("Test accuracy", 118, r -> TrainingStatus.percent(r.metadata().testAccuracy()),
                r -> r.metadata().testAccuracy(), "number-column"));
        table.getColumns().add(column("Time", 54, r -> Durations.format(r.metadata().trainingMillis()),
                r -> r.metadata().trainingMillis(), "number-column"));
        table.getColumns().add(column("Architecture", 102, r -> r.metadata().architecture().id(),
                r -> r.metadata().architecture().id(), null));
        table.getColumns().add(column("Epochs", 62, r -> Integer.toString(r.metadata().epochs()), r -> r.metadata().epochs(),
                "number-column"));
        table.getColumns().add(column("Batch", 56, r -> r.log().map(l -> Integer.toString(l.batchSize())).orElse("–"),
                r -> r.log().map(TrainingLog::batchSize).orElse(0), "number-column"));
        table.getColumns().add(column("Learning rate", 122, r -> r.log().map(l -> decimal(l.learningRate())).orElse("–"),
                r -> r.log().map(TrainingLog::learningRate).orElse(0f), "number-column"));
        table.getColumns().add(column("Schedule", 80, r -> r.log().map(TrainingLog::schedule).orElse("–"),
                r -> r.log().map(TrainingLog::schedule).orElse(""), null));
        table.getColumns().add(column("Augmented", 98, r -> r.metadata().augmented() ? "yes" : "no",
                r -> r.metadata().augmented(), null));
        table.getColumns().add(column("Data", 60, r -> data(r.metadata()), r -> data(r.metadata()), null));
        table.getColumns().add(column("Images", 68, r -> String.format(Locale.US, "%,d", r.metadata().trainImages()),
                r -> r.metadata().trainImages(), "number-column"));
        table.setRowFactory(view -> new TableRow<>() {
            @Override
            protected void updateItem(RunRecord item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(LIVE, !empty && model.isLive(item));
                setTooltip(empty || item == null ? null : new Tooltip(describe(item.metadata()) + "\n"
                        + item.file().map(Object::toString).orElse("bundled with DigitPad")));
            }
        });
        table.setPrefHeight(170);
        table.setMinHeight(110);
        VBox.setVgrow(table, Priority.ALWAYS);

        // The charts show the selected runs; the model keeps them across a refresh, the table follows.
        boolean[] following = {false}; // while the table follows the model, its selection events are not the user's
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<RunRecord>) change -> {
            if (!following[0]) {
                model.compare(List.copyOf(table.getSelectionModel().getSelectedItems()));
            }
        });
        model.compared().addListener((ListChangeListener<RunRecord>) change -> {
            if (!model.compared().equals(table.getSelectionModel().getSelectedItems())) {
                following[0] = true;
                try {
                    table.getSelectionModel().clearSelection();
                    List.copyOf(model.compared()).forEach(run -> table.getSelectionModel().select(run));
                } finally {
                    following[0] = false;
                }
            }
        });

        Button makeLive = new Button("Make live");
        makeLive.setId("train-make-live");
        makeLive.setTooltip(new Tooltip("Load the selected run's model and use it for recognition"));
        makeLive.disableProperty().bind(Bindings.createBooleanBinding(
                () -> single() == null || model.swappingProperty().get() || model.isLive(single()),
                table.getSelectionModel().getSelectedItems(), model.swappingProperty(), model.liveModel().infoProperty()));
        makeLive.setOnAction(e -> model.makeLive(single()));
        table.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && !makeLive.isDisabled()) {
                model.makeLive(single());
            }
        });

        Button delete = new Button("Delete…");
        delete.setId("train-delete-run");
        delete.setTooltip(new Tooltip("Delete the selected run's model file (not the live or the bundled model)"));
        delete.disableProperty().bind(Bindings.createBooleanBinding(() -> !model.canDelete(single()),
                table.getSelectionModel().getSelectedItems(), model.liveModel().infoProperty()));
        delete.setOnAction(e -> model.delete(single()));

        Button refresh = new Button("Refresh");
        refresh.setId("train-refresh-history");
        refresh.setTooltip(new Tooltip("Read the model folder again"));
        refresh.setOnAction(e -> model.refresh());

        Label title = new Label("Run history");
        title.getStyleClass().add("section-title");
        title.setMinWidth(Region.USE_PREF_SIZE);
        Label note = new Label();
        note.setId("run-history-note");
        note.getStyleClass().add("history-note");
        note.textProperty().bind(model.noteProperty());
        note.setMinWidth(0);
        note.tooltipProperty().bind(Bindings.createObjectBinding(
                () -> note.getText().isEmpty() ? null : new Tooltip(note.getText()), note.textProperty()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        for (Button button : new Button[] {refresh, makeLive, delete}) {
            button.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox header = new HBox(8, title, note, spacer, refresh, makeLive, delete);
        header.setAlignment(Pos.CENTER_LEFT);

        setSpacing(6);
        getChildren().addAll(header, table);

        // The live marker follows the live model, whoever changed it (this screen, File > Open, a run);
        // a model saved elsewhere (adapted to the user's handwriting) joins the list when it goes live.
        model.liveModel().infoProperty().addListener((obs, old, info) -> {
            table.refresh();
            if (info != null && info.file().isPresent()
                    && model.runs().stream().noneMatch(r -> r.file().equals(info.file()))) {
                model.refresh();
            }
        });
    }

    TableView<RunRecord> table() {
        return table;
    }

    /**
     * The one selected run; null when none or several are selected. From the selected items, which
     * are up to date when they tell their listeners (the selected item may not be yet).
     */
    private RunRecord single() {
        List<RunRecord> selected = table.getSelectionModel().getSelectedItems();
        return selected.size() == 1 ? selected.get(0) : null;
    }

    /**
     * A column showing {@code text} of each run and sorting by {@code key}, so numbers sort as
     * numbers and dates as dates.
     */
    private static <K extends Comparable<? super K>> TableColumn<RunRecord, RunRecord> column(String title, double width,
            Function<RunRecord, String> text, Function<RunRecord, K> key, String styleClass) {
        TableColumn<RunRecord, RunRecord> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(RunRecord item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : text.apply(item));
            }
        });
        column.setComparator(Comparator.comparing(key));
        column.setPrefWidth(width);
        column.setMinWidth(Math.min(width, 40));
        column.setReorderable(false);
        if (styleClass != null) {
            column.getStyleClass().add(styleClass);
        }
        return column;
    }

    /** The training data of a run, as its model file says (files from before the choice: MNIST). */
    static String data(ModelMetadata metadata) {
        return metadata.isAdapted()
                ? metadata.data().label() + " + " + metadata.trainImages() + " of your samples, from " + metadata.parent()
                : metadata.data().label();
    }

    private static String decimal(float value) {
        return new BigDecimal(Float.toString(value)).stripTrailingZeros().toPlainString();
    }

    private static String describe(ModelMetadata metadata) {
        return metadata.summary() + String.format(Locale.US, "%n%,d training images · %d epochs%s · tested on %,d images",
                metadata.trainImages(), metadata.epochs(), metadata.augmented() ? " · augmented" : "", metadata.testImages());
    }
}
