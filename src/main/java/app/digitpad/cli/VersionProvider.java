package app.digitpad.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** {@code digitpad --version}: the versions the build wrote into {@code version.properties}, and the Java it runs on. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
        Properties versions = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                throw new IOException("version.properties is missing from the application.");
            }
            versions.load(in);
        }
        return new String[] {
            "DigitPad " + versions.getProperty("digitpad"),
            "Deep Java Library " + versions.getProperty("djl") + ", PyTorch " + versions.getProperty("pytorch") + " (CPU)",
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"
        };
    }
}
