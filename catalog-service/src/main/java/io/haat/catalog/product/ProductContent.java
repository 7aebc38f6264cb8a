package io.haat.catalog.product;

import io.haat.events.Money;
import io.haat.platform.web.FieldProblem;
import io.haat.platform.web.InvalidRequestException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a seller writes about a product, checked as a whole: SKUs unique within the product, one currency for
 * every price, compare-at prices above prices, every variant naming the same options and no two variants alike.
 * Each broken rule is a field error of a 400 validation problem.
 */
public record ProductContent(String name, String description, String categoryId, String brand,
                             Map<String, String> attributes, List<Variant> variants) {

    public ProductContent {
        attributes = attributes == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        variants = List.copyOf(variants);
        List<FieldProblem> errors = new ArrayList<>();
        checkAttributes(attributes, errors);
        checkVariants(variants, errors);
        InvalidRequestException.throwIfAny(errors);
    }

    /** The options customers choose from, in the order the variants first name them. */
    public List<ProductOption> options() {
        Map<String, Set<String>> values = new LinkedHashMap<>();
        for (Variant v : variants) {
            v.options().forEach((name, value) -> values.computeIfAbsent(name, k -> new LinkedHashSet<>()).add(value));
        }
        return values.entrySet().stream().map(e -> new ProductOption(e.getKey(), List.copyOf(e.getValue()))).toList();
    }

    public Money lowestPrice() {
        return variants.stream().map(Variant::price).min(java.util.Comparator.comparingLong(Money::amountMinor))
                .orElseThrow();
    }

    public String currency() {
        return variants.getFirst().price().currency();
    }

    public List<String> skus() {
        return variants.stream().map(Variant::sku).toList();
    }

    /** Whether what a customer reads changed (prices, weights and stock do not need a new review). */
    public boolean differsInDescriptionFrom(ProductContent other) {
        return !Objects.equals(name, other.name) || !Objects.equals(description, other.description)
                || !Objects.equals(categoryId, other.categoryId) || !Objects.equals(brand, other.brand)
                || !Objects.equals(attributes, other.attributes) || !Objects.equals(options(), other.options());
    }

    private static void checkAttributes(Map<String, String> attributes, List<FieldProblem> errors) {
        for (String key : attributes.keySet()) {
            if (key == null || key.isBlank() || key.contains(".") || key.startsWith("$")) {
                errors.add(new FieldProblem("attributes", "names must not be blank, contain '.' or start with '$'"));
                return;
            }
        }
    }

    private static void checkVariants(List<Variant> variants, List<FieldProblem> errors) {
        if (variants.isEmpty()) {
            errors.add(new FieldProblem("variants", "must not be empty"));
            return;
        }
        String currency = variants.getFirst().price().currency();
        Set<String> skus = new HashSet<>();
        Set<Map<String, String>> combinations = new HashSet<>();
        Set<String> optionNames = variants.getFirst().options().keySet();
        for (int i = 0; i < variants.size(); i++) {
            Variant v = variants.get(i);
            String at = "variants[" + i + "]";
            if (!skus.add(v.sku().toUpperCase(java.util.Locale.ROOT))) {
                errors.add(new FieldProblem(at + ".sku", "repeats the SKU " + v.sku() + " of another variant"));
            }
            if (!v.price().currency().equals(currency)) {
                errors.add(new FieldProblem(at + ".price.currency", "must be " + currency
                        + " like the other prices of this product (one currency per product)"));
            }
            if (v.compareAtPrice() != null) {
                if (!v.compareAtPrice().currency().equals(currency)) {
                    errors.add(new FieldProblem(at + ".compareAtPrice.currency", "must be " + currency
                            + " like the other prices of this product (one currency per product)"));
                } else if (v.compareAtPrice().amountMinor() <= v.price().amountMinor()) {
                    errors.add(new FieldProblem(at + ".compareAtPrice", "must be higher than the price"));
                }
            }
            if (!v.options().keySet().equals(optionNames)) {
                errors.add(new FieldProblem(at + ".options", "must name the same options as the other variants "
                        + optionNames));
            } else if (!combinations.add(v.options())) {
                errors.add(new FieldProblem(at + ".options", "repeats the option values of another variant"));
            }
            v.options().forEach((name, value) -> {
                if (name.isBlank() || name.contains(".") || name.startsWith("$") || value == null || value.isBlank()) {
                    errors.add(new FieldProblem(at + ".options", "names and values must not be blank, contain '.' or start with '$'"));
                }
            });
        }
    }
}
