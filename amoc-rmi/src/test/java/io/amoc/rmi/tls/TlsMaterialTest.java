package io.amoc.rmi.tls;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The material's life: written and read back, the warning two weeks before its end, and refused once expired. */
class TlsMaterialTest {

    @TempDir
    Path dir;

    @Test
    void materialWrittenIsReadBackWithTheSameCaAndKey() throws Exception {
        TlsMaterial written = TlsFiles.createCluster(dir, false);

        TlsMaterial read = TlsFiles.read(dir);

        assertEquals(written.ca(), read.ca());
        assertEquals(written.chain()[0], read.chain()[0]);
        assertEquals(written.key().orElseThrow(), read.key().orElseThrow());
    }

    @Test
    void theWarningComesTwoWeeksBeforeTheEndAndNotBefore() throws Exception {
        CertificateAuthority ca = CertificateAuthority.create(Duration.ofDays(365));
        Instant now = Instant.now();
        TlsMaterial endsInTenDays = ca.issueMember(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(10)));
        TlsMaterial endsInAMonth = ca.issueMember(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)));

        String warning = endsInTenDays.expiryWarning(now, dir).orElseThrow();

        assertTrue(warning.contains("expires on") && warning.contains("bin/amoc tls init --force"), warning);
        assertTrue(endsInAMonth.expiryWarning(now, dir).isEmpty());
    }

    @Test
    void expiredMaterialIsRefusedWithTheCommandThatReplacesIt() throws Exception {
        CertificateAuthority ca = CertificateAuthority.create(Duration.ofDays(365));
        Instant now = Instant.now();
        TlsFiles.write(ca.issueMember(now.minus(Duration.ofDays(10)), now.minus(Duration.ofDays(1))), dir, false);

        TlsMaterialException refused = assertThrows(TlsMaterialException.class, () -> TlsFiles.read(dir));

        assertTrue(refused.getMessage().contains("expired on") && refused.getMessage().contains("tls init --force"),
                refused.getMessage());
    }
}
