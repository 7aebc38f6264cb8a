package io.haat.catalog.category;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The public category tree. */
@RestController
public class CategoryController {

    private final CategoryService categories;

    public CategoryController(CategoryService categories) {
        this.categories = categories;
    }

    /** Every root category with its subtree, siblings in order. */
    @GetMapping("/categories")
    public List<CategoryResponse> tree() {
        CategoryTree tree = categories.tree();
        return tree.roots().stream().map(root -> CategoryResponse.tree(root, tree)).toList();
    }

    /** One category with its path from the root and its subtree. */
    @GetMapping("/categories/{id}")
    public CategoryResponse one(@PathVariable String id) {
        CategoryTree tree = categories.tree();
        Category category = tree.find(id).orElseThrow(() -> io.haat.platform.web.NotFoundException.of("Category", id));
        return CategoryResponse.withPath(category, tree);
    }
}
