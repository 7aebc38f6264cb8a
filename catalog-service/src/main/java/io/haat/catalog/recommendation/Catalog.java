package io.haat.catalog.recommendation;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What the {@link Recommender} reads of the catalogue: public products' content and look-alike images. */
public interface Catalog {

    /** The public (ACTIVE, visible store) products among {@code ids}; the others are absent. */
    Map<String, Item> publicItems(Collection<String> ids);

    /** Public products of a category, at most {@code limit}. */
    List<Item> inCategory(String categoryId, int limit);

    /** Products whose images look like this product's, with the cosine similarity of the best pair of images. */
    Map<String, Double> lookAlikes(String productId, int limit);

    /** A product's content as similarity needs it; {@code words} are its name's lower-case words. */
    record Item(String id, String categoryId, String brand, Map<String, String> attributes, Set<String> words) {

        public Item {
            attributes = attributes == null ? Map.of() : attributes;
            words = words == null ? Set.of() : words;
        }

        /** The lower-case words (3 letters or more) of a name. */
        public static Set<String> wordsOf(String name) {
            Set<String> words = new java.util.HashSet<>();
            if (name != null) {
                for (String word : name.toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
                    if (word.length() >= 3) {
                        words.add(word);
                    }
                }
            }
            return words;
        }
    }
}
