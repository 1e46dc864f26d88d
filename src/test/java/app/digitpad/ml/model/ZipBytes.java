package app.digitpad.ml.model;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** Model files taken apart and put together again in memory, for tests that damage them. */
final class ZipBytes {
    record Entry(String name, byte[] content) {}

    private ZipBytes() {}

    static byte[] bundled() {
        try (InputStream in = ModelFiles.class.getResourceAsStream(ModelFiles.BUNDLED_RESOURCE)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Entry> entries(byte[] zip) {
        List<Entry> entries = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                entries.add(new Entry(entry.getName(), in.readAllBytes()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    /**
     * @param stored no compression (quick to write; how a tool might store it)
     *     A name may repeat: ZipOutputStream refuses that, so a repeat is written under a stand-in
     *     name of the same length, patched afterwards.
     */
    static byte[] zip(List<Entry> entries, boolean stored) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<String> names = new ArrayList<>();
        List<String[]> patches = new ArrayList<>();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Entry entry : entries) {
                String name = entry.name();
                if (names.contains(name)) {
                    String standIn = name.substring(0, name.length() - 1) + "!#$%&()+,;=@[]^_{}~".charAt(patches.size());
                    patches.add(new String[] {standIn, name});
                    name = standIn;
                }
                names.add(name);
                ZipEntry zipEntry = new ZipEntry(name);
                if (stored) {
                    CRC32 crc = new CRC32();
                    crc.update(entry.content());
                    zipEntry.setMethod(ZipEntry.STORED);
                    zipEntry.setSize(entry.content().length);
                    zipEntry.setCrc(crc.getValue());
                }
                out.putNextEntry(zipEntry);
                out.write(entry.content());
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] zip = bytes.toByteArray();
        for (String[] patch : patches) {
            byte[] standIn = patch[0].getBytes(StandardCharsets.UTF_8);
            byte[] real = patch[1].getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i + standIn.length <= zip.length; i++) {
                if (Arrays.equals(zip, i, i + standIn.length, standIn, 0, standIn.length)) {
                    System.arraycopy(real, 0, zip, i, real.length);
                }
            }
        }
        return zip;
    }

    static Entry named(List<Entry> entries, String name) {
        return entries.stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow();
    }
}
