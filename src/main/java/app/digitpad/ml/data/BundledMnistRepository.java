package app.digitpad.ml.data;

import ai.djl.repository.Artifact;
import ai.djl.repository.MRL;
import ai.djl.repository.Metadata;
import ai.djl.repository.Repository;
import ai.djl.util.Progress;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * A DJL {@link Repository} over the gzipped MNIST files that ship with the app (classpath) or sit in
 * a folder, so DJL's {@code Mnist} dataset loads with no download. Each file is decompressed and
 * its IDX header checked when DJL opens it; the bytes are kept only for this repository's life.
 */
public final class BundledMnistRepository implements Repository {
    /** DJL's artifact item keys for MNIST, mapped to the original file names. */
    static final Map<String, String> FILES = Map.of(
            "train_data", "train-images-idx3-ubyte.gz",
            "train_labels", "train-labels-idx1-ubyte.gz",
            "test_data", "t10k-images-idx3-ubyte.gz",
            "test_labels", "t10k-labels-idx1-ubyte.gz");

    private final MnistSource source;
    private final List<MRL> resources = new ArrayList<>();
    private final Map<String, byte[]> checked = new HashMap<>();
    private final MessageDigest digest;

    public BundledMnistRepository(MnistSource source) {
        if (source.kind() == MnistSource.Kind.REMOTE) {
            throw new IllegalArgumentException("the remote source is DJL's own repository");
        }
        this.source = source;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Decompresses and checks one IDX file; image files must agree with their label file's count. */
    byte[] content(String key) throws IOException {
        byte[] cached = checked.get(key);
        if (cached != null) {
            return cached;
        }
        String fileName = FILES.get(key);
        byte[] content = gunzip(fileName);
        if (key.endsWith("_labels")) {
            IdxFormat.checkLabels(describe(fileName), content);
        } else {
            int images = IdxFormat.checkImages(describe(fileName), content);
            String labelKey = key.replace("_data", "_labels");
            int labels = IdxFormat.checkLabels(describe(FILES.get(labelKey)), content(labelKey));
            if (images != labels) {
                throw new DatasetException(describe(fileName) + " holds " + images + " images but "
                        + describe(FILES.get(labelKey)) + " holds " + labels + " labels.");
            }
        }
        digest.update(content);
        checked.put(key, content);
        return content;
    }

    /** SHA-256 over the decompressed files opened so far, in opening order. */
    public String sha256() {
        try {
            return HexFormat.of().formatHex(((MessageDigest) digest.clone()).digest());
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] gunzip(String fileName) throws IOException {
        try (InputStream raw = openRaw(fileName); GZIPInputStream in = new GZIPInputStream(raw, 1 << 16)) {
            return in.readAllBytes();
        } catch (ZipException | java.io.EOFException e) {
            throw new DatasetException(describe(fileName) + " is corrupt or truncated (" + e.getMessage() + ").", e);
        }
    }

    private InputStream openRaw(String fileName) throws IOException {
        if (source.kind() == MnistSource.Kind.BUNDLED) {
            InputStream in = BundledMnistRepository.class.getResourceAsStream(MnistSource.CLASSPATH_FOLDER + fileName);
            if (in == null) {
                throw new DatasetException("The bundled MNIST file " + fileName
                        + " is missing from the application (expected at classpath " + MnistSource.CLASSPATH_FOLDER + ").");
            }
            return in;
        }
        Path file = source.directory().resolve(fileName);
        try {
            return Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new DatasetException("MNIST file " + file + " does not exist.", e);
        }
    }

    private String describe(String fileName) {
        return source.kind() == MnistSource.Kind.BUNDLED ? "bundled " + fileName : source.directory().resolve(fileName).toString();
    }

    @Override
    public InputStream openStream(Artifact.Item item, String path) throws IOException {
        return new ByteArrayInputStream(content(item.getName()));
    }

    @Override
    public Metadata locate(MRL mrl) {
        Artifact artifact = artifact();
        Metadata metadata = new Metadata();
        metadata.setGroupId(mrl.getGroupId());
        metadata.setArtifactId(mrl.getArtifactId());
        metadata.setArtifacts(List.of(artifact));
        artifact.setMetadata(metadata);
        return metadata;
    }

    @Override
    public Artifact resolve(MRL mrl, Map<String, String> filter) {
        return locate(mrl).getArtifacts().get(0);
    }

    private static Artifact artifact() {
        Artifact artifact = new Artifact();
        artifact.setVersion("1.0");
        artifact.setName("mnist");
        Map<String, Artifact.Item> files = new LinkedHashMap<>();
        FILES.forEach((key, fileName) -> {
            Artifact.Item item = new Artifact.Item();
            item.setName(key);
            item.setUri(fileName);
            item.setArtifact(artifact);
            files.put(key, item);
        });
        artifact.setFiles(files);
        return artifact;
    }

    @Override
    public void prepare(Artifact artifact, Progress progress) {
        // Nothing to download: the files are local and are checked when opened.
    }

    @Override
    public boolean isRemote() {
        return false;
    }

    @Override
    public String getName() {
        return "digitpad-mnist";
    }

    @Override
    public URI getBaseUri() {
        return source.kind() == MnistSource.Kind.BUNDLED ? URI.create("classpath:" + MnistSource.CLASSPATH_FOLDER) : source.directory().toUri();
    }

    @Override
    public Path getFile(Artifact.Item item, String path) throws IOException {
        throw new IOException("bundled MNIST files are streamed, not extracted");
    }

    @Override
    public String[] listDirectory(Artifact.Item item, String path) {
        return new String[0];
    }

    @Override
    public Path getCacheDirectory() throws IOException {
        return Files.createTempDirectory("digitpad-mnist");
    }

    @Override
    public List<MRL> getResources() {
        return resources;
    }

    @Override
    public void addResource(MRL mrl) {
        resources.add(mrl);
    }
}
