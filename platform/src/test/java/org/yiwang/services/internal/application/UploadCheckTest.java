package org.yiwang.services.internal.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.yiwang.kernel.InvalidInputException.Violation;

class UploadCheckTest {

    static final byte[] PDF = "%PDF-1.7 contract".getBytes(StandardCharsets.US_ASCII);
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0};
    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0};

    private static String rule(String name, byte[] content) {
        return UploadCheck.problem("f", name, content).map(Violation::rule).orElse(null);
    }

    @Test
    void aRealPdfJpegOrPngWithAMatchingNamePasses() {
        assertThat(rule("合同.pdf", PDF)).isNull();
        assertThat(rule("scan.PNG", PNG)).isNull();
        assertThat(rule("photo.jpeg", JPEG)).isNull();
        assertThat(rule("photo.jpg", JPEG)).isNull();
        assertThat(UploadCheck.contentType(PNG)).isEqualTo("image/png");
    }

    @Test
    void aPageOrAProgramNamedPdfIsRefusedByItsContent() {
        assertThat(rule("contract.pdf", "<html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("upload-type");
        assertThat(rule("contract.pdf", new byte[] {'M', 'Z', 0, 0})).isEqualTo("upload-type");
        assertThat(rule("contract.png", PDF)).isEqualTo("upload-extension");
        assertThat(UploadCheck.contentType("text".getBytes(StandardCharsets.UTF_8))).isEqualTo("application/octet-stream");
    }

    @Test
    void aPathOrControlCharactersInTheNameAreRefused() {
        assertThat(rule("../../etc/contract.pdf", PDF)).isEqualTo("upload-name");
        assertThat(rule("C:\\temp\\contract.pdf", PDF)).isEqualTo("upload-name");
        assertThat(rule("contract\u0000.pdf", PDF)).isEqualTo("upload-name");
        assertThat(rule("contract\u202Efdp.exe", PDF)).isEqualTo("upload-name");
        assertThat(rule(" ", PDF)).isEqualTo("upload-name");
        assertThat(rule("a".repeat(200) + ".pdf", PDF)).isEqualTo("upload-name");
    }

    @Test
    void anEmptyOrOversizedFileIsRefused() {
        assertThat(rule("a.pdf", new byte[0])).isEqualTo("upload-empty");
        byte[] big = new byte[UploadCheck.MAX_BYTES + 1];
        System.arraycopy(PDF, 0, big, 0, PDF.length);
        assertThat(rule("a.pdf", big)).isEqualTo("upload-size");
    }
}
