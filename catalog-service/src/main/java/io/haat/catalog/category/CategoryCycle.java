package io.haat.catalog.category;

import io.haat.platform.web.InvalidRequestException;

/** Moving a category under itself or one of its descendants would cut it off the tree. */
public class CategoryCycle extends InvalidRequestException {

    public CategoryCycle(String categoryId) {
        super("parentId", "must not be the category itself or one of its subcategories (" + categoryId + ")");
    }
}
