package io.amoc.http;

import io.amoc.config.Config;
import io.amoc.config.ConfigKeys;
import io.amoc.rmi.tls.TlsDirectory;
import io.amoc.rmi.tls.TlsFiles;
import io.amoc.rmi.tls.TlsMaterialException;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;

/**
 * The key pair the API's HTTPS presents: a PKCS12 key store of the operator's ({@code api_keystore}), or else the
 * cluster's material of {@code bin/amoc tls init} (its certificate names {@code amoc-cluster}; clients trust the
 * cluster CA and reach the master under that name, see docs/http-api.md). Clients are not asked for a certificate:
 * the bearer token is what admits them.
 */
final class ApiTls {

    private ApiTls() {
    }

    /** True when no key store of the operator's is configured: the cluster's material serves. */
    static boolean servesClusterMaterial(Config config) {
        return keystore(config).isEmpty();
    }

    private static Optional<String> keystore(Config config) {
        return ConfigKeys.API_KEYSTORE.find(config).map(String::strip).filter(s -> !s.isEmpty());
    }

    static SSLContext context(Config config, Path home) throws ApiConfigException {
        Optional<String> keystore = keystore(config);
        if (keystore.isEmpty()) {
            Path dir = TlsDirectory.of(config, home);
            try {
                return TlsFiles.read(dir).context();
            } catch (TlsMaterialException e) {
                throw new ApiConfigException("api_tls = on: " + e.getMessage(), e);
            }
        }
        Path store = home.resolve(keystore.get());
        Path passwordFile = ConfigKeys.API_KEYSTORE_PASSWORD_FILE.find(config).map(home::resolve)
                .orElseThrow(() -> new ApiConfigException("api_keystore " + store + " needs its password: set"
                        + " api_keystore_password_file to a 0600 file holding it"));
        return fromKeyStore(store, passwordFile);
    }

    private static SSLContext fromKeyStore(Path store, Path passwordFile) throws ApiConfigException {
        char[] password = null;
        try (InputStream in = Files.newInputStream(store)) {
            password = Files.readString(passwordFile, StandardCharsets.UTF_8).strip().toCharArray();
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(in, password);
            KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            managers.init(keys, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(managers.getKeyManagers(), null, new SecureRandom());
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new ApiConfigException("cannot use api_keystore " + store + " (" + e.getMessage() + "): give a"
                    + " PKCS12 file with a key and its certificate chain, and its password in"
                    + " api_keystore_password_file", e);
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
    }
}
