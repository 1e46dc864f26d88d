package app.digitpad.ui.evaluate;

import app.digitpad.ml.eval.ConfusionMatrix;
import app.digitpad.ui.evaluate.EvaluateViewModel.ClassRow;
import java.util.Comparator;
import java.util.OptionalDouble;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** Precision, recall, F1 and support per digit; n/a where a metric is undefined. Sortable by any column. */
final class ClassTable extends TableView<ClassRow> {
    /** n/a sorts below every value. */
    private static final Comparator<OptionalDouble> METRIC_ORDER = Comparator.comparingDouble(
            (OptionalDouble v) -> v.isPresent() ? v.getAsDouble() : Double.NEGATIVE_INFINITY);

    ClassTable(ObservableList<ClassRow> rows) {
        super(rows);
        setId("class-table");
        getStyleClass().add("class-table");
        setPlaceholder(new Label("Not evaluated yet"));
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

        TableColumn<ClassRow, Integer> digit = new TableColumn<>("Digit");
        digit.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().digit()));
        digit.getStyleClass().add("digit-column");
        TableColumn<ClassRow, Integer> support = new TableColumn<>("Support");
        support.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().support()));
        support.getStyleClass().add("number-column");
        getColumns().add(digit);
        getColumns().add(metric("Precision", ClassRow::precision));
        getColumns().add(metric("Recall", ClassRow::recall));
        getColumns().add(metric("F1", ClassRow::f1));
        getColumns().add(support);
    }

    private static TableColumn<ClassRow, OptionalDouble> metric(String title, Function<ClassRow, OptionalDouble> value) {
        TableColumn<ClassRow, OptionalDouble> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        column.setComparator(METRIC_ORDER);
        column.getStyleClass().add("number-column");
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(OptionalDouble item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : ConfusionMatrix.format(item));
            }
        });
        return column;
    }
}
