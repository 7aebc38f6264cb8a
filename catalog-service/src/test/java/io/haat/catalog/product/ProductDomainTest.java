package io.haat.catalog.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.haat.events.Money;
import io.haat.events.catalog.ProductChanged;
import io.haat.platform.domain.IllegalTransition;
import io.haat.platform.domain.Transition;
import io.haat.platform.web.FieldProblem;
import io.haat.platform.web.InvalidRequestException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The product's rules: content checks and the transition table (legal → new state and its snapshot event; illegal →
 * refused; already there → no-op).
 */
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
                variant("A-2", "M", 900))), submit, true, NOW).state();
    }

    private static Product in(ProductStatus status) {
        return switch (status) {
            case DRAFT -> product(false);
            case PENDING_REVIEW -> product(true);
            case ACTIVE -> product(true).approve(NOW).state();
            case REJECTED -> product(true).reject("Blurry photos", NOW).state();
            case BANNED -> product(true).approve(NOW).state().ban("Counterfeit", NOW).state();
            case ARCHIVED -> product(true).approve(NOW).state().archive(NOW).state();
            case DELETED -> product(false).delete(NOW).state();
        };
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
        Transition<Product> created = Product.create("store-1", "seller-1", "user-1",
                content(List.of(variant("A-1", "S", 1000), variant("A-2", "M", 900))), true, true, NOW);
        Product submitted = created.state();
        assertThat(submitted.status()).isEqualTo(ProductStatus.PENDING_REVIEW);
        assertThat(submitted.currentVersion()).isZero();
        assertThat(submitted.minPriceMinor()).isEqualTo(900);
        assertThat(submitted.currency()).isEqualTo("NPR");
        assertThat(submitted.options()).containsExactly(new ProductOption("size", List.of("S", "M")));
        assertThat(submitted.isPublic()).isFalse();
        assertThat(created.events()).containsExactly(new ProductChanged(submitted.id(), "store-1", "seller-1", "Tee",
                "cat-1", io.haat.events.catalog.ProductStatus.PENDING_REVIEW, List.of(
                        new ProductChanged.Variant("A-1", new Money(1000, "NPR"), null, null),
                        new ProductChanged.Variant("A-2", new Money(900, "NPR"), null, null))));
    }

    @Test
    void moderationMovesPendingProductsToActiveOrRejected() {
        Product pending = product(true);
        Transition<Product> approved = pending.approve(NOW.plusSeconds(5));
        Product active = approved.state();
        assertThat(active.status()).isEqualTo(ProductStatus.ACTIVE);
        assertThat(active.publishedAt()).isEqualTo(NOW.plusSeconds(5));
        assertThat(active.updatedAt()).isEqualTo(NOW.plusSeconds(5));
        assertThat(active.currentVersion()).isEqualTo(pending.currentVersion() + 1);
        assertThat(active.isPublic()).isTrue();
        assertThat(approved.events()).containsExactly(active.snapshot());

        Product rejected = product(true).reject("Blurry photos", NOW).state();
        assertThat(rejected.status()).isEqualTo(ProductStatus.REJECTED);
        assertThat(rejected.statusReason()).isEqualTo("Blurry photos");
        assertThat(rejected.submit(NOW).state().status()).isEqualTo(ProductStatus.PENDING_REVIEW);
    }

    @Test
    void aSecondApprovalKeepsTheFirstPublicationDate() {
        Product archived = in(ProductStatus.ARCHIVED);
        Product reapproved = archived.submit(NOW.plusSeconds(60)).state().approve(NOW.plusSeconds(120)).state();
        assertThat(reapproved.publishedAt()).isEqualTo(NOW);
    }

    @Test
    void aSecondRejectionOrBanKeepsTheFirstReason() {
        Product rejected = in(ProductStatus.REJECTED);
        assertThat(rejected.reject("Other", NOW.plusSeconds(1))).isEqualTo(Transition.unchanged(rejected));
        Product banned = in(ProductStatus.BANNED);
        assertThat(banned.ban("Other", NOW.plusSeconds(1))).isEqualTo(Transition.unchanged(banned));
        assertThat(banned.statusReason()).isEqualTo("Counterfeit");
    }

    @Test
    void aRefusalNamesTheCurrentStatus() {
        assertThatThrownBy(() -> product(false).approve(NOW)).isInstanceOf(IllegalTransition.class)
                .hasMessageContaining("DRAFT cannot be approved");
        assertThatThrownBy(() -> in(ProductStatus.BANNED).edit(content(List.of(variant("A-1", "S", 1))), NOW))
                .isInstanceOf(IllegalTransition.class).hasMessageContaining("BANNED cannot be edited");
    }

    @Test
    void aLiftedBanReturnsTheProductToItsOwnerAsADraft() {
        Transition<Product> unbanned = in(ProductStatus.BANNED).unban(NOW);
        assertThat(unbanned.state().status()).isEqualTo(ProductStatus.DRAFT);
        assertThat(unbanned.state().statusReason()).isNull();
        assertThat(unbanned.events()).containsExactly(unbanned.state().snapshot());
    }

    @Test
    void anActiveProductWhoseDescriptionChangesGoesBackToReviewButAPriceChangeDoesNot() {
        Product active = in(ProductStatus.ACTIVE);
        Transition<Product> repriced = active.edit(content(List.of(variant("A-1", "S", 1200), variant("A-2", "M", 800))),
                NOW);
        assertThat(repriced.state().status()).isEqualTo(ProductStatus.ACTIVE);
        assertThat(repriced.state().minPriceMinor()).isEqualTo(800);
        assertThat(repriced.state().currentVersion()).isEqualTo(active.currentVersion() + 1);
        assertThat(repriced.events()).containsExactly(repriced.state().snapshot());

        ProductContent renamed = new ProductContent("Better tee", "A tee", "cat-1", "Haat", Map.of("material", "cotton"),
                active.variants());
        assertThat(active.edit(renamed, NOW).state().status()).isEqualTo(ProductStatus.PENDING_REVIEW);
    }

    /** Each action from each status: the new status, "no-op" or "refused" (the table in {@link Product}). */
    private static final String TABLE = """
            from            edit            submit          approve  reject    ban      unban  archive   delete
            DRAFT           DRAFT           PENDING_REVIEW  refused  refused   BANNED   no-op  ARCHIVED  DELETED
            PENDING_REVIEW  PENDING_REVIEW  no-op           ACTIVE   REJECTED  BANNED   no-op  ARCHIVED  DELETED
            ACTIVE          ACTIVE          refused         no-op    refused   BANNED   no-op  ARCHIVED  DELETED
            REJECTED        REJECTED        PENDING_REVIEW  refused  no-op     BANNED   no-op  ARCHIVED  DELETED
            BANNED          refused         refused         refused  refused   no-op    DRAFT  refused   refused
            ARCHIVED        ARCHIVED        PENDING_REVIEW  refused  refused   BANNED   no-op  no-op     DELETED
            DELETED         refused         refused         refused  refused   refused  no-op  refused   no-op
            """;

    @ParameterizedTest
    @EnumSource(ProductStatus.class)
    void transitionTable(ProductStatus from) {
        String[] expected = TABLE.lines().map(line -> line.split("\\s+"))
                .filter(row -> row[0].equals(from.name())).findFirst().orElseThrow();
        Instant later = NOW.plusSeconds(60);
        List<Function<Product, Transition<Product>>> actions = List.of(
                p -> p.edit(content(List.of(variant("A-1", "S", 1100), variant("A-2", "M", 900))), later),
                p -> p.submit(later),
                p -> p.approve(later), p -> p.reject("why", later), p -> p.ban("why", later), p -> p.unban(later),
                p -> p.archive(later), p -> p.delete(later));
        assertThat(expected).hasSize(actions.size() + 1);
        for (int i = 0; i < actions.size(); i++) {
            assertThat(outcome(in(from), actions.get(i), later)).as(from + " action " + i).isEqualTo(expected[i + 1]);
        }
    }

    private static String outcome(Product before, Function<Product, Transition<Product>> action, Instant at) {
        Transition<Product> t;
        try {
            t = action.apply(before);
        } catch (IllegalTransition refused) {
            assertThat(refused.fromStatus()).isEqualTo(before.status().name());
            assertThat(refused.type().toString()).endsWith("/illegal-product-transition");
            return "refused";
        }
        if (!t.changed()) {
            assertThat(t.state()).isSameAs(before);
            assertThat(t.events()).isEmpty();
            return "no-op";
        }
        assertThat(t.state().currentVersion()).isEqualTo(before.currentVersion() + 1);
        assertThat(t.state().updatedAt()).isEqualTo(at);
        assertThat(t.events()).containsExactly(t.state().snapshot());
        return t.state().status().name();
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
