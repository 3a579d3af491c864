package io.amoc.rmi.tls;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * A member's TLS material: the cluster CA's certificate (the only trust anchor) and the cluster's key pair with its
 * certificate chain. Every member (the master and each slave) holds the same material, so no certificate names a
 * host. A member without the key pair ({@link #trustOnly}) exists only in tests, as a client with no certificate.
 */
public final class TlsMaterial {

    /** TLS 1.3 only: no downgrade, and the client's certificate travels encrypted. */
    public static final String PROTOCOL = "TLSv1.3";
    /** How long before the end of validity {@code nodes} and the logs warn. */
    public static final Duration EXPIRY_WARNING = Duration.ofDays(14);
    static final String KEY_ALIAS = "member";
    static final String CA_ALIAS = "ca";

    private final X509Certificate ca;
    private final PrivateKey key;
    private final X509Certificate[] chain;
    private final SSLContext context;

    private TlsMaterial(X509Certificate ca, PrivateKey key, X509Certificate[] chain) throws GeneralSecurityException {
        this.ca = ca;
        this.key = key;
        this.chain = chain == null ? null : chain.clone();
        this.context = newContext();
    }

    /** Material that trusts {@code ca} and presents {@code key} with {@code chain} (leaf first). */
    public static TlsMaterial of(X509Certificate ca, PrivateKey key, X509Certificate... chain) throws TlsMaterialException {
        try {
            return new TlsMaterial(ca, key, chain);
        } catch (GeneralSecurityException e) {
            throw new TlsMaterialException("unusable TLS material: " + e.getMessage(), e);
        }
    }

    /** Material that trusts {@code ca} and has no certificate of its own. */
    public static TlsMaterial trustOnly(X509Certificate ca) throws TlsMaterialException {
        try {
            return new TlsMaterial(ca, null, null);
        } catch (GeneralSecurityException e) {
            throw new TlsMaterialException("unusable TLS material: " + e.getMessage(), e);
        }
    }

    /** The TLS 1.3 context: our key pair for both ends of a connection, the cluster CA as the only trust anchor. */
    public SSLContext context() {
        return context;
    }

    public X509Certificate ca() {
        return ca;
    }

    public Optional<PrivateKey> key() {
        return Optional.ofNullable(key);
    }

    public X509Certificate[] chain() {
        return chain == null ? new X509Certificate[0] : chain.clone();
    }

    /** The end of validity of the CA or the member certificate, whichever comes first. */
    public Instant notAfter() {
        Instant end = ca.getNotAfter().toInstant();
        if (chain != null && chain.length > 0 && chain[0].getNotAfter().toInstant().isBefore(end)) {
            end = chain[0].getNotAfter().toInstant();
        }
        return end;
    }

    /** A one-line warning when the material ends within {@link #EXPIRY_WARNING} of {@code now} (or has ended). */
    public Optional<String> expiryWarning(Instant now, java.nio.file.Path dir) {
        Instant end = notAfter();
        if (end.isAfter(now.plus(EXPIRY_WARNING))) {
            return Optional.empty();
        }
        LocalDate day = LocalDate.ofInstant(end, ZoneOffset.UTC);
        String when = end.isAfter(now) ? "expires on " + day + " (in " + Duration.between(now, end).toDays() + " days)"
                : "expired on " + day;
        return Optional.of("the cluster's TLS material in " + dir + " " + when + ": make new material with"
                + " 'bin/amoc tls init --force' and copy it to the master and every slave (or 'make deploy')");
    }

    private SSLContext newContext() throws GeneralSecurityException {
        KeyStore trusted = emptyStore();
        trusted.setCertificateEntry(CA_ALIAS, ca);
        TrustManagerFactory trust = TrustManagerFactory.getInstance("PKIX");
        trust.init(trusted);
        KeyManagerFactory keys = KeyManagerFactory.getInstance("PKIX");
        KeyStore own = emptyStore();
        char[] inMemory = new char[0];
        if (key != null) {
            own.setKeyEntry(KEY_ALIAS, key, inMemory, chain);
        }
        keys.init(own, inMemory);
        SSLContext tls = SSLContext.getInstance(PROTOCOL);
        tls.init(keys.getKeyManagers(), trust.getTrustManagers(), new SecureRandom());
        return tls;
    }

    private static KeyStore emptyStore() throws GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try {
            store.load(null, null);
        } catch (java.io.IOException impossible) {
            throw new GeneralSecurityException("cannot create an empty key store", impossible);
        }
        return store;
    }
}
