package io.haat.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;

import org.junit.jupiter.api.Test;

class PagingTest {

    @Test
    void defaultsToTheFirstPageOfTwenty() {
        assertThat(Paging.of(null, null)).isEqualTo(new Paging(0, 20));
        assertThat(Paging.of(3, 50).offset()).isEqualTo(150L);
    }

    @Test
    void sizeIsOneToOneHundredAndPageNotNegative() {
        assertThat(Paging.of(0, 1).size()).isEqualTo(1);
        assertThat(Paging.of(0, Paging.MAX_SIZE).size()).isEqualTo(100);
        assertThat(errorsOf(-1, 20)).containsExactly(new FieldProblem("page", "must be greater than or equal to 0"));
        assertThat(errorsOf(0, 0)).containsExactly(new FieldProblem("size", "must be between 1 and 100"));
        assertThat(errorsOf(0, 101)).containsExactly(new FieldProblem("size", "must be between 1 and 100"));
        assertThat(errorsOf(-1, 0)).extracting(FieldProblem::field).containsExactly("page", "size");
    }

    @Test
    void offsetDoesNotOverflowAnInt() {
        assertThat(new Paging(Integer.MAX_VALUE, 100).offset()).isEqualTo(Integer.MAX_VALUE * 100L);
    }

    @Test
    void aPageKeepsItsPositionWhenItsItemsAreConverted() {
        PageResponse<Integer> page = PageResponse.of(List.of(1, 2), new Paging(2, 2), 7);

        assertThat(page.map(i -> "#" + i)).isEqualTo(new PageResponse<>(List.of("#1", "#2"), 2, 2, 7));
    }

    private static List<FieldProblem> errorsOf(int page, int size) {
        return catchThrowableOfType(InvalidRequestException.class, () -> new Paging(page, size)).errors();
    }
}
