package io.haat.order.shipping;

import io.haat.events.Money;
import io.haat.platform.web.FieldProblem;
import io.haat.platform.web.InvalidRequestException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /stores/{id}/shipping-methods} and {@code PUT …/{methodId}} (the whole method): amounts in minor units
 * of {@code currency}. FLAT takes {@code flatRate}; BY_WEIGHT {@code perKgRate} and {@code baseRate} (default 0);
 * FREE_OVER {@code freeOver} and {@code flatRate} (the fee below it). Either {@code everywhere: true} or at least one
 * region. {@code active} defaults to true; {@code version} (or {@code If-Match}) makes an edit conditional.
 */
public record ShippingMethodRequest(
        @NotBlank @Size(max = 80) String name,
        @NotNull ShippingType type,
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code in upper case") String currency,
        @PositiveOrZero @Max(MAX_AMOUNT) Long flatRate,
        @PositiveOrZero @Max(MAX_AMOUNT) Long perKgRate,
        @PositiveOrZero @Max(MAX_AMOUNT) Long baseRate,
        @Positive @Max(MAX_AMOUNT) Long freeOver,
        @NotNull @Min(0) @Max(ShippingTerms.MAX_DAYS) Integer minDays,
        @NotNull @Min(0) @Max(ShippingTerms.MAX_DAYS) Integer maxDays,
        @Size(max = MAX_REGIONS) List<@NotNull @Valid RegionRequest> regions,
        Boolean everywhere,
        Boolean active,
        @PositiveOrZero Long version) {

    /** 10^11 minor units: far above any real fee, far below what a price sum could overflow at. */
    static final long MAX_AMOUNT = 100_000_000_000L;
    static final int MAX_REGIONS = 50;
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    /** A country (ISO 3166-1 alpha-2, upper case) and optionally some of its provinces. */
    public record RegionRequest(
            @NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code in upper case")
            String country,
            @Size(max = 100) List<@NotBlank @Size(max = 80) String> provinces) {
    }

    /** The terms, after the rules Bean Validation cannot express; every broken one is a field error (400). */
    public ShippingTerms toTerms() {
        List<FieldProblem> errors = new ArrayList<>();
        if (!isCurrency(currency)) {
            errors.add(new FieldProblem("currency", "is not an ISO 4217 currency"));
        }
        if (minDays > maxDays) {
            errors.add(new FieldProblem("maxDays", "must not be below minDays"));
        }
        checkRates(errors);
        List<ShippingRegion> area = regions(errors);
        InvalidRequestException.throwIfAny(errors);
        ShippingArea shippingArea = Boolean.TRUE.equals(everywhere) ? ShippingArea.anywhere() : ShippingArea.of(area);
        return new ShippingTerms(name.strip(), rate(), minDays, maxDays, shippingArea, active == null || active);
    }

    private void checkRates(List<FieldProblem> errors) {
        Map<String, Long> required = new LinkedHashMap<>();
        Map<String, Long> unused = new LinkedHashMap<>();
        switch (type) {
            case FLAT -> {
                required.put("flatRate", flatRate);
                unused.put("perKgRate", perKgRate);
                unused.put("baseRate", baseRate);
                unused.put("freeOver", freeOver);
            }
            case BY_WEIGHT -> {
                required.put("perKgRate", perKgRate);
                unused.put("flatRate", flatRate);
                unused.put("freeOver", freeOver);
            }
            case FREE_OVER -> {
                required.put("freeOver", freeOver);
                required.put("flatRate", flatRate);
                unused.put("perKgRate", perKgRate);
                unused.put("baseRate", baseRate);
            }
        }
        required.forEach((field, value) -> {
            if (value == null) {
                errors.add(new FieldProblem(field, "is required for type " + type));
            }
        });
        unused.forEach((field, value) -> {
            if (value != null) {
                errors.add(new FieldProblem(field, "does not apply to type " + type));
            }
        });
    }

    private List<ShippingRegion> regions(List<FieldProblem> errors) {
        List<RegionRequest> listed = regions == null ? List.of() : regions;
        if (Boolean.TRUE.equals(everywhere) && !listed.isEmpty()) {
            errors.add(new FieldProblem("regions", "must be empty when everywhere is true"));
        }
        if (!Boolean.TRUE.equals(everywhere) && listed.isEmpty()) {
            errors.add(new FieldProblem("regions", "must name at least one region, or set everywhere: true"));
        }
        Set<String> countries = new HashSet<>();
        List<ShippingRegion> result = new ArrayList<>();
        for (int i = 0; i < listed.size(); i++) {
            RegionRequest region = listed.get(i);
            String field = "regions[" + i + "].country";
            if (!COUNTRIES.contains(region.country())) {
                errors.add(new FieldProblem(field, "is not an ISO 3166-1 country"));
            } else if (!countries.add(region.country())) {
                errors.add(new FieldProblem(field, "is listed twice; list all its provinces in one region"));
            }
            result.add(new ShippingRegion(region.country(), provinces(region.provinces())));
        }
        return result;
    }

    /** Provinces as given, stripped, each once whatever its case. */
    private static List<String> provinces(List<String> given) {
        if (given == null) {
            return List.of();
        }
        Set<String> seen = new HashSet<>();
        return given.stream().map(String::strip).filter(p -> seen.add(p.toLowerCase(Locale.ROOT))).toList();
    }

    private ShippingRate rate() {
        return switch (type) {
            case FLAT -> new ShippingRate.Flat(money(flatRate));
            case BY_WEIGHT -> new ShippingRate.ByWeight(money(baseRate == null ? 0 : baseRate), money(perKgRate));
            case FREE_OVER -> new ShippingRate.FreeOver(money(freeOver), money(flatRate));
        };
    }

    private Money money(long amountMinor) {
        return new Money(amountMinor, currency);
    }

    private static boolean isCurrency(String code) {
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
