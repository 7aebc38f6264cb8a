package io.haat.catalog.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.haat.events.Money;
import io.haat.platform.web.FieldProblem;
import io.haat.platform.web.InvalidRequestException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The product's rules: content checks and the status machine. */
class ProductDomainTest {

    private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");

    private static Variant variant(String sku, String size, long price) {
        return new Variant(sku, Map.of("size", size), new Money(price, "NPR"), null, null);
    }

    private static ProductContent content(List<Variant> variants) {
        return new ProductContent("Tee", "A tee", "cat-1", "Haat", Map.of("material", "cotton"), variants);
    }

    private static Product product(boolean submit) {
        return Product.create("store-1", "seller-1", "user-1", content(List.of(variant("A-1", "S", 1000),
                variant("A-2", "M", 900))), submit, true, NOW);
    }

    private static List<FieldProblem> errorsOf(Runnable action) {
        try {
            action.run();
        } catch (InvalidRequestException e) {
            return e.errors();
        }
        throw new AssertionError("no validation problem");
    }

    @Test
    void aNewProductIsADraftOrPendingReviewAndPricedAtItsCheapestVariant() {
        assertThat(product(false).status()).isEqualTo(ProductStatus.DRAFT);
        Product submitted = product(true);
        assertThat(submitted.status()).isEqualTo(ProductStatus.PENDING_REVIEW);
        assertThat(submitted.minPriceMinor()).isEqualTo(900);
        assertThat(submitted.currency()).isEqualTo("NPR");
        assertThat(submitted.options()).containsExactly(new ProductOption("size", List.of("S", "M")));
        assertThat(submitted.isPublic()).isFalse();
    }

    @Test
    void moderationMovesPendingProductsToActiveOrRejected() {
        Product active = product(true).approve(NOW);
        assertThat(active.status()).isEqualTo(ProductStatus.ACTIVE);
        assertThat(active.publishedAt()).isEqualTo(NOW);
        assertThat(active.isPublic()).isTrue();

        Product rejected = product(true).reject("Blurry photos", NOW);
        assertThat(rejected.status()).isEqualTo(ProductStatus.REJECTED);
        assertThat(rejected.statusReason()).isEqualTo("Blurry photos");
        assertThat(rejected.submit(NOW).status()).isEqualTo(ProductStatus.PENDING_REVIEW);
    }

    @Test
    void illegalTransitionsAreRefused() {
        assertThatThrownBy(() -> product(false).approve(NOW)).isInstanceOf(IllegalProductTransition.class)
                .hasMessageContaining("DRAFT cannot be approved");
        Product banned = product(true).approve(NOW).ban("Counterfeit", NOW);
        assertThat(banned.status()).isEqualTo(ProductStatus.BANNED);
        assertThatThrownBy(() -> banned.edit(content(List.of(variant("A-1", "S", 1))), NOW))
                .isInstanceOf(IllegalProductTransition.class);
        assertThatThrownBy(() -> banned.delete(NOW)).isInstanceOf(IllegalProductTransition.class);
        assertThatThrownBy(() -> banned.archive(NOW)).isInstanceOf(IllegalProductTransition.class);
        assertThat(banned.unban(NOW).status()).isEqualTo(ProductStatus.DRAFT);
        Product deleted = product(false).delete(NOW);
        assertThatThrownBy(() -> deleted.submit(NOW)).isInstanceOf(IllegalProductTransition.class);
        assertThatThrownBy(() -> product(true).approve(NOW).approve(NOW)).isInstanceOf(IllegalProductTransition.class);
    }

    @Test
    void archivedProductsCanBeSubmittedAgain() {
        Product archived = product(true).approve(NOW).archive(NOW);
        assertThat(archived.status()).isEqualTo(ProductStatus.ARCHIVED);
        assertThat(archived.isPublic()).isFalse();
        assertThat(archived.submit(NOW).status()).isEqualTo(ProductStatus.PENDING_REVIEW);
    }

    @Test
    void anActiveProductWhoseDescriptionChangesGoesBackToReviewButAPriceChangeDoesNot() {
        Product active = product(true).approve(NOW);
        Product repriced = active.edit(content(List.of(variant("A-1", "S", 1200), variant("A-2", "M", 800))), NOW);
        assertThat(repriced.status()).isEqualTo(ProductStatus.ACTIVE);
        assertThat(repriced.minPriceMinor()).isEqualTo(800);

        ProductContent renamed = new ProductContent("Better tee", "A tee", "cat-1", "Haat", Map.of("material", "cotton"),
                active.variants());
        assertThat(active.edit(renamed, NOW).status()).isEqualTo(ProductStatus.PENDING_REVIEW);
    }

    @Test
    void skusMustBeUniqueWithinAProductIgnoringCase() {
        assertThat(errorsOf(() -> content(List.of(variant("A-1", "S", 1), variant("a-1", "M", 1)))))
                .extracting(FieldProblem::field).containsExactly("variants[1].sku");
    }

    @Test
    void aProductHasOneCurrencyAndCompareAtPricesAboveThePrice() {
        Variant usd = new Variant("B-2", Map.of("size", "M"), new Money(100, "USD"), null, null);
        assertThat(errorsOf(() -> content(List.of(variant("B-1", "S", 100), usd))))
                .extracting(FieldProblem::field).containsExactly("variants[1].price.currency");

        Variant cheaperCompareAt = new Variant("C-1", Map.of("size", "S"), new Money(100, "NPR"), new Money(90, "NPR"), null);
        assertThat(errorsOf(() -> content(List.of(cheaperCompareAt))))
                .extracting(FieldProblem::field).containsExactly("variants[0].compareAtPrice");
    }

    @Test
    void variantsNameTheSameOptionsAndDifferInTheirValues() {
        Variant noOptions = new Variant("D-2", Map.of(), new Money(1, "NPR"), null, null);
        assertThat(errorsOf(() -> content(List.of(variant("D-1", "S", 1), noOptions))))
                .extracting(FieldProblem::field).containsExactly("variants[1].options");
        assertThat(errorsOf(() -> content(List.of(variant("E-1", "S", 1), variant("E-2", "S", 2)))))
                .extracting(FieldProblem::message).containsExactly("repeats the option values of another variant");
    }

    @Test
    void attributeNamesCannotBreakTheDocumentModel() {
        assertThat(errorsOf(() -> new ProductContent("Tee", null, "c", null, Map.of("a.b", "x"),
                List.of(variant("F-1", "S", 1))))).extracting(FieldProblem::field).containsExactly("attributes");
    }

    @Test
    void invalidMoneyIsAFieldError() {
        var errors = new java.util.ArrayList<FieldProblem>();
        assertThat(new MoneyRequest(100L, "XYZ").toMoney("variants[0].price", errors)).isNull();
        assertThat(errors).containsExactly(new FieldProblem("variants[0].price.currency", "is not an ISO 4217 currency code"));
    }
}
