package io.haat.catalog.product;

import io.haat.events.Money;
import io.haat.platform.web.FieldProblem;
import io.haat.platform.web.InvalidRequestException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A product as a seller writes it (create and full edit). {@code draft: true} keeps a new product as a draft
 * instead of submitting it for review; {@code version}, on an edit, is the version the seller edited (412 if
 * it is not the current one, as with the {@code If-Match} header).
 */
public record ProductRequest(@NotBlank @Size(max = 200) String name,
                             @Size(max = 10_000) String description,
                             @NotBlank String categoryId,
                             @Size(max = 100) String brand,
                             @Size(max = 50) Map<@NotBlank @Size(max = 50) String, @NotNull @Size(max = 500) String> attributes,
                             @NotEmpty @Size(max = 100) List<@NotNull @Valid VariantRequest> variants,
                             Boolean draft,
                             Long version) {

    /** One variant as sent. */
    public record VariantRequest(@NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}",
                                         message = "must be 1-64 letters, digits, '.', '_' or '-'") String sku,
                                 @Size(max = 5) Map<@NotBlank @Size(max = 30) String, @NotBlank @Size(max = 50) String> options,
                                 @NotNull @Valid MoneyRequest price,
                                 @Valid MoneyRequest compareAtPrice,
                                 @PositiveOrZero Integer weightGrams) {
    }

    /** The content, checked as a whole (see {@link ProductContent}). */
    public ProductContent toContent() {
        List<FieldProblem> errors = new ArrayList<>();
        List<Variant> converted = new ArrayList<>();
        for (int i = 0; i < variants.size(); i++) {
            VariantRequest v = variants.get(i);
            Money price = v.price().toMoney("variants[" + i + "].price", errors);
            Money compareAt = v.compareAtPrice() == null ? null
                    : v.compareAtPrice().toMoney("variants[" + i + "].compareAtPrice", errors);
            converted.add(new Variant(v.sku().strip(), v.options(), price, compareAt, v.weightGrams()));
        }
        InvalidRequestException.throwIfAny(errors);
        return new ProductContent(name.strip(), description, categoryId, brand == null ? null : brand.strip(),
                attributes, converted);
    }
}
