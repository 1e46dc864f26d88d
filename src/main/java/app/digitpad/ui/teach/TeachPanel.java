package app.digitpad.ui.teach;

import app.digitpad.ml.personal.PersonalSample;
import app.digitpad.ui.Shortcuts;
import app.digitpad.ui.pad.Recognition;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Under the bars: "It was: 0 1 … 9 / not a digit" (buttons and keys), what was saved, and "Adapt to
 * my handwriting" with its progress, Cancel and the way back to the previous model. (Adapting by
 * itself every few samples is set on the My samples tab.)
 */
public final class TeachPanel extends VBox {
    private static final PseudoClass SAID = PseudoClass.getPseudoClass("said");

    private final Button[] answers = new Button[11];

    public TeachPanel(TeachViewModel model) {
        super(6);
        getStyleClass().add("teach-panel");
        setId("teach-panel");

        Label title = new Label("It was:");
        title.getStyleClass().add("section-title");
        FlowPane choices = new FlowPane(4, 4);
        choices.setId("teach-choices");
        choices.getChildren().add(title);
        for (int d = 0; d <= 10; d++) {
            int label = d == 10 ? PersonalSample.NOT_A_DIGIT : d;
            Button button = new Button(d == 10 ? "Not a digit (X)" : Integer.toString(d));
            button.setId(d == 10 ? "teach-none" : "teach-" + d);
            button.getStyleClass().add(d == 10 ? "teach-none" : "teach-digit");
            button.setFocusTraversable(false); // keys keep going to the pad
            button.setTooltip(new Tooltip(d == 10 ? "Save this drawing as not a digit (key X)"
                    : "Save this drawing as a " + d + " (key " + d + ")"));
            button.setOnAction(e -> model.correct(label));
            button.disableProperty().bind(model.pad().emptyProperty());
            answers[d] = button;
            choices.getChildren().add(button);
        }
        model.pad().recognitionProperty().addListener((obs, old, r) -> markAnswer(r));

        Label message = new Label();
        message.setId("teach-message");
        message.getStyleClass().add("teach-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        message.visibleProperty().bind(message.managedProperty());

        Button adapt = new Button("Adapt to my handwriting");
        adapt.setId("adapt");
        adapt.getStyleClass().add("accent");
        adapt.setTooltip(new Tooltip("Fine-tune the live model on your samples (" + Shortcuts.text(Shortcuts.ADAPT) + "); the model it came from stays one click away"));
        adapt.setOnAction(e -> model.adapt());
        adapt.disableProperty().bind(model.adaptingProperty().or(model.countProperty().isEqualTo(0)));
        Button cancel = new Button("Cancel");
        cancel.setId("adapt-cancel");
        cancel.setOnAction(e -> model.cancel());
        cancel.visibleProperty().bind(model.adaptingProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        ProgressBar progress = new ProgressBar();
        progress.setId("adapt-progress");
        progress.progressProperty().bind(model.progressProperty());
        progress.visibleProperty().bind(model.adaptingProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        progress.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(progress, Priority.ALWAYS);
        HBox running = new HBox(6, progress, cancel);
        running.setAlignment(Pos.CENTER_LEFT);
        running.visibleProperty().bind(model.adaptingProperty());
        running.managedProperty().bind(running.visibleProperty());

        Button undo = new Button();
        undo.setId("adapt-undo");
        undo.textProperty().bind(model.undoLabelProperty());
        undo.setTooltip(new Tooltip("Make the model this one was adapted from live again"));
        undo.visibleProperty().bind(model.undoLabelProperty().isNotEmpty().and(model.adaptingProperty().not()));
        undo.managedProperty().bind(undo.visibleProperty());
        undo.setOnAction(e -> model.undo());
        FlowPane actions = new FlowPane(6, 6, adapt, undo);

        Label count = new Label();
        count.setId("teach-count");
        count.getStyleClass().add("model-label");
        count.textProperty().bind(Bindings.createStringBinding(() -> model.countProperty().get() == 0
                ? "No personal samples yet: press the right answer after a drawing to keep it."
                : TeachViewModel.personalSamples(model.countProperty().get()) + " (see My samples)", model.countProperty()));
        count.setWrapText(true);

        getChildren().addAll(choices, message, actions, running, count);

        for (int d = 0; d <= 9; d++) {
            int digit = d;
            Shortcuts.whileShown(this, new KeyCodeCombination(KeyCode.getKeyCode(Integer.toString(d))), () -> answer(model, digit));
            Shortcuts.whileShown(this, new KeyCodeCombination(KeyCode.valueOf("NUMPAD" + d)), () -> answer(model, digit));
        }
        Shortcuts.whileShown(this, Shortcuts.ANSWER_NOT_A_DIGIT, () -> answer(model, PersonalSample.NOT_A_DIGIT));
        Shortcuts.whileShown(this, Shortcuts.ADAPT, () -> {
            if (!adapt.isDisabled()) {
                model.adapt();
            }
        });
    }

    /** The model's own answer is marked, so pressing it visibly confirms rather than corrects. */
    private void markAnswer(Recognition r) {
        for (int d = 0; d <= 10; d++) {
            boolean said = r != null && (d == 10 ? r.notADigit() : !r.notADigit() && r.digit() == d);
            answers[d].pseudoClassStateChanged(SAID, said);
        }
    }

    private static void answer(TeachViewModel model, int label) {
        if (!model.pad().emptyProperty().get()) {
            model.correct(label);
        }
    }
}
