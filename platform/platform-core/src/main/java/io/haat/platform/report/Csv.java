package io.haat.platform.report;

import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A report as CSV (RFC 4180: comma-separated, CRLF line ends, fields with a comma, quote or line break quoted), and
 * safe to open in a spreadsheet: a text field starting with {@code = + - @} gets a leading apostrophe so it is never
 * evaluated as a formula. Numbers are written as they are.
 */
public final class Csv {

    public static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final StringBuilder text = new StringBuilder();

    private Csv() {
    }

    public static Csv withHeader(String... columns) {
        return new Csv().row((Object[]) columns);
    }

    /** One row; {@code null} is an empty field, a {@link Number} is written as is, anything else as text. */
    public Csv row(Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                text.append(',');
            }
            Object value = values[i];
            if (value instanceof Number number) {
                text.append(number);
            } else if (value != null) {
                text.append(field(value.toString()));
            }
        }
        text.append("\r\n");
        return this;
    }

    /** {@code 200 text/csv} with the rows, offered as a download named {@code fileName}. */
    public ResponseEntity<String> download(String fileName) {
        return ResponseEntity.ok().contentType(TEXT_CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"")
                .body(text.toString());
    }

    @Override
    public String toString() {
        return text.toString();
    }

    private static String field(String value) {
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
