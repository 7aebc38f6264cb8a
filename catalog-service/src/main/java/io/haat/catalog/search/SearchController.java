package io.haat.catalog.search;

import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Anyone searches products (text, filters, facets, sort, pages) and gets completions as they type. */
@RestController
public class SearchController {

    private final SearchService search;

    public SearchController(SearchService search) {
        this.search = search;
    }

    /**
     * {@code ?q=&category=&store=&brand=&attr=name:value&minPrice=&maxPrice=&minRating=&inStock=&sort=&page=&size=};
     * {@code brand} and {@code attr} repeat (values of one attribute: any of them; different attributes: all).
     */
    @GetMapping("/search")
    public SearchResponse search(@RequestParam(required = false) String q,
                                 @RequestParam(required = false) String category,
                                 @RequestParam(required = false) String store,
                                 @RequestParam(required = false) List<String> brand,
                                 @RequestParam(required = false) List<String> attr,
                                 @RequestParam(required = false) Long minPrice,
                                 @RequestParam(required = false) Long maxPrice,
                                 @RequestParam(required = false) Double minRating,
                                 @RequestParam(required = false) Boolean inStock,
                                 @RequestParam(required = false) String sort,
                                 @RequestParam(required = false) Integer page,
                                 @RequestParam(required = false) Integer size) {
        return search.search(new SearchService.Request(q, category, store, brand, attr, minPrice, maxPrice, minRating,
                inStock, sort, page, size));
    }

    /** Up to 10 completions: {@code {suggestions: [{type: product|brand|category, text, id?}]}}. */
    @GetMapping("/search/suggest")
    public Map<String, List<Suggestion>> suggest(@RequestParam(required = false) String q) {
        return Map.of("suggestions", search.suggest(q));
    }
}
