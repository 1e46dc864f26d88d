package app.digitpad.ui;

import app.digitpad.ml.model.EngineVersions;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Properties;

/**
 * What Help › About says: the versions of DigitPad and of what it runs on, and the licences of its
 * code and of the data it ships. Plain Java; {@link #gather()} loads the engine if it is not loaded
 * yet, so call it off the UI thread.
 */
public record AboutInfo(String digitPad, String djl, String engine, String javaFx, String java) {
    /** Licences, in the order shown: DigitPad's code and the data it ships first. */
    public static final List<String> LICENCES = List.of(
            "DigitPad's code: MIT licence (the LICENSE file).",
            "MNIST images and labels, bundled (Yann LeCun, Corinna Cortes, Christopher J.C. Burges): "
                    + "Creative Commons Attribution-Share Alike 3.0 (CC BY-SA 3.0), not the MIT licence.",
            "Pen-written digits, letters and symbols, bundled (UNIPEN train_r01_v07, International Unipen Foundation, "
                    + "via Zenodo): Creative Commons Attribution 4.0 (CC BY 4.0), not the MIT licence.",
            "Libraries: Deep Java Library (Apache 2.0), PyTorch (BSD 3-clause), OpenJFX (GPL 2 with the Classpath "
                    + "Exception), ControlsFX (BSD 3-clause), AtlantaFX (MIT), Gson (Apache 2.0), SLF4J (MIT), "
                    + "logback (EPL 1.0 / LGPL 2.1), picocli (Apache 2.0).");

    public static AboutInfo gather() {
        String engine;
        try {
            engine = EngineVersions.engine();
        } catch (RuntimeException | LinkageError e) {
            engine = "not available (" + e.getMessage() + ")";
        }
        return new AboutInfo(digitPadVersion(), EngineVersions.djl(), engine,
                System.getProperty("javafx.runtime.version", "unknown"), System.getProperty("java.runtime.version", "unknown"));
    }

    /** From the version.properties Maven writes at build time. */
    static String digitPadVersion() {
        try (InputStream in = AboutInfo.class.getResourceAsStream("/app/digitpad/version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", "unknown");
            return version.startsWith("${") ? "unknown" : version; // an unfiltered copy
        } catch (IOException e) {
            return "unknown";
        }
    }
}
