package org.yiwang.services.internal.application;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.yiwang.directory.Department;
import org.yiwang.directory.Directory;
import org.yiwang.kernel.CitySettings;
import org.yiwang.kernel.Masking;
import org.yiwang.kernel.SubjectType;

/**
 * The printable 受理回执 (acceptance receipt) of an application: its number, the applicant (masked), the items with
 * their departments and promised dates, the time in the city's zone and the service centre's name. Chinese text in
 * the system's CJK font when there is one (Debian's WenQuanYi Zen Hei, embedded as a subset), else in the PDF
 * viewer's own Chinese font (Adobe's STSong-Light, which every reader has and OpenPDF knows without a file); the
 * application number in Helvetica, so it stays searchable and copyable in both.
 */
@Component
class ReceiptPdf {

    private static final Logger log = LoggerFactory.getLogger(ReceiptPdf.class);
    private static final Locale RECEIPT = Locale.SIMPLIFIED_CHINESE;
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private final CitySettings city;
    private final Directory directory;
    private final MessageSource messages;
    private final String fontFile;
    private volatile BaseFont chinese;

    ReceiptPdf(CitySettings city, Directory directory, MessageSource messages,
               @Value("${yiwang.services.receipt-font:/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc}") String fontFile) {
        this.city = city;
        this.directory = directory;
        this.messages = messages;
        this.fontFile = fontFile;
    }

    /** Loaded at the first receipt, not at start-up: parsing a CJK font collection takes seconds. */
    private BaseFont chinese() {
        BaseFont font = chinese;
        if (font == null) {
            synchronized (this) {
                if (chinese == null) chinese = chineseFont(fontFile);
                font = chinese;
            }
        }
        return font;
    }

    /** The font file's first face, embedded; without the file, the reader's built-in Chinese font. */
    static BaseFont chineseFont(String fontFile) {
        try {
            if (fontFile != null && new File(fontFile).canRead()) {
                String face = fontFile.toLowerCase(Locale.ROOT).endsWith(".ttc") ? fontFile + ",0" : fontFile;
                return BaseFont.createFont(face, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
            }
        } catch (DocumentException | IOException e) {
            log.warn("Receipt font {} unusable ({}); using STSong-Light", fontFile, e.getMessage());
        }
        try {
            return BaseFont.createFont("STSong-Light", "UniGB-UCS2-H", BaseFont.NOT_EMBEDDED);
        } catch (DocumentException | IOException e) {
            throw new IllegalStateException("no CJK font for receipts", e);
        }
    }

    byte[] render(ApplicationStore.ApplicationRow a, String applicantKey, List<ApplicationStore.PartRow> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 56, 56, 56, 56);
        try {
            PdfWriter.getInstance(doc, out);
            doc.addTitle(text("services.receipt.title") + " " + a.reference());
            doc.open();
            BaseFont chinese = chinese();
            Font title = new Font(chinese, 18, Font.BOLD);
            Font body = new Font(chinese, 11);
            Font small = new Font(chinese, 9);
            Font latin = new Font(Font.HELVETICA, 11);
            String centre = directory.department(city.serviceCentre()).map(Department::name).orElse(city.serviceCentre());
            Paragraph heading = new Paragraph(centre + " " + text("services.receipt.title"), title);
            heading.setAlignment(Element.ALIGN_CENTER);
            heading.setSpacingAfter(18);
            doc.add(heading);

            PdfPTable facts = new PdfPTable(new float[] {1, 3});
            facts.setWidthPercentage(100);
            row(facts, text("services.mine.reference"), new Phrase(a.reference(), latin), body);
            row(facts, text("services.apply.applicant"), new Phrase(applicant(a, applicantKey), body), body);
            row(facts, text("services.mine.target"), new Phrase(a.targetName(), body), body);
            row(facts, text("services.receipt.channel"), new Phrase(text("services.receipt.channel." + a.channel()), body), body);
            row(facts, text("services.receipt.time"),
                    new Phrase(MINUTE.format(a.submittedAt().atZone(city.zone())), latin), body);
            doc.add(facts);

            Paragraph itemsHeading = new Paragraph(text("services.receipt.items"), body);
            itemsHeading.setSpacingBefore(14);
            itemsHeading.setSpacingAfter(6);
            doc.add(itemsHeading);
            PdfPTable items = new PdfPTable(new float[] {3, 2, 1.3f});
            items.setWidthPercentage(100);
            for (String h : List.of("services.receipt.item", "services.receipt.department", "services.receipt.due")) {
                PdfPCell cell = new PdfPCell(new Phrase(text(h), body));
                cell.setGrayFill(0.92f);
                cell.setPadding(5);
                items.addCell(cell);
            }
            for (ApplicationStore.PartRow p : parts) {
                items.addCell(cell(new Phrase(p.itemName(), body)));
                items.addCell(cell(new Phrase(directory.department(p.department()).map(Department::name)
                        .orElse(p.department()), body)));
                items.addCell(cell(new Phrase(DAY.format(p.dueOn()), latin)));
            }
            doc.add(items);

            Paragraph note = new Paragraph(text("services.receipt.note", a.reference()), small);
            note.setSpacingBefore(18);
            doc.add(note);
            doc.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("receipt " + a.reference() + " not rendered", e);
        }
        return out.toByteArray();
    }

    private static String applicant(ApplicationStore.ApplicationRow a, String key) {
        if (a.applicantType() == SubjectType.PERSON) {
            return Masking.name(a.applicantName().replace("*", "")) + " " + Masking.citizenId(key);
        }
        return a.applicantName() + " " + key; // an enterprise's name and credit code are public
    }

    private static void row(PdfPTable table, String label, Phrase value, Font font) {
        PdfPCell l = cell(new Phrase(label, font));
        l.setGrayFill(0.95f);
        table.addCell(l);
        table.addCell(cell(value));
    }

    private static PdfPCell cell(Phrase phrase) {
        PdfPCell c = new PdfPCell(phrase);
        c.setPadding(5);
        return c;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, RECEIPT);
    }
}
