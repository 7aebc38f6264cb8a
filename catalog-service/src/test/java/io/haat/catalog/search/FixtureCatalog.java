package io.haat.catalog.search;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small, fixed catalog for relevance and filter tests: 40 products across phones, laptops, audio, TV, clothes,
 * shoes, kitchen, furniture, sports and more, with brands, attributes, options, prices, ratings and stock.
 */
final class FixtureCatalog {

    static final String PHONES = "c-phones";
    static final String LAPTOPS = "c-laptops";
    static final String AUDIO = "c-audio";
    static final String TV = "c-tv";
    static final String TSHIRTS = "c-tshirts";
    static final String SHAWLS = "c-shawls";
    static final String SKIRTS = "c-skirts";
    static final String SHOES = "c-shoes";
    static final String KITCHEN = "c-kitchen";
    static final String FURNITURE = "c-furniture";
    static final String SPORTS = "c-sports";
    static final String BAGS = "c-bags";
    static final String WATCHES = "c-watches";
    static final String BEAUTY = "c-beauty";

    static final String STORE_A = "store-a";
    static final String STORE_B = "store-b";

    private static final Map<String, List<String>> PATHS = Map.ofEntries(
            Map.entry(PHONES, List.of("Electronics", "Mobile Phones")),
            Map.entry(LAPTOPS, List.of("Electronics", "Laptops")),
            Map.entry(AUDIO, List.of("Electronics", "Audio")),
            Map.entry(TV, List.of("Electronics", "Televisions")),
            Map.entry(TSHIRTS, List.of("Fashion", "Men", "T-Shirts")),
            Map.entry(SHAWLS, List.of("Fashion", "Women", "Shawls")),
            Map.entry(SKIRTS, List.of("Fashion", "Women", "Skirts")),
            Map.entry(SHOES, List.of("Fashion", "Shoes")),
            Map.entry(KITCHEN, List.of("Home", "Kitchen")),
            Map.entry(FURNITURE, List.of("Home", "Furniture")),
            Map.entry(SPORTS, List.of("Sports")),
            Map.entry(BAGS, List.of("Fashion", "Bags")),
            Map.entry(WATCHES, List.of("Fashion", "Watches")),
            Map.entry(BEAUTY, List.of("Beauty")));

    private FixtureCatalog() {
    }

    static List<SearchDocument> products() {
        List<SearchDocument> p = new ArrayList<>();
        p.add(product("iphone-15", STORE_A, "Apple iPhone 15 Pro 128GB", "Titanium smartphone with A17 chip", "Apple", PHONES,
                Map.of("storage", "128GB", "colour", "Black"), 18_999_900, 4.7, 120, true));
        p.add(product("galaxy-s24", STORE_A, "Samsung Galaxy S24 Ultra", "Android phone with S Pen and 200MP camera", "Samsung", PHONES,
                Map.of("storage", "256GB", "colour", "Grey"), 16_999_900, 4.6, 80, true));
        p.add(product("pixel-8", STORE_B, "Google Pixel 8", "Android phone with the best camera", "Google", PHONES,
                Map.of("storage", "128GB", "colour", "Black"), 9_999_900, 4.4, 40, true));
        p.add(product("redmi-13", STORE_B, "Xiaomi Redmi Note 13 Mobile", "Budget mobile with big battery", "Xiaomi", PHONES,
                Map.of("storage", "128GB", "colour", "Blue"), 2_999_900, 4.1, 200, true));
        p.add(product("nokia-105", STORE_B, "Nokia 105 Feature Phone", "Simple phone with long battery life", "Nokia", PHONES,
                Map.of("colour", "Black"), 249_900, 3.9, 60, false));
        p.add(product("dell-xps", STORE_A, "Dell XPS 13 Laptop", "Thin and light laptop, 16GB RAM", "Dell", LAPTOPS,
                Map.of("ram", "16GB"), 14_999_900, 4.5, 30, true));
        p.add(product("thinkpad-x1", STORE_A, "Lenovo ThinkPad X1 Carbon", "Business notebook with great keyboard", "Lenovo", LAPTOPS,
                Map.of("ram", "32GB"), 19_999_900, 4.6, 25, true));
        p.add(product("macbook-air", STORE_B, "Apple MacBook Air M3", "Fanless laptop with all-day battery", "Apple", LAPTOPS,
                Map.of("ram", "16GB"), 13_999_900, 4.8, 90, true));
        p.add(product("sony-xm5", STORE_A, "Sony WH-1000XM5 Wireless Headphones", "Noise cancelling over-ear headphones", "Sony", AUDIO,
                Map.of("colour", "Black"), 3_999_900, 4.7, 70, true));
        p.add(product("jbl-tune", STORE_B, "JBL Tune Wireless Earbuds", "True wireless in-ear buds", "JBL", AUDIO,
                Map.of("colour", "White"), 899_900, 4.2, 50, true));
        p.add(product("lg-oled", STORE_A, "LG OLED Television 55 inch", "4K smart TV with webOS", "LG", TV,
                Map.of("size", "55 inch"), 12_999_900, 4.5, 20, true));
        p.add(product("cotton-tshirt", STORE_A, "Classic Cotton T-Shirt", "Soft crew neck t-shirt for everyday wear", "Haat Basics", TSHIRTS,
                Map.of("material", "Cotton"), Map.of("size", List.of("S", "M", "L"), "colour", List.of("White", "Black")),
                List.of(99_900L, 109_900L), 4.3, 150, true));
        p.add(product("graphic-tee", STORE_B, "Graphic Tee Mountains Print", "Printed tee with Himalayan mountains", "Everest Wear", TSHIRTS,
                Map.of("material", "Cotton"), Map.of("size", List.of("M", "L")), List.of(129_900L), 4.0, 30, true));
        p.add(product("polo-shirt", STORE_A, "Polo Shirt Slim Fit", "Pique polo shirt with collar", "Haat Basics", TSHIRTS,
                Map.of("material", "Cotton"), Map.of("size", List.of("M", "L", "XL")), List.of(149_900L), 4.1, 40, true));
        p.add(product("pashmina-shawl", STORE_B, "Handwoven Pashmina Shawl", "Pure pashmina from Nepal, hand woven", "Kathmandu Looms", SHAWLS,
                Map.of("material", "Pashmina", "colour", "Maroon"), 899_900, 4.9, 35, true));
        p.add(product("cashmere-stole", STORE_B, "Cashmere Stole Maroon", "Light cashmere wrap", "Kathmandu Looms", SHAWLS,
                Map.of("material", "Cashmere", "colour", "Maroon"), 599_900, 4.4, 12, true));
        p.add(product("denim-skirt", STORE_A, "Denim Skirt Blue", "A-line denim skirt", "Everest Wear", SKIRTS,
                Map.of("material", "Denim", "colour", "Blue"), 199_900, 4.0, 10, true));
        p.add(product("nike-zoom", STORE_A, "Nike Air Zoom Pegasus", "Running shoes with responsive cushioning", "Nike", SHOES,
                Map.of("colour", "Black"), Map.of("size", List.of("41", "42", "43")), List.of(1_499_900L), 4.6, 110, true));
        p.add(product("adidas-ultraboost", STORE_B, "Adidas Ultraboost Sneakers", "Comfortable everyday sneakers", "Adidas", SHOES,
                Map.of("colour", "White"), Map.of("size", List.of("42", "44")), List.of(1_699_900L), 4.5, 95, true));
        p.add(product("chelsea-boots", STORE_B, "Leather Chelsea Boots", "Brown leather ankle boots", "Bata", SHOES,
                Map.of("material", "Leather", "colour", "Brown"), 799_900, 4.2, 20, false));
        p.add(product("pressure-cooker", STORE_A, "Stainless Steel Pressure Cooker 5L", "Induction-ready pressure cooker", "Prestige", KITCHEN,
                Map.of("material", "Steel", "capacity", "5L"), 449_900, 4.4, 60, true));
        p.add(product("coffee-mug", STORE_B, "Ceramic Coffee Mug", "350 ml mug for coffee or tea", "Haat Home", KITCHEN,
                Map.of("material", "Ceramic"), 49_900, 4.1, 15, true));
        p.add(product("frying-pan", STORE_A, "Non-stick Frying Pan 28cm", "Granite coated frying pan", "Prestige", KITCHEN,
                Map.of("material", "Aluminium"), 259_900, 4.0, 22, true));
        p.add(product("samsung-fridge", STORE_A, "Samsung Refrigerator Double Door 324L", "Frost free refrigerator with inverter", "Samsung", KITCHEN,
                Map.of("capacity", "324L", "colour", "Silver"), 7_499_900, 4.3, 18, true));
        p.add(product("coffee-table", STORE_B, "Wooden Coffee Table", "Sheesham wood centre table", "Haat Home", FURNITURE,
                Map.of("material", "Wood"), 1_299_900, 4.2, 8, true));
        p.add(product("sofa-3", STORE_B, "Three Seater Sofa Grey", "Fabric sofa with solid wood frame", "Haat Home", FURNITURE,
                Map.of("material", "Fabric", "colour", "Grey"), 4_599_900, 4.1, 5, true));
        p.add(product("yoga-mat", STORE_A, "Yoga Mat Non Slip 6mm", "Eco friendly TPE yoga mat", "Decathlon", SPORTS,
                Map.of("colour", "Purple"), 179_900, 4.5, 45, true));
        p.add(product("football", STORE_A, "Football Size 5", "Match football, hand stitched", "Nivia", SPORTS,
                Map.of("size", "5"), 149_900, 4.2, 33, true));
        p.add(product("badminton-racket", STORE_B, "Yonex Badminton Racket", "Lightweight graphite racket", "Yonex", SPORTS,
                Map.of("weight", "83g"), 549_900, 4.6, 27, true));
        p.add(product("leather-backpack", STORE_B, "Leather Backpack 20L", "Genuine leather daypack", "Haat Leather", BAGS,
                Map.of("material", "Leather", "colour", "Brown"), 699_900, 4.3, 19, true));
        p.add(product("canvas-handbag", STORE_A, "Canvas Handbag Tote", "Large tote bag with zip", "Haat Leather", BAGS,
                Map.of("material", "Canvas"), 249_900, 4.0, 9, true));
        p.add(product("cotton-kurta", STORE_B, "Cotton Kurta Set", "Kurta with pyjama, block printed", "Everest Wear", TSHIRTS,
                Map.of("material", "Cotton"), Map.of("size", List.of("M", "L")), List.of(259_900L), 4.4, 16, true));
        p.add(product("casio-gshock", STORE_A, "Casio G-Shock Digital Watch", "Shock resistant sports watch", "Casio", WATCHES,
                Map.of("colour", "Black"), 1_199_900, 4.7, 64, true));
        p.add(product("face-cream", STORE_B, "Moisturizing Face Cream", "Daily moisturizer with aloe vera", "Himalaya", BEAUTY,
                Map.of("skin", "Dry"), 59_900, 4.2, 41, true));
        p.add(product("herbal-shampoo", STORE_B, "Herbal Shampoo 400ml", "Anti-dandruff shampoo with neem", "Himalaya", BEAUTY,
                Map.of("hair", "Oily"), 39_900, 4.0, 70, true));
        p.add(product("galaxy-buds", STORE_A, "Samsung Galaxy Buds FE", "Wireless earbuds with active noise cancelling", "Samsung", AUDIO,
                Map.of("colour", "White"), 1_099_900, 4.3, 35, true));
        p.add(product("iphone-case", STORE_B, "Silicone Case for iPhone 15", "Soft-touch phone case", "Haat Basics", PHONES,
                Map.of("colour", "Red"), 149_900, 3.8, 12, true));
        p.add(product("trekking-pants", STORE_A, "Trekking Trousers Quick Dry", "Convertible hiking trousers", "Everest Wear", TSHIRTS,
                Map.of("material", "Nylon"), Map.of("size", List.of("M", "L")), List.of(349_900L), 4.1, 14, true));
        p.add(product("wool-sweater", STORE_B, "Wool Sweater Cable Knit", "Warm hand knitted jumper", "Kathmandu Looms", TSHIRTS,
                Map.of("material", "Wool"), Map.of("size", List.of("M", "L")), List.of(499_900L), 4.6, 21, true));
        p.add(product("electric-kettle", STORE_A, "Electric Kettle 1.7L", "Stainless steel kettle with auto shut-off", "Philips", KITCHEN,
                Map.of("material", "Steel", "capacity", "1.7L"), 299_900, 4.3, 38, true));
        return p;
    }

    static SearchDocument product(String id, String store, String name, String description, String brand, String category,
                                  Map<String, String> attributes, long price, double rating, long ratings, boolean inStock) {
        return product(id, store, name, description, brand, category, attributes, Map.of(), List.of(price), rating, ratings,
                inStock);
    }

    static SearchDocument product(String id, String store, String name, String description, String brand, String category,
                                  Map<String, String> attributes, Map<String, List<String>> options, List<Long> prices,
                                  double rating, long ratings, boolean inStock) {
        return new SearchDocument(id, store, name, description, brand, category, PATHS.get(category),
                new LinkedHashMap<>(attributes), options, prices, prices.stream().mapToLong(Long::longValue).min().orElseThrow(),
                null, "NPR", rating, ratings, inStock, Instant.parse("2026-01-01T00:00:00Z").plusSeconds(id.hashCode() & 0xffff),
                null);
    }
}
