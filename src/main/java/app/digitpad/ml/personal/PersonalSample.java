package app.digitpad.ml.personal;

import app.digitpad.preprocess.Drawing;
import app.digitpad.preprocess.PenDigit;
import app.digitpad.preprocess.Stroke;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * One drawing the user labelled: its strokes (pad units), the 28x28 input the model saw, the right
 * answer (a digit, or {@link #NOT_A_DIGIT}), what the model had said, which model, and when. The id
 * is a hash of the strokes, so the same drawing is one sample however often it is labelled. The
 * JSON line has the pen-data fields ({@code id}, {@code label}, {@code strokes}), so a samples file
 * can also be measured with the {@code pendigits} command.
 */
public record PersonalSample(String id, int label, List<Stroke> strokes, float[] input, int predicted, String model,
        Instant createdAt) {
    public static final int NOT_A_DIGIT = -1;
    /** {@link #predicted} when the model had said "not a digit". */
    public static final int SAID_NOT_A_DIGIT = -1;

    public PersonalSample {
        if (label < NOT_A_DIGIT || label > 9) {
            throw new IllegalArgumentException("label " + label + " is neither a digit 0-9 nor -1 (not a digit)");
        }
        if (strokes.isEmpty()) {
            throw new IllegalArgumentException("a sample needs strokes");
        }
        if (input.length != 784) {
            throw new IllegalArgumentException("a sample's input has 784 pixels, not " + input.length);
        }
        strokes = List.copyOf(strokes);
    }

    /** A new sample of {@code strokes}, labelled now. */
    public static PersonalSample of(List<Stroke> strokes, float[] input, int label, int predicted, String model) {
        return new PersonalSample(idOf(strokes), label, strokes, input.clone(), predicted, model, Instant.now());
    }

    public boolean isDigit() {
        return label != NOT_A_DIGIT;
    }

    /** As a pen sample (the form training and measuring take). */
    public PenDigit asPenDigit() {
        return new PenDigit(id, "personal", label, strokes);
    }

    public PersonalSample withLabel(int value) {
        return new PersonalSample(id, value, strokes, input, predicted, model, createdAt);
    }

    /** "7" or "not a digit". */
    public static String describe(int label) {
        return label == NOT_A_DIGIT ? "not a digit" : Integer.toString(label);
    }

    /** The first 16 hex digits of SHA-256 over the strokes' JSON. */
    public static String idOf(List<Stroke> strokes) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(Drawing.toJson(strokes).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    String toJson() {
        JsonObject json = JsonParser.parseString(Drawing.toJson(strokes)).getAsJsonObject();
        json.addProperty("id", id);
        json.addProperty("label", label);
        byte[] pixels = new byte[input.length];
        for (int i = 0; i < input.length; i++) {
            pixels[i] = (byte) Math.round(Math.max(0, Math.min(1, input[i])) * 255);
        }
        json.addProperty("input", Base64.getEncoder().encodeToString(pixels));
        json.addProperty("predicted", predicted);
        json.addProperty("model", model);
        json.addProperty("createdAt", createdAt.toString());
        return json.toString();
    }

    /** @throws IllegalArgumentException with the reason when the line is not a sample */
    static PersonalSample fromJson(String line) {
        try {
            JsonObject json = JsonParser.parseString(line).getAsJsonObject();
            List<Stroke> strokes = Drawing.fromJson(line).strokes();
            byte[] pixels = Base64.getDecoder().decode(json.get("input").getAsString());
            if (pixels.length != 784) {
                throw new IllegalArgumentException("its input has " + pixels.length + " pixels, not 784");
            }
            float[] input = new float[784];
            for (int i = 0; i < 784; i++) {
                input[i] = (pixels[i] & 0xff) / 255f;
            }
            String id = json.get("id").getAsString();
            if (!id.equals(idOf(strokes))) {
                throw new IllegalArgumentException("its id does not match its strokes");
            }
            return new PersonalSample(id, json.get("label").getAsInt(), strokes, input,
                    json.has("predicted") ? json.get("predicted").getAsInt() : SAID_NOT_A_DIGIT,
                    json.has("model") ? json.get("model").getAsString() : "",
                    json.has("createdAt") ? Instant.parse(json.get("createdAt").getAsString()) : Instant.EPOCH);
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(e.getMessage() != null ? e.getMessage() : e.toString(), e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PersonalSample s && s.id.equals(id) && s.label == label && s.predicted == predicted
                && s.model.equals(model) && s.createdAt.equals(createdAt) && s.strokes.equals(strokes)
                && java.util.Arrays.equals(s.input, input);
    }

    @Override
    public int hashCode() {
        return id.hashCode() * 31 + label;
    }
}
