package org.articula.payments.mapping;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Prints a statement page (the XHTML of {@link StatementHtml}) to PDF with openhtmltopdf. DejaVu Sans,
 * regular and bold, is embedded (subset) from the jasperreports-fonts jar on the class path: every
 * Spanish letter and sign (á, ñ, °) prints the same on any machine, and nothing is fetched at run time.
 */
public final class StatementPdf {

    static final String FAMILY = "DejaVu Sans";
    private static final String FONTS = "/net/sf/jasperreports/fonts/dejavu/";

    private StatementPdf() {
    }

    public static byte[] print(String xhtml) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.useFont(() -> font("DejaVuSans.ttf"), FAMILY, 400, FontStyle.NORMAL, true);
        builder.useFont(() -> font("DejaVuSans-Bold.ttf"), FAMILY, 700, FontStyle.NORMAL, true);
        builder.withHtmlContent(xhtml, null);
        builder.toStream(out);
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("No se pudo generar el PDF de la liquidación", e);
        }
        return out.toByteArray();
    }

    private static InputStream font(String file) {
        InputStream in = StatementPdf.class.getResourceAsStream(FONTS + file);
        if (in == null) {
            throw new IllegalStateException(
                    "Font " + FONTS + file + " missing from the class path (jasperreports-fonts)");
        }
        return in;
    }
}
