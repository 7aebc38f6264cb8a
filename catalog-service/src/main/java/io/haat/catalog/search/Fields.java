package io.haat.catalog.search;

/** The fields of a product document in the search index. */
final class Fields {

    static final String ID = "id";
    static final String STORE = "store";
    static final String CATEGORY = "category";
    static final String BRAND = "brand";
    static final String ATTRIBUTE = "attr";

    static final String NAME = "name";
    static final String BRAND_TEXT = "brand_text";
    static final String CATEGORY_TEXT = "category_text";
    static final String ATTRIBUTES_TEXT = "attributes_text";
    static final String DESCRIPTION = "description";

    static final String NAME_PLAIN = "name_plain";
    static final String BRAND_PLAIN = "brand_plain";
    static final String CATEGORY_PLAIN = "category_plain";
    static final String ATTRIBUTES_PLAIN = "attributes_plain";
    static final String SPELL = "spell";
    /** Name, brand, category path and attribute values as written: one field, so a typo is one automaton. */
    static final String TYPO = "typo";

    static final String SUGGEST_NAME = "suggest_name";
    static final String SUGGEST_BRAND = "suggest_brand";
    static final String SUGGEST_CATEGORY = "suggest_category";
    /** Doc values: the category id and its own (leaf) name, for the in-memory autocomplete dictionary. */
    static final String CATEGORY_LEAF = "category_leaf";
    /** Points and doc values: the order of name suggestions (reviews, then rating), sorted on without scoring. */
    static final String SUGGEST_RANK = "suggest_rank";

    static final String PRICE = "price";
    static final String VARIANT_PRICE = "variant_price";
    static final String RATING = "rating";
    static final String RATING_COUNT = "rating_count";
    static final String IN_STOCK = "in_stock";
    static final String PUBLISHED = "published";
    static final String FEATURES = "features";
    static final String FEATURE_RATING = "rating";
    static final String FEATURE_POPULARITY = "popularity";
    static final String FEATURE_IN_STOCK = "in_stock";

    /**
     * Binary doc values: what a result card shows ({@link LuceneDocuments#card}), read per hit without decompressing
     * a block of stored fields.
     */
    static final String CARD = "card";

    static final String STORED_CURRENCY = "currency";
    static final String STORED_COMPARE_AT = "compare_at";
    static final String STORED_IMAGE = "image";

    /** A facet value of an attribute or option: {@code name + SEPARATOR + value}. */
    static final char SEPARATOR = '\u001f';

    private Fields() {
    }
}
