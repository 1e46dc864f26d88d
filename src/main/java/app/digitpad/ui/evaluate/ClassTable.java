package app.digitpad.ui.evaluate;

import app.digitpad.ml.eval.ConfusionMatrix;
import app.digitpad.ui.evaluate.EvaluateViewModel.ClassRow;
import atlantafx.base.theme.Styles;
import java.util.Comparator;
import java.util.OptionalDouble;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;

/**
 * Precision, recall, F1 and support per digit, and their macro average; n/a where a metric is
 * undefined. Sortable by any column (click a header); the average row stays last.
 */
final class ClassTable extends TableView<ClassRow> {
    private static final PseudoClass AVERAGE = PseudoClass.getPseudoClass("average");
    /** n/a sorts below every value. */
    private static final Comparator<OptionalDouble> METRIC_ORDER = Comparator.comparingDouble(
            (OptionalDouble v) -> v.isPresent() ? v.getAsDouble() : Double.NEGATIVE_INFINITY);
    private static final Comparator<ClassRow> AVERAGE_LAST = Comparator.comparing(ClassRow::isAverage);

    ClassTable(ObservableList<ClassRow> rows) {
        setId("class-table");
        getStyleClass().addAll("class-table", Styles.DENSE);
        setPlaceholder(new Label("Not evaluated yet"));
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        // The rows come read-only from the view model: sorting works on a sorted view of them.
        SortedList<ClassRow> sorted = new SortedList<>(rows);
        sorted.comparatorProperty().bind(Bindings.createObjectBinding(() -> getComparator() == null
                ? AVERAGE_LAST.thenComparingInt(ClassRow::digit) : AVERAGE_LAST.thenComparing(getComparator()),
                comparatorProperty()));
        setItems(sorted);
        // The default policy refuses a sorted list whose comparator is not exactly the table's; this one
        // is the table's behind the average row's place, and re-sorts itself when the table's changes.
        setSortPolicy(table -> true);

        TableColumn<ClassRow, ClassRow> digit = new TableColumn<>("Digit");
        digit.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        digit.setComparator(Comparator.comparingInt(ClassRow::digit));
        digit.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(ClassRow item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.label());
                setTooltip(empty || item == null || !item.isAverage() ? null : new Tooltip(
                        "The mean over the ten digits (digits where a metric is n/a are left out); support: all images"));
            }
        });
        digit.getStyleClass().add("digit-column");
        digit.setPrefWidth(88);
        TableColumn<ClassRow, Integer> support = new TableColumn<>("Support");
        support.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().support()));
        support.getStyleClass().add("number-column");
        getColumns().add(digit);
        getColumns().add(metric("Precision", ClassRow::precision));
        getColumns().add(metric("Recall", ClassRow::recall));
        getColumns().add(metric("F1", ClassRow::f1));
        getColumns().add(support);
        setRowFactory(table -> new TableRow<>() {
            @Override
            protected void updateItem(ClassRow item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(AVERAGE, !empty && item != null && item.isAverage());
            }
        });
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
