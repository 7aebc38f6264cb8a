package io.haat.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        assertThatThrownBy(() -> Paging.of(-1, 20)).isInstanceOf(BadRequestException.class)
                .hasMessageContaining("'page'");
        assertThatThrownBy(() -> Paging.of(0, 0)).isInstanceOf(BadRequestException.class)
                .hasMessageContaining("'size'");
        assertThatThrownBy(() -> Paging.of(0, 101)).isInstanceOf(BadRequestException.class)
                .hasMessageContaining("between 1 and 100");
    }

    @Test
    void offsetDoesNotOverflowAnInt() {
        assertThat(new Paging(Integer.MAX_VALUE, 100).offset()).isEqualTo(Integer.MAX_VALUE * 100L);
    }
}
