package io.haat.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class VersionsTest {

    @Test
    void theEditedVersionComesFromIfMatchOrTheBody() {
        assertThat(Versions.expected("\"3\"", null)).isEqualTo(3L);
        assertThat(Versions.expected(null, 4L)).isEqualTo(4L);
        assertThat(Versions.expected("W/\"5\"", 5L)).isEqualTo(5L);
        assertThat(Versions.expected("*", null)).isNull();
        assertThat(Versions.expected(null, null)).isNull();

        InvalidRequestException disagree = catchThrowableOfType(InvalidRequestException.class,
                () -> Versions.expected("\"3\"", 4L));
        assertThat(disagree.errors()).extracting(FieldProblem::field).containsExactly("version");
    }

    @Test
    void anOldVersionIsA412StaleVersionNamingTheCurrentOne() {
        assertThatCode(() -> Versions.requireCurrent("The store", null, 7)).doesNotThrowAnyException();
        assertThatCode(() -> Versions.requireCurrent("The store", 7L, 7)).doesNotThrowAnyException();

        StaleVersionException stale = catchThrowableOfType(StaleVersionException.class,
                () -> Versions.requireCurrent("The store", 6L, 7));
        assertThat(stale.status()).isEqualTo(HttpStatus.PRECONDITION_FAILED);
        assertThat(stale.type()).isEqualTo(ProblemTypes.STALE_VERSION);
        assertThat(stale.title()).isEqualTo("Stale version");
        assertThat(stale.detail()).isEqualTo("The store was changed since version 6 (now 7). Reload it and retry.");
        assertThat(stale.properties()).containsEntry("currentVersion", 7L);
    }
}
