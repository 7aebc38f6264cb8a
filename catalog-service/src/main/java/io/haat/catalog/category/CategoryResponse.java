package io.haat.catalog.category;

import java.util.List;

/** A category with its subcategories (the whole subtree) and, for a single category, the path to it. */
public record CategoryResponse(String id, String parentId, String name, String slug, int position, long version,
                               List<CategoryRef> path, List<CategoryResponse> children) {

    /** A category named in a path (breadcrumbs). */
    public record CategoryRef(String id, String name, String slug) {
    }

    public static CategoryResponse tree(Category c, CategoryTree tree) {
        return new CategoryResponse(c.id(), c.parentId(), c.name(), c.slug(), c.position(), version(c), null,
                tree.childrenOf(c.id()).stream().map(child -> tree(child, tree)).toList());
    }

    public static CategoryResponse withPath(Category c, CategoryTree tree) {
        List<CategoryRef> path = tree.ancestorsOf(c.id()).stream()
                .map(a -> new CategoryRef(a.id(), a.name(), a.slug())).toList();
        return new CategoryResponse(c.id(), c.parentId(), c.name(), c.slug(), c.position(), version(c), path,
                tree.childrenOf(c.id()).stream().map(child -> tree(child, tree)).toList());
    }

    private static long version(Category c) {
        return c.version() == null ? 0 : c.version();
    }
}
