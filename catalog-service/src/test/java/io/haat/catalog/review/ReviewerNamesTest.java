package io.haat.catalog.review;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The default review name: first name + last initial, never a full name or an e-mail address. */
class ReviewerNamesTest {

    @Test
    void firstNameAndLastInitial() {
        assertThat(ReviewerNames.fromParts("Sita", "Karki")).isEqualTo("Sita K.");
        assertThat(ReviewerNames.fromParts("Sita Devi", "Karki")).isEqualTo("Sita K.");
        assertThat(ReviewerNames.fromParts("  sita ", "karki")).isEqualTo("sita K.");
        assertThat(ReviewerNames.fromParts("Sita", "-")).as("Keycloak's missing last name").isEqualTo("Sita");
        assertThat(ReviewerNames.fromParts("Sita", null)).isEqualTo("Sita");
        assertThat(ReviewerNames.fromParts("सीता", "कार्की")).isEqualTo("सीता क.");
        assertThat(ReviewerNames.fromFullName("Ram Bahadur Thapa")).isEqualTo("Ram T.");
        assertThat(ReviewerNames.fromFullName("Ram")).isEqualTo("Ram");
    }

    @Test
    void nothingUsableIsAnonymousAndTheDefaultIsStable() {
        assertThat(ReviewerNames.fromFullName(null)).isEqualTo(ReviewerNames.ANONYMOUS);
        assertThat(ReviewerNames.fromFullName("  ")).isEqualTo(ReviewerNames.ANONYMOUS);
        assertThat(ReviewerNames.fromFullName("sita.karki@example.com")).isEqualTo(ReviewerNames.ANONYMOUS);
        assertThat(ReviewerNames.fromParts(null, null)).isEqualTo(ReviewerNames.ANONYMOUS);
        assertThat(ReviewerNames.fromFullName("Sita K.")).isEqualTo("Sita K.");
    }
}
