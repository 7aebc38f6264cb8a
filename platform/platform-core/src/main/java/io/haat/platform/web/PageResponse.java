package io.haat.platform.web;

import java.util.List;
import java.util.function.Function;

/** One page of a list, as every list endpoint answers: {@code {items, page, size, totalItems}}. */
public record PageResponse<T>(List<T> items, int page, int size, long totalItems) {

    public PageResponse {
        items = List.copyOf(items);
    }

    /** The page {@code paging} asked for, holding {@code items} out of {@code totalItems}. */
    public static <T> PageResponse<T> of(List<T> items, Paging paging, long totalItems) {
        return new PageResponse<>(items, paging.page(), paging.size(), totalItems);
    }

    /** The same page with each item converted, e.g. {@code page.map(OrderResponse::from)}. */
    public <R> PageResponse<R> map(Function<? super T, ? extends R> mapper) {
        return new PageResponse<>(items.stream().<R>map(mapper).toList(), page, size, totalItems);
    }
}
