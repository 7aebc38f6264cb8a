package io.haat.platform.web;

/** One entry of the {@code errors} member of a validation problem: which field, and what is wrong with it. */
public record FieldProblem(String field, String message) {
}
