package org.yiwang.services.internal.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.yiwang.directory.Department;
import org.yiwang.directory.Directory;
import org.yiwang.directory.Division;
import org.yiwang.kernel.CitySettings;
import org.yiwang.kernel.SubjectType;
import org.yiwang.services.PartStatus;

/** The receipt renders on a machine with the WenQuanYi font and on one without any CJK font file. */
class ReceiptPdfTest {

    static final CitySettings CITY = new CitySettings(ZoneId.of("Asia/Shanghai"), "310104", "徐汇区", "310104-ZWFW",
            "310104-CY");

    static final Directory DIRECTORY = new Directory() {
        public Optional<Division> division(String code) { return Optional.empty(); }
        public List<Division> children(String code) { return List.of(); }
        public List<Division> within(String code, Division.Level level) { return List.of(); }
        public List<Division> lineage(String code) { return List.of(); }
        public Optional<Department> department(String code) {
            return Optional.of(new Department(code, "徐汇区行政服务中心", "Xuhui service centre", Department.Level.DISTRICT, "310104"));
        }
        public List<Department> departments() { return List.of(); }
    };

    static byte[] render(String font) {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/services");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        var receipt = new ReceiptPdf(CITY, DIRECTORY, messages, font);
        UUID id = UUID.randomUUID();
        var a = new ApplicationStore.ApplicationRow(id, "YW2026120100000042", Target.Kind.ITEM, "RIDE_HAILING",
                "网络预约出租汽车驾驶员证核发", SubjectType.PERSON, new byte[0], "刘*", null, Applicant.Channel.WINDOW,
                "clerk", List.of(), 8, 0, 3, Instant.parse("2026-12-01T16:30:00Z"));
        var p = new ApplicationStore.PartRow(UUID.randomUUID(), id, "RIDE_HAILING", "网络预约出租汽车驾驶员证核发",
                "310104-JT", "RIDE_HAILING_CHECK", List.of(), new byte[0], "{}", PartStatus.SUBMITTED, List.of(), null,
                null, LocalDate.of(2026, 12, 2), Instant.now());
        return receipt.render(a, "310104198806181234", List.of(p));
    }

    static String text(byte[] pdf) throws Exception {
        return new PdfTextExtractor(new PdfReader(pdf)).getTextFromPage(1);
    }

    @Test
    void withoutAFontFileTheReceiptFallsBackToTheReadersChineseFont() throws Exception {
        byte[] pdf = render("/nonexistent/font.ttc");
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        String text = text(pdf);
        assertThat(text).contains("YW2026120100000042").contains("2026-12-02 00:30").doesNotContain("310104198806181234");
    }

    @Test
    void withTheSystemFontTheChineseTextIsEmbeddedAndReadable() throws Exception {
        String font = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc";
        org.junit.jupiter.api.Assumptions.assumeTrue(new java.io.File(font).canRead(), "fonts-wqy-zenhei not installed");
        String text = text(render(font));
        assertThat(text).contains("YW2026120100000042").contains("受理回执").contains("徐汇区行政服务中心")
                .contains("3101**********1234").contains("2026-12-02");
    }
}
