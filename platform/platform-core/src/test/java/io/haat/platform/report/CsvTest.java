package io.haat.platform.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/** CSV as spreadsheets read it: RFC 4180 quoting, CRLF, no formula injection, numbers as they are. */
class CsvTest {

    @Test
    void quotesWhatNeedsQuotingAndDisarmsFormulas() {
        String csv = Csv.withHeader("day", "name", "amount_minor")
                .row(LocalDate.parse("2026-01-31"), "Tea, green \"premium\"", -150L)
                .row(null, "=HYPERLINK(\"x\")", 0)
                .row(null, "two\nlines", 12)
                .toString();
        assertThat(csv).isEqualTo("day,name,amount_minor\r\n"
                + "2026-01-31,\"Tea, green \"\"premium\"\"\",-150\r\n"
                + ",\"'=HYPERLINK(\"\"x\"\")\",0\r\n"
                + ",\"two\nlines\",12\r\n");
    }

    @Test
    void aDownloadIsTextCsvWithAFileName() {
        ResponseEntity<String> download = Csv.withHeader("a").row("@b").download("sales.csv");
        assertThat(download.getHeaders().getContentType()).hasToString("text/csv;charset=UTF-8");
        assertThat(download.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
                .isEqualTo("attachment; filename=\"sales.csv\"");
        assertThat(download.getBody()).isEqualTo("a\r\n'@b\r\n");
    }
}
