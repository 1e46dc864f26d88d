package app.digitpad.ui.train;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.function.DoublePredicate;
import javafx.beans.property.ObjectProperty;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.util.StringConverter;

/** Input controls for the training settings: lenient spinners and a number field that never throw on bad text. */
final class SettingFields {
    private SettingFields() {}

    /** An editable integer spinner bound to {@code value}; text that is not a number in range reverts. */
    static Spinner<Integer> integer(String id, int min, int max, int step, ObjectProperty<Integer> value) {
        return spinner(id, new SpinnerValueFactory.IntegerSpinnerValueFactory(min, max, value.get(), step), null, value);
    }

    /** Like {@link #integer} but the arrows double and halve (batch sizes). */
    static Spinner<Integer> doubling(String id, int min, int max, ObjectProperty<Integer> value) {
        SpinnerValueFactory.IntegerSpinnerValueFactory factory = new SpinnerValueFactory.IntegerSpinnerValueFactory(min, max, value.get()) {
            @Override
            public void increment(int steps) {
                setValue((int) Math.min(getMax(), (long) getValue() << Math.min(steps, 20)));
            }

            @Override
            public void decrement(int steps) {
                setValue(Math.max(getMin(), getValue() >> Math.min(steps, 20)));
            }
        };
        return spinner(id, factory, null, value);
    }

    /** An image-count spinner where 0 reads "all". */
    static Spinner<Integer> imageCount(String id, int max, ObjectProperty<Integer> value) {
        return spinner(id, new SpinnerValueFactory.IntegerSpinnerValueFactory(0, max, value.get(), 500), "all", value);
    }

    private static Spinner<Integer> spinner(String id, SpinnerValueFactory.IntegerSpinnerValueFactory factory, String zeroText,
            ObjectProperty<Integer> value) {
        factory.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer number) {
                if (number == null) {
                    return "";
                }
                return zeroText != null && number == 0 ? zeroText : String.format(Locale.US, "%,d", number);
            }

            @Override
            public Integer fromString(String text) {
                String digits = text == null ? "" : text.replaceAll("[,_\\s]", "");
                if (zeroText != null && (digits.isEmpty() || digits.equalsIgnoreCase(zeroText))) {
                    return 0;
                }
                try {
                    int number = Integer.parseInt(digits);
                    return Math.max(factory.getMin(), Math.min(factory.getMax(), number));
                } catch (NumberFormatException e) {
                    return factory.getValue(); // keep the previous value
                }
            }
        });
        Spinner<Integer> spinner = new Spinner<>(factory);
        spinner.setId(id);
        spinner.setEditable(true);
        spinner.setMaxWidth(Double.MAX_VALUE);
        factory.valueProperty().bindBidirectional(value);
        // Show the converter's form of the value again if the typed text was rejected or clamped.
        spinner.focusedProperty().addListener((obs, was, is) -> {
            if (!is) {
                spinner.getEditor().setText(factory.getConverter().toString(factory.getValue()));
            }
        });
        return spinner;
    }

    /** A text field for a positive decimal (the learning rate); invalid text reverts to the last good value. */
    static TextField decimal(String id, ObjectProperty<Double> value, DoublePredicate valid) {
        StringConverter<Double> converter = new StringConverter<>() {
            @Override
            public String toString(Double number) {
                return number == null ? "" : new BigDecimal(Double.toString(number)).stripTrailingZeros().toPlainString();
            }

            @Override
            public Double fromString(String text) {
                double number = Double.parseDouble(text.trim()); // NumberFormatException: the formatter reverts
                if (!valid.test(number)) {
                    throw new IllegalArgumentException("out of range: " + number);
                }
                return number;
            }
        };
        TextFormatter<Double> formatter = new TextFormatter<>(converter, value.get(),
                change -> change.getControlNewText().matches("[0-9.eE+\\-\\s]*") ? change : null);
        formatter.valueProperty().bindBidirectional(value);
        TextField field = new TextField();
        field.setId(id);
        field.setTextFormatter(formatter);
        field.setPrefColumnCount(8);
        return field;
    }
}
