package app.digitpad.ml.model;

import app.digitpad.ml.data.MnistNormalizer;
import app.digitpad.ml.data.TrainingData;
import app.digitpad.ml.eval.NotDigitRule;
import app.digitpad.ml.net.Architecture;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.Instant;

/**
 * What a model file says about itself. {@code testAccuracy} is a fraction measured on
 * {@code testImages} MNIST test images at the end of training. Files from before pen-digit training
 * have neither {@code data} nor {@code notDigit}: they were trained on MNIST, with ten outputs.
 */
public record ModelMetadata(
        String name,
        Architecture architecture,
        float normalizationMean,
        float normalizationStd,
        double testAccuracy,
        double testLoss,
        int testImages,
        long trainingMillis,
        int epochs,
        int trainImages,
        boolean augmented,
        Instant createdAt,
        String datasetSha256,
        TrainingData data,
        NotDigitRule notDigit,
        String parent) {

    /** Files of ten-output models keep format 1, which DigitPad 0.1 reads; eleven outputs need 2. */
    static final int FORMAT_VERSION = 2;
    /** MNIST's test set: a figure on fewer images says so. */
    static final int FULL_TEST_SET = 10_000;

    public static ModelMetadata of(String name, Architecture architecture, double testAccuracy, double testLoss,
            int testImages, long trainingMillis, int epochs, int trainImages, boolean augmented, String datasetSha256,
            TrainingData data, NotDigitRule notDigit) {
        return new ModelMetadata(name, architecture, MnistNormalizer.MEAN, MnistNormalizer.STD, testAccuracy, testLoss,
                testImages, trainingMillis, epochs, trainImages, augmented, Instant.now(), datasetSha256, data, notDigit, "");
    }

    public ModelMetadata withName(String value) {
        return new ModelMetadata(value, architecture, normalizationMean, normalizationStd, testAccuracy, testLoss,
                testImages, trainingMillis, epochs, trainImages, augmented, createdAt, datasetSha256, data, notDigit, parent);
    }

    /**
     * What a model adapted from this one says of itself: its own name, test figures and time, the
     * personal samples it learnt from, and this model as its parent.
     */
    public ModelMetadata adapted(double accuracy, double loss, int images, long millis, int samples) {
        String base = name.endsWith(PERSONAL) ? name : name + PERSONAL;
        return new ModelMetadata(base, architecture, normalizationMean, normalizationStd, accuracy, loss, images, millis,
                epochs, samples, true, Instant.now(), datasetSha256, data, notDigit, name);
    }

    private static final String PERSONAL = "-personal";

    /** Whether this model was adapted from another one (see {@link #parent}). */
    public boolean isAdapted() {
        return !parent.isEmpty();
    }

    /** Outputs of the network: 10 digits, or 11 with "not a digit". */
    public int classes() {
        return notDigit.classes();
    }

    /** A one-line description for status bars and CLI output. */
    public String summary() {
        String test = testImages >= FULL_TEST_SET ? String.format("%.2f%% MNIST test accuracy", testAccuracy * 100)
                : String.format("%.2f%% on %,d MNIST test images", testAccuracy * 100, testImages);
        return String.format("%s (%s%s, %s)", name, architecture.id(), data == TrainingData.MNIST_PEN ? " + pen" : "", test);
    }

    String toJson() {
        JsonObject json = new JsonObject();
        json.addProperty("format", "digitpad-model");
        json.addProperty("formatVersion", notDigit.canReject() ? FORMAT_VERSION : 1);
        json.addProperty("name", name);
        json.addProperty("architecture", architecture.id());
        json.addProperty("layout", architecture.layout());
        JsonObject normalization = new JsonObject();
        normalization.addProperty("mean", normalizationMean);
        normalization.addProperty("std", normalizationStd);
        json.add("normalization", normalization);
        json.addProperty("testAccuracy", testAccuracy);
        json.addProperty("testLoss", testLoss);
        json.addProperty("testImages", testImages);
        json.addProperty("trainingMillis", trainingMillis);
        json.addProperty("epochs", epochs);
        json.addProperty("trainImages", trainImages);
        json.addProperty("augmented", augmented);
        json.addProperty("createdAt", createdAt.toString());
        json.addProperty("datasetSha256", datasetSha256);
        json.addProperty("data", data.id());
        json.addProperty("classes", notDigit.classes());
        if (notDigit.canReject()) {
            json.addProperty("notDigitThreshold", notDigit.threshold());
        }
        if (!parent.isEmpty()) {
            json.addProperty("parent", parent);
        }
        return json.toString();
    }

    static ModelMetadata fromJson(String text, String source) throws ModelFormatException {
        try {
            JsonObject json = JsonParser.parseString(text).getAsJsonObject();
            if (!"digitpad-model".equals(json.get("format").getAsString())) {
                throw new ModelFormatException(source + " is not a DigitPad model file.");
            }
            int version = json.get("formatVersion").getAsInt();
            if (version > FORMAT_VERSION) {
                throw new ModelFormatException(source + " has model format " + version
                        + ", newer than this DigitPad understands (" + FORMAT_VERSION + ").");
            }
            String architectureId = json.get("architecture").getAsString();
            Architecture architecture;
            try {
                architecture = Architecture.fromId(architectureId);
            } catch (IllegalArgumentException e) {
                throw new ModelFormatException(source + " is for architecture '" + ModelZip.oneLine(architectureId)
                        + "', which this DigitPad does not know (" + Architecture.ids() + ").");
            }
            int layout = json.has("layout") ? json.get("layout").getAsInt() : 1;
            if (layout != architecture.layout()) {
                throw new ModelFormatException(source + " was trained with an earlier " + architecture.id()
                        + " layout (revision " + layout + "; this DigitPad builds revision " + architecture.layout()
                        + "), whose parameters do not fit: train it again (Train tab or the train command).");
            }
            JsonObject normalization = json.getAsJsonObject("normalization");
            float mean = normalization.get("mean").getAsFloat();
            float std = normalization.get("std").getAsFloat();
            if (!Float.isFinite(mean) || !(std > 0 && Float.isFinite(std))) {
                throw new ModelFormatException(source + " has an unusable input normalization (mean " + mean + ", std " + std + ").");
            }
            TrainingData data = json.has("data") ? TrainingData.fromId(json.get("data").getAsString()) : TrainingData.MNIST;
            int classes = json.has("classes") ? json.get("classes").getAsInt() : NotDigitRule.DIGITS;
            NotDigitRule notDigit = classes == NotDigitRule.DIGITS ? NotDigitRule.NONE
                    : new NotDigitRule(classes, json.get("notDigitThreshold").getAsFloat());
            return new ModelMetadata(
                    json.get("name").getAsString(),
                    architecture,
                    mean,
                    std,
                    json.get("testAccuracy").getAsDouble(),
                    json.get("testLoss").getAsDouble(),
                    json.get("testImages").getAsInt(),
                    json.get("trainingMillis").getAsLong(),
                    json.get("epochs").getAsInt(),
                    json.get("trainImages").getAsInt(),
                    json.get("augmented").getAsBoolean(),
                    Instant.parse(json.get("createdAt").getAsString()),
                    json.get("datasetSha256").getAsString(),
                    data,
                    notDigit,
                    json.has("parent") ? json.get("parent").getAsString() : "");
        } catch (ModelFormatException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ModelFormatException(source + " has unreadable model metadata (" + ModelZip.oneLine(e.getMessage()) + ").", e);
        }
    }
}
