package app.digitpad.cli;

import app.digitpad.ml.data.TrainingData;
import app.digitpad.ml.net.Architecture;
import app.digitpad.ml.train.Schedule;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The values of enum options as users type them (ids, not constant names): for help texts and shell completion. */
final class Choices {
    private Choices() {}

    static final class Architectures extends ArrayList<String> {
        Architectures() {
            super(Stream.of(Architecture.values()).map(Architecture::id).toList());
        }
    }

    static final class Schedules extends ArrayList<String> {
        Schedules() {
            super(Stream.of(Schedule.values()).map(Schedule::id).toList());
        }
    }

    static final class TrainingSets extends ArrayList<String> {
        TrainingSets() {
            super(Stream.of(TrainingData.values()).map(TrainingData::id).toList());
        }
    }

    static final class Datasets extends ArrayList<String> {
        Datasets() {
            super(List.of("bundled", "remote"));
        }
    }
}
