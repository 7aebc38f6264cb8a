package io.haat.seller.reservation;

import static org.assertj.core.api.Assertions.assertThat;

import io.haat.events.inventory.StockLine;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RequestedLinesTest {

    private static final String STORE_A = "00000000-0000-0000-0000-00000000000a";
    private static final String STORE_B = "00000000-0000-0000-0000-00000000000b";

    @Test
    void linesAreMergedAndSortedInLockOrder() {
        RequestedLines lines = RequestedLines.of(List.of(new StockLine(STORE_B, "Z", 1), new StockLine(STORE_A, "Y", 2),
                new StockLine(STORE_A, "X", 1), new StockLine(STORE_A, "Y", 3)));

        assertThat(lines.invalid()).isEmpty();
        assertThat(lines.valid()).extracting(l -> l.storeId() + "/" + l.sku() + "x" + l.quantity())
                .containsExactly(STORE_A + "/Xx1", STORE_A + "/Yx5", STORE_B + "/Zx1");
        assertThat(lines.storeIds()).containsExactly(UUID.fromString(STORE_A), UUID.fromString(STORE_B));
    }

    @Test
    void linesThatCannotBeUnderstoodAreSetApart() {
        RequestedLines lines = RequestedLines.of(List.of(new StockLine("not-a-store", "X", 1),
                new StockLine(STORE_A, " ", 1), new StockLine(STORE_A, "X", 0), new StockLine(STORE_A, "X", -2),
                new StockLine(STORE_A, "OK", 1), new StockLine(STORE_A, "BIG", Integer.MAX_VALUE),
                new StockLine(STORE_A, "BIG", 1)));

        assertThat(lines.invalid()).extracting(StockLine::sku).containsExactly("X", " ", "X", "X", "BIG");
        assertThat(lines.valid()).extracting(ReservationLine::sku).containsExactly("OK");
        assertThat(RequestedLines.of(null).valid()).isEmpty();
    }
}
