package io.amoc.rmi.tls;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * The material on disk: {@value #KEYSTORE} (PKCS12: the CA's certificate and the cluster's key pair) and
 * {@value #PASSWORD} (its generated password). The directory is 0700 and both files 0600: whoever can read them is a
 * member of the cluster.
 */
public final class TlsFiles {

    public static final String KEYSTORE = "cluster.p12";
    public static final String PASSWORD = "cluster.pass";
    private static final Logger LOG = LoggerFactory.getLogger(TlsFiles.class);
    private static final int PASSWORD_BYTES = 24;
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");

    private TlsFiles() {
    }

    /** How long new material is valid: long enough that nobody turns TLS off, short enough to be rotated. */
    public static final Duration VALIDITY = Duration.ofDays(365);

    /**
     * What {@code bin/amoc tls init} does: a new CA and the cluster's key pair it signs, valid for {@link #VALIDITY},
     * written into {@code dir}. The CA's private key is not kept.
     */
    public static TlsMaterial createCluster(Path dir, boolean replace) throws TlsMaterialException {
        if (!replace && files(dir).stream().anyMatch(Files::exists)) {
            throw alreadyThere(dir);
        }
        TlsMaterial material = CertificateAuthority.create(VALIDITY).issueMember(VALIDITY);
        write(material, dir, replace);
        return material;
    }

    /** The files of the material in {@code dir}, in the order they are written. */
    public static List<Path> files(Path dir) {
        return List.of(dir.resolve(KEYSTORE), dir.resolve(PASSWORD));
    }

    /**
     * Writes {@code material} into {@code dir} (created 0700), with a new password. Refuses to replace existing
     * material unless {@code replace}; a replacement is written beside the old files and then moved over them.
     */
    public static void write(TlsMaterial material, Path dir, boolean replace) throws TlsMaterialException {
        if (!replace && files(dir).stream().anyMatch(Files::exists)) {
            throw alreadyThere(dir);
        }
        PrivateKey key = material.key().orElseThrow(() -> new IllegalArgumentException("material without a key"));
        char[] password = newPassword();
        try {
            Files.createDirectories(dir);
            Files.setPosixFilePermissions(dir, OWNER_ONLY_DIR);
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(TlsMaterial.KEY_ALIAS, key, password, material.chain());
            store.setCertificateEntry(TlsMaterial.CA_ALIAS, material.ca());
            Path newStore = ownerOnlyFile(dir.resolve(KEYSTORE + ".new"));
            try (OutputStream out = Files.newOutputStream(newStore)) {
                store.store(out, password);
            }
            Path newPassword = ownerOnlyFile(dir.resolve(PASSWORD + ".new"));
            Files.writeString(newPassword, new String(password) + "\n", StandardCharsets.US_ASCII);
            Files.move(newStore, dir.resolve(KEYSTORE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.move(newPassword, dir.resolve(PASSWORD), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | GeneralSecurityException e) {
            throw new TlsMaterialException("cannot write the TLS material to " + dir + ": " + e.getMessage(), e);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /**
     * Reads the material of {@code dir}. Missing, unreadable or expired material is an error that says how to make
     * new material; material readable by others is used, with a warning.
     */
    public static TlsMaterial read(Path dir) throws TlsMaterialException {
        char[] password = readPassword(dir);
        try (InputStream in = Files.newInputStream(dir.resolve(KEYSTORE))) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            Certificate ca = store.getCertificate(TlsMaterial.CA_ALIAS);
            Certificate[] chain = store.getCertificateChain(TlsMaterial.KEY_ALIAS);
            if (!(ca instanceof X509Certificate caCert) || chain == null
                    || !(store.getKey(TlsMaterial.KEY_ALIAS, password) instanceof PrivateKey key)) {
                throw new TlsMaterialException(dir.resolve(KEYSTORE) + " is not amoc's TLS material (no '"
                        + TlsMaterial.KEY_ALIAS + "' key or no '" + TlsMaterial.CA_ALIAS + "' certificate): "
                        + TlsDirectory.howToCreate(dir));
            }
            warnIfOthersCanRead(dir);
            TlsMaterial material = TlsMaterial.of(caCert, key,
                    Arrays.stream(chain).map(X509Certificate.class::cast).toArray(X509Certificate[]::new));
            if (!material.notAfter().isAfter(Instant.now())) {
                throw new TlsMaterialException(material.expiryWarning(Instant.now(), dir).orElseThrow());
            }
            return material;
        } catch (NoSuchFileException e) {
            throw new TlsMaterialException("no TLS material in " + dir + " (" + KEYSTORE + " is missing): "
                    + TlsDirectory.howToCreate(dir), e);
        } catch (IOException | GeneralSecurityException | ClassCastException e) {
            throw new TlsMaterialException("cannot read the TLS material in " + dir + " (" + e.getMessage() + "): "
                    + TlsDirectory.howToCreate(dir), e);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private static TlsMaterialException alreadyThere(Path dir) {
        return new TlsMaterialException(dir + " already holds TLS material (" + KEYSTORE + "): keep it, or make"
                + " new material with --force and copy it to the master and every slave again");
    }

    private static char[] readPassword(Path dir) throws TlsMaterialException {
        try {
            return Files.readString(dir.resolve(PASSWORD), StandardCharsets.US_ASCII).strip().toCharArray();
        } catch (NoSuchFileException e) {
            throw new TlsMaterialException("no TLS material in " + dir + " (" + PASSWORD + " is missing): "
                    + TlsDirectory.howToCreate(dir), e);
        } catch (IOException e) {
            throw new TlsMaterialException("cannot read " + dir.resolve(PASSWORD) + " (" + e.getMessage()
                    + "): it must be readable by the user that runs amoc", e);
        }
    }

    private static void warnIfOthersCanRead(Path dir) throws IOException {
        for (Path file : files(dir)) {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (!OWNER_ONLY_FILE.containsAll(permissions)) {
                LOG.warn("{} is {}: whoever can read it is a member of the cluster; chmod 600 it", file,
                        PosixFilePermissions.toString(permissions));
            }
        }
    }

    private static Path ownerOnlyFile(Path file) throws IOException {
        Files.deleteIfExists(file);
        try {
            return Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
        } catch (FileAlreadyExistsException raced) {
            throw new IOException(file + " appeared while the material was written; try again", raced);
        }
    }

    private static char[] newPassword() {
        byte[] bytes = new byte[PASSWORD_BYTES];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).toCharArray();
    }
}
