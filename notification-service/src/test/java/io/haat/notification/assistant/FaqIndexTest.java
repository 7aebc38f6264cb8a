package io.haat.notification.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The FAQ index: the curated set loads, words are normalised, and what the FAQ does not answer is not matched. */
class FaqIndexTest {

    private static final FaqIndex FAQ = AssistantConfiguration.faq();

    @ParameterizedTest
    @ValueSource(strings = {"red shawl under 3000", "is the iPhone case in stock", "pashmina scarf",
            "how much is the singing bowl", "dhaka topi price", "what is the meaning of life", "asdf qwerty"})
    void doesNotPretendToKnowWhatTheFaqDoesNotSay(String question) {
        assertThat(FAQ.best(question)).as(question).satisfiesAnyOf(
                match -> assertThat(match).isEmpty(),
                match -> assertThat(match.get().confident()).isFalse());
    }

    @Test
    void theCuratedSetIsLargeEnough() {
        assertThat(FAQ.entries()).hasSizeGreaterThanOrEqualTo(25);
        assertThat(FAQ.entries()).allSatisfy(entry -> assertThat(entry.questions()).hasSizeGreaterThanOrEqualTo(3));
    }

    @Test
    void normalisesWordsBeforeComparing() {
        assertThat(QuestionAnalyzer.terms("Deliveries were DELAYED, parcels returned!"))
                .containsExactly("ship", "delay", "ship", "return");
        assertThat(QuestionAnalyzer.terms("Can I pay cash on delivery?")).containsExactly("pay", "cod");
    }
}
