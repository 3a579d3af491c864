package io.amoc.xmpp;

import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One SCRAM-SHA-256 login (RFC 5802, RFC 7677) on a raw client stream without TLS, written out here because
 * Smack 4.4 has no SCRAM-SHA-256 mechanism: it proves what the server offers and that it checks the proof, and
 * checks the server's signature in return.
 */
final class RawScramLogin {

    private static final int TIMEOUT_MS = 10_000;
    private static final int NONCE_BYTES = 18;
    private static final int KEY_BITS = 256;
    private static final String SASL_NS = "urn:ietf:params:xml:ns:xmpp-sasl";
    private static final Pattern MECHANISM = Pattern.compile("<mechanism>([^<]+)</mechanism>");
    private static final Pattern CHALLENGE_OR_FAILURE =
            Pattern.compile("<challenge[^>]*>([^<]*)</challenge>|<failure[^>]*>.*?</failure>|<failure[^>]*/>", Pattern.DOTALL);
    private static final Pattern SUCCESS_OR_FAILURE =
            Pattern.compile("<success[^>]*>([^<]*)</success>|<success[^>]*/>|<failure[^>]*>.*?</failure>|<failure[^>]*/>", Pattern.DOTALL);

    /** What happened: the mechanisms the server offered, whether it accepted, and whether its signature was right. */
    record Outcome(List<String> mechanisms, boolean accepted, boolean serverSignatureValid) {
    }

    private RawScramLogin() {
    }

    static Outcome login(int port, String domain, String username, String password)
            throws IOException, GeneralSecurityException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_MS);
            socket.setSoTimeout(TIMEOUT_MS);
            OutputStream out = socket.getOutputStream();
            Reader in = new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8);
            StringBuilder received = new StringBuilder();
            send(out, "<?xml version='1.0'?><stream:stream to='" + domain + "' xmlns='jabber:client'"
                    + " xmlns:stream='http://etherx.jabber.org/streams' version='1.0'>");
            readUntil(in, received, Pattern.compile("</stream:features>"));
            List<String> mechanisms = new ArrayList<>();
            MECHANISM.matcher(received).results().forEach(m -> mechanisms.add(m.group(1)));
            if (!mechanisms.contains("SCRAM-SHA-256")) {
                return new Outcome(mechanisms, false, false);
            }
            String clientFirstBare = "n=" + username + ",r=" + nonce();
            send(out, "<auth xmlns='" + SASL_NS + "' mechanism='SCRAM-SHA-256'>"
                    + base64("n,," + clientFirstBare) + "</auth>");
            Matcher challenge = readUntil(in, received, CHALLENGE_OR_FAILURE);
            if (challenge.group(1) == null) {
                return new Outcome(mechanisms, false, false);
            }
            String serverFirst = new String(Base64.getDecoder().decode(challenge.group(1)), StandardCharsets.UTF_8);
            return answer(out, in, received, mechanisms, clientFirstBare, serverFirst, password);
        }
    }

    /** The client-final message with its proof, then the server's verdict and signature. */
    private static Outcome answer(OutputStream out, Reader in, StringBuilder received, List<String> mechanisms,
                                  String clientFirstBare, String serverFirst, String password)
            throws IOException, GeneralSecurityException {
        byte[] salt = Base64.getDecoder().decode(attribute(serverFirst, 's'));
        int iterations = Integer.parseInt(attribute(serverFirst, 'i'));
        byte[] salted = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, KEY_BITS)).getEncoded();
        byte[] clientKey = hmac(salted, "Client Key");
        byte[] storedKey = MessageDigest.getInstance("SHA-256").digest(clientKey);
        String finalWithoutProof = "c=" + base64("n,,") + ",r=" + attribute(serverFirst, 'r');
        String authMessage = clientFirstBare + "," + serverFirst + "," + finalWithoutProof;
        byte[] proof = hmac(storedKey, authMessage);
        for (int i = 0; i < proof.length; i++) {
            proof[i] ^= clientKey[i];
        }
        send(out, "<response xmlns='" + SASL_NS + "'>"
                + base64(finalWithoutProof + ",p=" + Base64.getEncoder().encodeToString(proof)) + "</response>");
        Matcher outcome = readUntil(in, received, SUCCESS_OR_FAILURE);
        if (!outcome.group().startsWith("<success")) {
            return new Outcome(mechanisms, false, false);
        }
        String serverFinal = new String(Base64.getDecoder().decode(outcome.group(1) == null ? "" : outcome.group(1)),
                StandardCharsets.UTF_8);
        String expected = "v=" + Base64.getEncoder().encodeToString(hmac(hmac(salted, "Server Key"), authMessage));
        return new Outcome(mechanisms, true, serverFinal.equals(expected));
    }

    private static Matcher readUntil(Reader in, StringBuilder received, Pattern pattern) throws IOException {
        char[] buffer = new char[4096];
        int from = received.length();
        while (true) {
            Matcher matcher = pattern.matcher(received);
            if (matcher.find(from)) {
                return matcher;
            }
            int read = in.read(buffer);
            if (read < 0) {
                throw new IOException("the server closed the stream; it sent: " + received);
            }
            received.append(buffer, 0, read);
        }
    }

    private static String attribute(String message, char name) {
        for (String part : message.split(",")) {
            if (part.length() > 1 && part.charAt(0) == name && part.charAt(1) == '=') {
                return part.substring(2);
            }
        }
        throw new IllegalStateException("no " + name + "= in " + message);
    }

    private static byte[] hmac(byte[] key, String text) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String nonce() {
        byte[] bytes = new byte[NONCE_BYTES];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(OutputStream out, String xml) throws IOException {
        out.write(xml.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
