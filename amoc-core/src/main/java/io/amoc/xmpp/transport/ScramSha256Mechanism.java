package io.amoc.xmpp.transport;

import org.jivesoftware.smack.SmackException.SmackSaslException;
import org.jivesoftware.smack.sasl.SASLMechanism;

import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import javax.security.auth.callback.CallbackHandler;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * SASL SCRAM-SHA-256 (RFC 5802 with RFC 7677's hash), without channel binding. Smack 4.4 has only SCRAM-SHA-1:
 * its SCRAM code computes the stored key with SHA-1 whatever the HMAC, so it cannot be reused for SHA-256.
 */
final class ScramSha256Mechanism extends SASLMechanism {

    static final String NAME = "SCRAM-SHA-256";
    /** Before SCRAM-SHA-1 (110) when the server offers both; lower is preferred. */
    private static final int PRIORITY = 105;
    private static final String HMAC = "HmacSHA256";
    private static final String HASH = "SHA-256";
    private static final String PBKDF2 = "PBKDF2WithHmacSHA256";
    private static final int KEY_BITS = 256;
    private static final int NONCE_BYTES = 24;
    private static final String GS2_HEADER = "n,,";
    private static final SecureRandom RANDOM = new SecureRandom();

    private String clientNonce;
    private String clientFirstBare;
    private byte[] expectedServerSignature;
    private boolean serverVerified;

    @Override
    protected void authenticateInternal(CallbackHandler handler) {
        throw new UnsupportedOperationException("SCRAM-SHA-256 takes the password from the configuration");
    }

    @Override
    protected byte[] getAuthenticationText() {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        clientNonce = Base64.getEncoder().withoutPadding().encodeToString(nonce);
        clientFirstBare = "n=" + escape(saslPrep(authenticationId)) + ",r=" + clientNonce;
        return toBytes(GS2_HEADER + clientFirstBare);
    }

    @Override
    protected byte[] evaluateChallenge(byte[] challenge) throws SmackSaslException {
        String message = new String(challenge, StandardCharsets.UTF_8);
        if (expectedServerSignature == null) {
            return clientFinal(message);
        }
        Map<Character, String> attributes = attributes(message);
        if (attributes.containsKey('e')) {
            throw new SmackSaslException("SCRAM-SHA-256: the server refused: " + attributes.get('e'));
        }
        byte[] signature = Base64.getDecoder().decode(required(attributes, 'v'));
        if (!MessageDigest.isEqual(signature, expectedServerSignature)) {
            throw new SmackSaslException("SCRAM-SHA-256: the server's signature does not match (not the real server?)");
        }
        serverVerified = true;
        return null;
    }

    private byte[] clientFinal(String serverFirst) throws SmackSaslException {
        Map<Character, String> attributes = attributes(serverFirst);
        String nonce = required(attributes, 'r');
        if (!nonce.startsWith(clientNonce) || nonce.length() == clientNonce.length()) {
            throw new SmackSaslException("SCRAM-SHA-256: the server's nonce does not extend ours");
        }
        int iterations;
        try {
            iterations = Integer.parseInt(required(attributes, 'i'));
        } catch (NumberFormatException e) {
            throw new SmackSaslException("SCRAM-SHA-256: iteration count is not a number", e);
        }
        byte[] salt = Base64.getDecoder().decode(required(attributes, 's'));
        String withoutProof = "c=" + Base64.getEncoder().encodeToString(toBytes(GS2_HEADER)) + ",r=" + nonce;
        byte[] authMessage = toBytes(clientFirstBare + ',' + serverFirst + ',' + withoutProof);
        try {
            byte[] salted = hi(saslPrep(password), salt, iterations);
            byte[] clientKey = hmac(salted, "Client Key");
            byte[] storedKey = MessageDigest.getInstance(HASH).digest(clientKey);
            byte[] signature = hmac(storedKey, authMessage);
            byte[] proof = new byte[clientKey.length];
            for (int i = 0; i < proof.length; i++) {
                proof[i] = (byte) (clientKey[i] ^ signature[i]);
            }
            expectedServerSignature = hmac(hmac(salted, "Server Key"), authMessage);
            return toBytes(withoutProof + ",p=" + Base64.getEncoder().encodeToString(proof));
        } catch (GeneralSecurityException e) {
            throw new SmackSaslException("SCRAM-SHA-256: " + e.getMessage(), e);
        }
    }

    @Override
    public void checkIfSuccessfulOrThrow() throws SmackSaslException {
        if (!serverVerified) {
            throw new SmackSaslException("SCRAM-SHA-256: the server did not prove that it knows the password");
        }
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public int getPriority() {
        return PRIORITY;
    }

    @Override
    protected SASLMechanism newInstance() {
        return new ScramSha256Mechanism();
    }

    private static byte[] hi(String password, byte[] salt, int iterations) throws GeneralSecurityException {
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, KEY_BITS);
        return SecretKeyFactory.getInstance(PBKDF2).generateSecret(spec).getEncoded();
    }

    private static byte[] hmac(byte[] key, String text) throws GeneralSecurityException {
        return hmac(key, text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] hmac(byte[] key, byte[] text) throws GeneralSecurityException {
        Mac mac = Mac.getInstance(HMAC);
        mac.init(new SecretKeySpec(key, HMAC));
        return mac.doFinal(text);
    }

    /** RFC 5802 saslname: '=' and ',' escaped. */
    private static String escape(String name) {
        return name.replace("=", "=3D").replace(",", "=2C");
    }

    private static Map<Character, String> attributes(String message) {
        Map<Character, String> attributes = new HashMap<>();
        for (String part : message.split(",")) {
            if (part.length() > 1 && part.charAt(1) == '=') {
                attributes.put(part.charAt(0), part.substring(2));
            }
        }
        return attributes;
    }

    private static String required(Map<Character, String> attributes, char name) throws SmackSaslException {
        String value = attributes.get(name);
        if (value == null) {
            throw new SmackSaslException("SCRAM-SHA-256: the server's message has no '" + name + "' attribute");
        }
        return value;
    }
}
