package io.haat.catalog.category;

import static org.assertj.core.api.Assertions.assertThat;

import io.haat.catalog.Api;
import io.haat.catalog.CatalogTest;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The category tree: public reads, admin-only changes, no cycles, no deleting what is in use. */
class CategoryApiTest extends CatalogTest {

    @Test
    void anyoneReadsTheTreeWithChildrenInOrder() {
        String root = category("Fashion");
        Api.Response second = api.post("/admin/categories", admin(), Map.of("name", "Shoes", "parentId", root,
                "position", 1, "slug", "shoes-" + UUID.randomUUID().toString().substring(0, 6)));
        Api.Response first = api.post("/admin/categories", admin(), Map.of("name", "Shirts", "parentId", root,
                "position", 0, "slug", "shirts-" + UUID.randomUUID().toString().substring(0, 6)));
        assertThat(second.status()).isEqualTo(201);

        Api.Response tree = api.get("/categories", null);
        assertThat(tree.status()).isEqualTo(200);
        JsonNode node = tree.json().valueStream().filter(n -> n.get("id").asString().equals(root)).findFirst().orElseThrow();
        assertThat(node.get("children").valueStream().map(c -> c.get("name").asString()).toList())
                .containsExactly("Shirts", "Shoes");

        Api.Response one = api.get("/categories/" + first.json().get("id").asString(), null);
        assertThat(one.json().get("path").get(0).get("id").asString()).isEqualTo(root);
        assertThat(api.get("/categories/" + UUID.randomUUID(), null).status()).isEqualTo(404);
    }

    @Test
    void adminsRenameAndMoveButNeverUnderItself() {
        String a = category("Electronics");
        String b = category("Phones", a);
        String c = category("Cases", b);

        Map<String, Object> rename = new HashMap<>(Map.of("name", "Mobile phones", "parentId", a));
        Api.Response renamed = api.put("/admin/categories/" + b, admin(), rename, "If-Match", "\"0\"");
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        assertThat(renamed.json().get("name").asString()).isEqualTo("Mobile phones");
        assertThat(api.put("/admin/categories/" + b, admin(), rename, "If-Match", "\"0\"").status()).isEqualTo(412);

        Api.Response cycle = api.put("/admin/categories/" + a, admin(), Map.of("name", "Electronics", "parentId", c));
        assertThat(cycle.status()).isEqualTo(400);
        assertThat(cycle.json().get("errors").get(0).get("field").asString()).isEqualTo("parentId");

        Map<String, Object> toRoot = new HashMap<>();
        toRoot.put("name", "Cases");
        Api.Response moved = api.put("/admin/categories/" + c, admin(), toRoot);
        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.json().get("parentId").isNull()).isTrue();
        assertThat(api.get("/categories", null).json().valueStream().map(n -> n.get("id").asString()).toList())
                .contains(c);

        Api.Response unknownParent = api.post("/admin/categories", admin(), Map.of("name", "X", "parentId", "nope"));
        assertThat(unknownParent.status()).isEqualTo(400);
        Api.Response badSlug = api.post("/admin/categories", admin(), Map.of("name", "X", "slug", "Not A Slug"));
        assertThat(badSlug.status()).isEqualTo(400);
    }

    @Test
    void aCategoryWithSubcategoriesOrProductsIsNotDeleted() {
        Seller seller = approvedSellerWithStore();
        String parent = category("Garden");
        String child = category("Tools", parent);
        createProduct(seller, child, "Rake", 900);

        Api.Response withChildren = api.delete("/admin/categories/" + parent, admin());
        assertThat(withChildren.status()).isEqualTo(409);
        assertThat(withChildren.json().get("type").asString()).endsWith("/category-has-subcategories");
        Api.Response withProducts = api.delete("/admin/categories/" + child, admin());
        assertThat(withProducts.status()).isEqualTo(409);
        assertThat(withProducts.json().get("type").asString()).endsWith("/category-has-products");

        String empty = category("Empty");
        assertThat(api.delete("/admin/categories/" + empty, admin()).status()).isEqualTo(204);
        assertThat(api.get("/categories/" + empty, null).status()).isEqualTo(404);
    }

    @Test
    void onlyAdminsChangeCategories() {
        String id = category("Books");
        String customer = customer(UUID.randomUUID().toString());
        assertThat(api.post("/admin/categories", null, Map.of("name", "X")).status()).isEqualTo(401);
        assertThat(api.post("/admin/categories", customer, Map.of("name", "X")).status()).isEqualTo(403);
        assertThat(api.put("/admin/categories/" + id, customer, Map.of("name", "X")).status()).isEqualTo(403);
        assertThat(api.delete("/admin/categories/" + id, approvedSellerWithStore().token()).status()).isEqualTo(403);
        Api.Response duplicateSlug = api.post("/admin/categories", admin(),
                Map.of("name", "Again", "slug", api.get("/categories/" + id, null).json().get("slug").asString()));
        assertThat(duplicateSlug.status()).isEqualTo(409);
    }
}
