package io.haat.catalog.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoubleDocValuesField;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.FeatureField;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.util.BytesRef;

/** A {@link SearchDocument} as Lucene fields (see {@link Fields}). */
final class LuceneDocuments {

    /** The facet and filter value of one attribute or option value. */
    static String attributeValue(String name, String value) {
        return name.toLowerCase(Locale.ROOT).strip() + Fields.SEPARATOR + value.strip();
    }

    /** The same, lower-cased: what attribute filters compare. */
    static String attributeKey(String name, String value) {
        return attributeValue(name, value).toLowerCase(Locale.ROOT);
    }

    Document toLucene(SearchDocument p) {
        Document doc = new Document();
        doc.add(new KeywordField(Fields.ID, p.productId(), Field.Store.YES));
        doc.add(new KeywordField(Fields.STORE, p.storeId(), Field.Store.YES));
        doc.add(new KeywordField(Fields.CATEGORY, p.categoryId(), Field.Store.YES));
        if (!p.brand().isBlank()) {
            doc.add(new KeywordField(Fields.BRAND, p.brand().strip(), Field.Store.YES));
        }

        List<String> attributeWords = new ArrayList<>();
        p.attributes().forEach((name, value) -> {
            addAttribute(doc, name, value);
            attributeWords.add(value);
        });
        for (Map.Entry<String, List<String>> option : p.optionValues().entrySet()) {
            for (String value : option.getValue()) {
                addAttribute(doc, option.getKey(), value);
                attributeWords.add(value);
            }
        }
        String attributes = String.join(" ", attributeWords);
        String category = String.join(" ", p.categoryNames());
        String leafCategory = p.categoryNames().isEmpty() ? "" : p.categoryNames().getLast();

        doc.add(new TextField(Fields.NAME, p.name(), Field.Store.YES));
        doc.add(new TextField(Fields.BRAND_TEXT, p.brand(), Field.Store.NO));
        doc.add(new TextField(Fields.CATEGORY_TEXT, category, Field.Store.YES));
        doc.add(new TextField(Fields.ATTRIBUTES_TEXT, attributes, Field.Store.YES));
        doc.add(new TextField(Fields.DESCRIPTION, p.description(), Field.Store.NO));

        doc.add(new TextField(Fields.NAME_PLAIN, p.name(), Field.Store.NO));
        doc.add(new TextField(Fields.BRAND_PLAIN, p.brand(), Field.Store.NO));
        doc.add(new TextField(Fields.CATEGORY_PLAIN, category, Field.Store.NO));
        doc.add(new TextField(Fields.ATTRIBUTES_PLAIN, attributes, Field.Store.NO));
        doc.add(new TextField(Fields.TYPO, p.name() + " " + p.brand() + " " + category + " " + attributes, Field.Store.NO));
        doc.add(new TextField(Fields.SPELL, p.name() + " " + p.brand() + " " + leafCategory, Field.Store.NO));

        doc.add(new TextField(Fields.SUGGEST_NAME, p.name(), Field.Store.NO));
        doc.add(new TextField(Fields.SUGGEST_BRAND, p.brand(), Field.Store.NO));
        doc.add(new TextField(Fields.SUGGEST_CATEGORY, leafCategory, Field.Store.NO));
        doc.add(new SortedDocValuesField(Fields.CATEGORY_LEAF,
                new BytesRef(p.categoryId() + Fields.SEPARATOR + leafCategory)));
        doc.add(new LongField(Fields.SUGGEST_RANK, suggestRank(p), Field.Store.NO));

        doc.add(new NumericDocValuesField(Fields.PRICE, p.priceMinor()));
        doc.add(new StoredField(Fields.PRICE, p.priceMinor()));
        for (long price : p.variantPrices()) {
            // points and doc values: a price filter next to a selective query checks the few candidates' values
            doc.add(new LongField(Fields.VARIANT_PRICE, price, Field.Store.NO));
        }
        if (p.compareAtMinor() != null) {
            doc.add(new StoredField(Fields.STORED_COMPARE_AT, p.compareAtMinor()));
        }
        doc.add(new StoredField(Fields.STORED_CURRENCY, p.currency()));
        doc.add(new DoublePoint(Fields.RATING, p.rating()));
        doc.add(new DoubleDocValuesField(Fields.RATING, p.rating()));
        doc.add(new StoredField(Fields.RATING, p.rating()));
        doc.add(new NumericDocValuesField(Fields.RATING_COUNT, p.ratingCount()));
        doc.add(new StoredField(Fields.RATING_COUNT, p.ratingCount()));
        doc.add(new StringField(Fields.IN_STOCK, p.inStock() ? "1" : "0", Field.Store.YES));
        doc.add(new NumericDocValuesField(Fields.PUBLISHED, p.publishedAt().toEpochMilli()));
        if (p.imageId() != null) {
            doc.add(new StoredField(Fields.STORED_IMAGE, p.imageId()));
        }

        doc.add(new BinaryDocValuesField(Fields.CARD, card(p)));

        // ranking signals: modest next to text relevance (see SearchEngine)
        if (p.rating() > 0) {
            doc.add(new FeatureField(Fields.FEATURES, Fields.FEATURE_RATING, (float) p.rating()));
        }
        doc.add(new FeatureField(Fields.FEATURES, Fields.FEATURE_POPULARITY, 1f + p.ratingCount()));
        if (p.inStock()) {
            doc.add(new FeatureField(Fields.FEATURES, Fields.FEATURE_IN_STOCK, 1f));
        }
        return doc;
    }

    /** What a hit shows, read back by {@link #readCard}: ids, name, brand, prices, rating, stock, image. */
    static BytesRef card(SearchDocument p) {
        try {
            ByteBuffersDataOutput out = new ByteBuffersDataOutput();
            out.writeString(p.productId());
            out.writeString(p.storeId());
            out.writeString(p.name());
            out.writeString(p.brand().isBlank() ? "" : p.brand().strip());
            out.writeString(p.categoryId());
            out.writeZLong(p.priceMinor());
            out.writeByte((byte) (p.compareAtMinor() == null ? 0 : 1));
            if (p.compareAtMinor() != null) {
                out.writeZLong(p.compareAtMinor());
            }
            out.writeString(p.currency());
            out.writeLong(Double.doubleToLongBits(p.rating()));
            out.writeVLong(p.ratingCount());
            out.writeByte((byte) (p.inStock() ? 1 : 0));
            out.writeString(p.imageId() == null ? "" : p.imageId());
            return new BytesRef(out.toArrayCopy());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A result card's fields as {@link #card} wrote them; {@code highlight} and {@code score} are the caller's. */
    static SearchResult.Hit readCard(BytesRef card, java.util.function.UnaryOperator<String> highlight, float score) {
        try {
            ByteArrayDataInput in = new ByteArrayDataInput(card.bytes, card.offset, card.length);
            String id = in.readString();
            String store = in.readString();
            String name = in.readString();
            String brand = in.readString();
            String category = in.readString();
            long price = in.readZLong();
            Long compareAt = in.readByte() == 1 ? in.readZLong() : null;
            String currency = in.readString();
            double rating = Double.longBitsToDouble(in.readLong());
            long ratingCount = in.readVLong();
            boolean inStock = in.readByte() == 1;
            String image = in.readString();
            return new SearchResult.Hit(id, store, name, highlight.apply(name), brand.isEmpty() ? null : brand,
                    category, price, compareAt, currency, Math.round(rating * 10) / 10.0, ratingCount, inStock,
                    image.isEmpty() ? null : image, Float.isNaN(score) ? 0 : score);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Popular (many reviews) first, then well rated, then in stock: what autocomplete offers first. */
    static long suggestRank(SearchDocument p) {
        return p.ratingCount() * 1_000 + Math.round(Math.max(0, p.rating()) * 10) * 10 + (p.inStock() ? 1 : 0);
    }

    private static void addAttribute(Document doc, String name, String value) {
        if (name == null || value == null || name.isBlank() || value.isBlank()) {
            return;
        }
        doc.add(new SortedSetDocValuesField(Fields.ATTRIBUTE, new BytesRef(attributeValue(name, value))));
        doc.add(new StringField(Fields.ATTRIBUTE, attributeKey(name, value), Field.Store.NO));
    }
}
