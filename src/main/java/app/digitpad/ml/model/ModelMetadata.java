package app.digitpad.ml.model;

import app.digitpad.ml.data.MnistNormalizer;
import app.digitpad.ml.net.Architecture;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.Instant;

/**
 * What a model file says about itself. {@code testAccuracy} is a fraction measured on
 * {@code testImages} MNIST test images at the end of training.
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
        String datasetSha256) {

    static final int FORMAT_VERSION = 1;

    public static ModelMetadata of(String name, Architecture architecture, double testAccuracy, double testLoss,
            int testImages, long trainingMillis, int epochs, int trainImages, boolean augmented, String datasetSha256) {
        return new ModelMetadata(name, architecture, MnistNormalizer.MEAN, MnistNormalizer.STD, testAccuracy, testLoss,
                testImages, trainingMillis, epochs, trainImages, augmented, Instant.now(), datasetSha256);
    }

    public ModelMetadata withName(String value) {
        return new ModelMetadata(value, architecture, normalizationMean, normalizationStd, testAccuracy, testLoss,
                testImages, trainingMillis, epochs, trainImages, augmented, createdAt, datasetSha256);
    }

    /** A one-line description for status bars and CLI output. */
    public String summary() {
        return String.format("%s (%s, %.2f%% MNIST test accuracy)", name, architecture.id(), testAccuracy * 100);
    }

    String toJson() {
        JsonObject json = new JsonObject();
        json.addProperty("format", "digitpad-model");
        json.addProperty("formatVersion", FORMAT_VERSION);
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
                    json.get("datasetSha256").getAsString());
        } catch (ModelFormatException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ModelFormatException(source + " has unreadable model metadata (" + ModelZip.oneLine(e.getMessage()) + ").", e);
        }
    }
}
