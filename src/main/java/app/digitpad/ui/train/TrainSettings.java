package app.digitpad.ui.train;

import app.digitpad.ml.data.TrainingData;
import app.digitpad.ml.net.Architecture;
import app.digitpad.ml.train.Schedule;
import app.digitpad.ml.train.TrainingConfig;
import app.digitpad.ui.settings.Settings;
import java.util.List;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The Train screen's settings form: one property per field, the run they describe, and the form as
 * kept across restarts. No toolkit needed: plain JavaFX properties.
 */
public final class TrainSettings {
    private final ObjectProperty<Architecture> architecture = new SimpleObjectProperty<>(this, "architecture");
    private final ObjectProperty<Integer> epochs = new SimpleObjectProperty<>(this, "epochs");
    private final ObjectProperty<Integer> batchSize = new SimpleObjectProperty<>(this, "batchSize");
    private final ObjectProperty<Double> learningRate = new SimpleObjectProperty<>(this, "learningRate");
    private final ObjectProperty<Schedule> schedule = new SimpleObjectProperty<>(this, "schedule");
    private final BooleanProperty augment = new SimpleBooleanProperty(this, "augment");
    private final ObjectProperty<Integer> trainImages = new SimpleObjectProperty<>(this, "trainImages");
    private final ObjectProperty<Integer> testImages = new SimpleObjectProperty<>(this, "testImages");
    private final ObjectProperty<TrainingData> data = new SimpleObjectProperty<>(this, "data");

    public TrainSettings() {
        reset();
    }

    /** Puts every field back to {@link TrainingConfig#defaults()}, with all images. */
    public void reset() {
        TrainingConfig defaults = TrainingConfig.defaults();
        architecture.set(defaults.architecture());
        epochs.set(defaults.epochs());
        batchSize.set(defaults.batchSize());
        learningRate.set(asShown(defaults.learningRate()));
        schedule.set(defaults.schedule());
        augment.set(defaults.augment());
        trainImages.set(defaults.trainLimit());
        testImages.set(defaults.testLimit());
        data.set(defaults.data());
    }

    /** 0.012, not 0.012000000104308128. */
    private static double asShown(float value) {
        return Double.parseDouble(Float.toString(value));
    }

    /** The run the form describes; throws IllegalArgumentException naming a bad setting. */
    public TrainingConfig config() {
        TrainingConfig defaults = TrainingConfig.defaults();
        return defaults
                .withArchitecture(orDefault(architecture.get(), defaults.architecture()))
                .withEpochs(orDefault(epochs.get(), defaults.epochs()))
                .withBatchSize(orDefault(batchSize.get(), defaults.batchSize()))
                .withLearningRate(orDefault(learningRate.get(), (double) defaults.learningRate()).floatValue())
                .withSchedule(orDefault(schedule.get(), defaults.schedule()))
                .withAugment(augment.get())
                .withLimits(orDefault(trainImages.get(), 0), orDefault(testImages.get(), 0))
                .withData(orDefault(data.get(), defaults.data()));
    }

    private static <T> T orDefault(T value, T fallback) {
        return value != null ? value : fallback;
    }

    /** The form as kept in the settings file. */
    public Settings.TrainForm form() {
        TrainingConfig defaults = TrainingConfig.defaults();
        return new Settings.TrainForm(orDefault(architecture.get(), defaults.architecture()).id(),
                orDefault(epochs.get(), defaults.epochs()), orDefault(batchSize.get(), defaults.batchSize()),
                orDefault(learningRate.get(), asShown(defaults.learningRate())),
                orDefault(schedule.get(), defaults.schedule()).id(), augment.get(),
                orDefault(trainImages.get(), 0), orDefault(testImages.get(), 0),
                orDefault(data.get(), defaults.data()).id());
    }

    /**
     * Fills the form from kept settings. Each value that this version would not accept (an unknown
     * architecture, epochs out of range, ...) keeps its default, so an old or edited file never
     * stops the screen from opening.
     */
    public void apply(Settings.TrainForm form) {
        reset();
        if (form == null) {
            return;
        }
        TrainingConfig defaults = TrainingConfig.defaults();
        try {
            architecture.set(Architecture.fromId(form.architecture()));
        } catch (IllegalArgumentException | NullPointerException unknown) {
            // keep the default
        }
        try {
            schedule.set(Schedule.fromId(form.schedule()));
        } catch (IllegalArgumentException | NullPointerException unknown) {
            // keep the default
        }
        if (accepted(() -> defaults.withEpochs(form.epochs()))) {
            epochs.set(form.epochs());
        }
        if (accepted(() -> defaults.withBatchSize(form.batchSize()))) {
            batchSize.set(form.batchSize());
        }
        if (accepted(() -> defaults.withLearningRate((float) form.learningRate()))) {
            learningRate.set(form.learningRate());
        }
        augment.set(form.augment());
        try {
            data.set(TrainingData.fromId(form.data()));
        } catch (IllegalArgumentException | NullPointerException unknown) {
            // keep the default
        }
        if (form.trainImages() >= 0 && form.trainImages() <= 60_000) {
            trainImages.set(form.trainImages());
        }
        if (form.testImages() >= 0 && form.testImages() <= 10_000) {
            testImages.set(form.testImages());
        }
    }

    private static boolean accepted(Runnable check) {
        try {
            check.run();
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Every field, to listen for changes. */
    public List<Observable> fields() {
        return List.of(architecture, epochs, batchSize, learningRate, schedule, augment, trainImages, testImages, data);
    }

    public ObjectProperty<TrainingData> dataProperty() {
        return data;
    }

    public ObjectProperty<Architecture> architectureProperty() {
        return architecture;
    }

    public ObjectProperty<Integer> epochsProperty() {
        return epochs;
    }

    public ObjectProperty<Integer> batchSizeProperty() {
        return batchSize;
    }

    public ObjectProperty<Double> learningRateProperty() {
        return learningRate;
    }

    public ObjectProperty<Schedule> scheduleProperty() {
        return schedule;
    }

    public BooleanProperty augmentProperty() {
        return augment;
    }

    /** Training images to use; 0 = all 60,000. */
    public ObjectProperty<Integer> trainImagesProperty() {
        return trainImages;
    }

    /** Test images to use; 0 = all 10,000. */
    public ObjectProperty<Integer> testImagesProperty() {
        return testImages;
    }
}
