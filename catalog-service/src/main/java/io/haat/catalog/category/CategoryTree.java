package io.haat.catalog.category;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The whole category tree in memory (it is small): children in order, ancestors, descendants. */
public final class CategoryTree {

    private static final Comparator<Category> SIBLING_ORDER =
            Comparator.comparingInt(Category::position).thenComparing(Category::name).thenComparing(Category::id);

    private final Map<String, Category> byId = new HashMap<>();
    private final Map<String, List<Category>> children = new HashMap<>();

    public CategoryTree(List<Category> categories) {
        for (Category c : categories) {
            byId.put(c.id(), c);
        }
        for (Category c : categories) {
            // a node whose parent is missing is shown as a root rather than lost
            String parent = c.parentId() != null && byId.containsKey(c.parentId()) ? c.parentId() : null;
            children.computeIfAbsent(parent, k -> new ArrayList<>()).add(c);
        }
        children.values().forEach(list -> list.sort(SIBLING_ORDER));
    }

    public Optional<Category> find(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    public List<Category> roots() {
        return childrenOf(null);
    }

    public List<Category> childrenOf(String id) {
        return children.getOrDefault(id, List.of());
    }

    /** From the root down to the parent of {@code id}. */
    public List<Category> ancestorsOf(String id) {
        List<Category> path = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        Category current = byId.get(id);
        while (current != null && current.parentId() != null && seen.add(current.id())) {
            current = byId.get(current.parentId());
            if (current != null) {
                path.addFirst(current);
            }
        }
        return path;
    }

    /** The category and everything below it. */
    public Set<String> subtreeOf(String id) {
        Set<String> ids = new LinkedHashSet<>();
        collect(id, ids);
        return ids;
    }

    /** Whether making {@code newParentId} the parent of {@code id} would put {@code id} under itself. */
    public boolean wouldCycle(String id, String newParentId) {
        return newParentId != null && subtreeOf(id).contains(newParentId);
    }

    public int nextPositionUnder(String parentId) {
        return childrenOf(parentId).stream().mapToInt(Category::position).max().orElse(-1) + 1;
    }

    private void collect(String id, Set<String> into) {
        if (into.add(id)) {
            childrenOf(id).forEach(child -> collect(child.id(), into));
        }
    }
}
