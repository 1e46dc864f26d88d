package app.digitpad.ui.train;

import app.digitpad.ml.model.ModelMetadata;
import app.digitpad.ml.train.Durations;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Past runs (the model folder), newest first, with a button to make the selected one live again. */
final class RunHistoryView extends VBox {
    private static final PseudoClass LIVE = PseudoClass.getPseudoClass("live");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MMM d, HH:mm", Locale.US)
            .withZone(ZoneId.systemDefault());

    private final TableView<RunRecord> table = new TableView<>();

    RunHistoryView(TrainViewModel model) {
        getStyleClass().add("run-history");
        table.setId("run-history");
        table.setItems(model.history());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No runs yet: a finished run is saved here and can be made live again later."));
        table.getColumns().add(column("", 44, r -> model.isLive(r) ? "live" : "", "live-column"));
        table.getColumns().add(column("Trained", 120, r -> TIME.format(r.metadata().createdAt()), null));
        table.getColumns().add(column("Architecture", 118, r -> r.metadata().architecture().id(), null));
        table.getColumns().add(column("Epochs", 76, r -> Integer.toString(r.metadata().epochs()), "number-column"));
        table.getColumns().add(column("Images", 90, r -> String.format(Locale.US, "%,d", r.metadata().trainImages()), "number-column"));
        table.getColumns().add(column("Test accuracy", 124, r -> TrainingStatus.percent(r.metadata().testAccuracy()), "number-column"));
        table.getColumns().add(column("Duration", 90, r -> Durations.format(r.metadata().trainingMillis()), "number-column"));
        table.setRowFactory(view -> new TableRow<>() {
            @Override
            protected void updateItem(RunRecord item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(LIVE, !empty && model.isLive(item));
                setTooltip(empty || item == null ? null : new Tooltip(describe(item.metadata()) + "\n" + item.file()));
            }
        });
        table.setPrefHeight(170);
        table.setMinHeight(110);
        VBox.setVgrow(table, Priority.ALWAYS);

        Button makeLive = new Button("Make live");
        makeLive.setId("train-make-live");
        makeLive.setTooltip(new Tooltip("Load the selected model and use it for recognition"));
        makeLive.disableProperty().bind(Bindings.createBooleanBinding(
                () -> table.getSelectionModel().getSelectedItem() == null || model.swappingProperty().get()
                        || model.isLive(table.getSelectionModel().getSelectedItem()),
                table.getSelectionModel().selectedItemProperty(), model.swappingProperty(), model.liveModel().infoProperty()));
        makeLive.setOnAction(e -> model.makeLive(table.getSelectionModel().getSelectedItem()));
        table.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && !makeLive.isDisabled()) {
                model.makeLive(table.getSelectionModel().getSelectedItem());
            }
        });

        Button refresh = new Button("Refresh");
        refresh.setId("train-refresh-history");
        refresh.setTooltip(new Tooltip("Read the model folder again"));
        refresh.setOnAction(e -> model.refreshHistory());

        Label title = new Label("Run history");
        title.getStyleClass().add("section-title");
        Label note = new Label();
        note.setId("run-history-note");
        note.getStyleClass().add("history-note");
        note.textProperty().bind(model.historyNoteProperty());
        note.setMinWidth(0);
        note.tooltipProperty().bind(Bindings.createObjectBinding(
                () -> note.getText().isEmpty() ? null : new Tooltip(note.getText()), note.textProperty()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(8, title, note, spacer, refresh, makeLive);
        header.setAlignment(Pos.CENTER_LEFT);

        setSpacing(6);
        getChildren().addAll(header, table);

        // The live marker follows the live model, whoever changed it (this screen, File > Open, a run).
        model.liveModel().infoProperty().addListener((obs, old, info) -> table.refresh());
    }

    TableView<RunRecord> table() {
        return table;
    }

    private static TableColumn<RunRecord, String> column(String title, double width, Function<RunRecord, String> text,
            String styleClass) {
        TableColumn<RunRecord, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(text.apply(cell.getValue())));
        column.setPrefWidth(width);
        column.setMinWidth(width);
        column.setReorderable(false);
        if (styleClass != null) {
            column.getStyleClass().add(styleClass);
        }
        return column;
    }

    private static String describe(ModelMetadata metadata) {
        return TrainViewModel.describe(metadata);
    }
}
