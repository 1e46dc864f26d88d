package app.digitpad.ml.model;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * The entries of a model file, {@code metadata.json}, {@code parameters.djl} and the optional
 * {@code training.json}, each read only up to the size it can legitimately have: a small file that
 * unpacks to gigabytes is refused after a little more than a real model has been read. Anything
 * else in the zip is refused too.
 */
final class ModelZip {
    static final String METADATA_ENTRY = "metadata.json";
    static final String PARAMETERS_ENTRY = "parameters.djl";
    static final String LOG_ENTRY = "training.json";
    /** The stroke reader adapted with the model (teach mode), if any: a {@link StrokeReader} file. */
    static final String STROKE_READER_ENTRY = "stroke-reader" + StrokeReader.EXTENSION;
    /** A model's metadata.json takes under 1 KB. */
    static final int MAX_METADATA_BYTES = 64 * 1024;
    /** A run's curves, one point per progress report: a long run's log takes tens of KB. */
    static final int MAX_LOG_BYTES = 4 * 1024 * 1024;

    /** How much of a file to read. */
    enum Read {
        /** metadata.json only */
        METADATA,
        /** metadata.json and training.json; parameters.djl is checked for size, not kept */
        DESCRIPTION,
        /** everything */
        NETWORK,
        /** metadata.json and the stroke reader, if the file has one; parameters.djl is skipped */
        STROKE_READER
    }

    private ModelZip() {}

    /**
     * @param parameters null unless read for the network; @param logJson null when the file has no log;
     * @param strokeReader null unless read for the network and the file has one
     */
    record Contents(ModelMetadata metadata, byte[] parameters, String logJson, byte[] strokeReader) {}

    /** The most bytes the parameters may take, for the metadata read (null: the parameters came first). */
    @FunctionalInterface
    interface ParameterLimit {
        int bytes(ModelMetadata metadata) throws ModelFormatException;
    }

    /** @param limit asked before the parameters are read */
    static Contents read(InputStream in, String source, ParameterLimit limit, Read what) throws ModelFormatException {
        ModelMetadata metadata = null;
        byte[] parameters = null;
        String logJson = null;
        byte[] strokeReader = null;
        java.util.Set<String> seen = new java.util.HashSet<>();
        try (ZipInputStream zip = new ZipInputStream(new BufferedInputStream(in))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                String name = entry.getName();
                boolean known = METADATA_ENTRY.equals(name) || PARAMETERS_ENTRY.equals(name) || LOG_ENTRY.equals(name)
                        || STROKE_READER_ENTRY.equals(name);
                if (!known || !seen.add(name)) {
                    throw new ModelFormatException(source + " is not a DigitPad model file: it holds "
                            + (known ? name + " twice" : "an unexpected entry '" + printable(name) + "'") + ".");
                }
                if (METADATA_ENTRY.equals(name)) {
                    byte[] json = readAtMost(zip, MAX_METADATA_BYTES, source + " is not a valid model file: its " + name,
                            "far more than a model's metadata takes");
                    metadata = ModelMetadata.fromJson(new String(json, StandardCharsets.UTF_8), source);
                    if (what == Read.METADATA) {
                        return new Contents(metadata, null, null, null);
                    }
                } else if (LOG_ENTRY.equals(name)) {
                    byte[] json = readAtMost(zip, MAX_LOG_BYTES, source + " is not a valid model file: its " + name,
                            "far more than a training log takes");
                    logJson = new String(json, StandardCharsets.UTF_8);
                } else if (STROKE_READER_ENTRY.equals(name)) {
                    strokeReader = readAtMost(zip, StrokeReader.MAX_FILE_BYTES, source + " is not a valid model file: its " + name,
                            "more than any stroke reader takes");
                } else if (what == Read.STROKE_READER) {
                    continue; // the parameters are skipped unread
                } else {
                    String id = metadata != null ? metadata.architecture().id() : null;
                    parameters = readAtMost(zip, limit.bytes(metadata),
                            source + " is not a valid " + (id != null ? id + " " : "") + "model: its " + name,
                            id != null ? "what " + id + " parameters take (it is corrupt, or made for another architecture)"
                                    : "what the largest network's parameters take");
                }
            }
        } catch (ModelFormatException e) {
            throw e;
        } catch (ZipException | EOFException e) {
            throw new ModelFormatException(source + " is corrupt or truncated (" + oneLine(e.getMessage()) + ").", e);
        } catch (IOException | RuntimeException e) {
            throw new ModelFormatException(source + " cannot be read (" + oneLine(e.getMessage()) + ").", e);
        }
        if (what == Read.STROKE_READER && metadata != null) {
            return new Contents(metadata, null, logJson, strokeReader);
        }
        if (metadata == null || parameters == null) {
            throw new ModelFormatException(source + " is not a DigitPad model file (expected a zip with "
                    + METADATA_ENTRY + " and " + PARAMETERS_ENTRY + ").");
        }
        return new Contents(metadata, what == Read.NETWORK ? parameters : null, logJson,
                what == Read.NETWORK ? strokeReader : null);
    }

    /** Reads the rest of an entry unless it is longer than {@code most}: then "{@code whose} unpacks to more than N bytes, {@code what}." */
    private static byte[] readAtMost(InputStream in, int most, String whose, String what) throws IOException {
        byte[] bytes = in.readNBytes(most + 1);
        if (bytes.length > most) {
            throw new ModelFormatException(String.format(Locale.ROOT, "%s unpacks to more than %,d bytes, %s.", whose, most, what));
        }
        return bytes;
    }

    /** Messages from zip, JSON and engine code may span lines or quote hostile bytes; ours are one line. */
    static String oneLine(String message) {
        if (message == null) {
            return "no details";
        }
        String line = message.strip().lines().findFirst().orElse("");
        return printable(line);
    }

    private static String printable(String text) {
        String shown = text.length() > 200 ? text.substring(0, 200) + "…" : text;
        return shown.replaceAll("\\p{Cntrl}", "?");
    }
}
