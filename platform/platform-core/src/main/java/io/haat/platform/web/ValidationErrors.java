package io.haat.platform.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.core.MethodParameter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.annotation.HandlerMethodValidationException;

import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import tools.jackson.core.JacksonException;

/** Extracts the {@code {field, message}} list of a validation problem from Spring's and Jackson's exceptions. */
final class ValidationErrors {

    private static final String INVALID_VALUE = "has an invalid value";

    private ValidationErrors() {
    }

    static List<FieldProblem> of(BindingResult result) {
        List<FieldProblem> errors = new ArrayList<>();
        for (FieldError error : result.getFieldErrors()) {
            errors.add(new FieldProblem(error.getField(), message(error)));
        }
        for (ObjectError error : result.getGlobalErrors()) {
            errors.add(new FieldProblem(error.getObjectName(), message(error)));
        }
        return errors;
    }

    static List<FieldProblem> of(HandlerMethodValidationException ex) {
        List<FieldProblem> errors = new ArrayList<>();
        for (ParameterValidationResult result : ex.getParameterValidationResults()) {
            String parameter = parameterName(result.getMethodParameter());
            if (result instanceof ParameterErrors parameterErrors) {
                // an object argument (@Valid body, @ModelAttribute): report its own field paths
                String prefix = result.getContainerIndex() != null ? parameter + "[" + result.getContainerIndex() + "]."
                        : result.getContainerKey() != null ? parameter + "[" + result.getContainerKey() + "]." : "";
                for (FieldError error : parameterErrors.getFieldErrors()) {
                    errors.add(new FieldProblem(prefix + error.getField(), message(error)));
                }
                for (ObjectError error : parameterErrors.getGlobalErrors()) {
                    errors.add(new FieldProblem(prefix.isEmpty() ? parameter : prefix, message(error)));
                }
            } else {
                result.getResolvableErrors().forEach(error ->
                        errors.add(new FieldProblem(parameter, defaultIfBlank(error.getDefaultMessage()))));
            }
        }
        ex.getCrossParameterValidationResults().forEach(error ->
                errors.add(new FieldProblem(null, defaultIfBlank(error.getDefaultMessage()))));
        return errors;
    }

    /** The path of a Bean Validation violation without the method and argument nodes of method validation. */
    static String leafPath(Path path) {
        StringBuilder result = new StringBuilder();
        String last = null;
        for (Path.Node node : path) {
            last = node.getName();
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER
                    || node.getKind() == ElementKind.CROSS_PARAMETER || node.getKind() == ElementKind.RETURN_VALUE) {
                continue;
            }
            if (node.getIndex() != null) {
                result.append('[').append(node.getIndex()).append(']');
            } else if (node.getKey() != null) {
                result.append('[').append(node.getKey()).append(']');
            }
            if (node.getName() != null) {
                result.append(result.isEmpty() ? "" : ".").append(node.getName());
            }
        }
        return result.isEmpty() ? last : result.toString();
    }

    /** Where in the JSON body the value that could not be read is, when Jackson knows it. */
    static List<FieldProblem> ofUnreadableBody(HttpMessageNotReadableException ex) {
        for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
                StringBuilder field = new StringBuilder();
                for (JacksonException.Reference reference : jackson.getPath()) {
                    if (reference.getPropertyName() != null) {
                        field.append(field.isEmpty() ? "" : ".").append(reference.getPropertyName());
                    } else if (reference.getIndex() >= 0) {
                        field.append('[').append(reference.getIndex()).append(']');
                    }
                }
                return field.isEmpty() ? List.of() : List.of(new FieldProblem(field.toString(), INVALID_VALUE));
            }
        }
        return List.of();
    }

    private static String message(ObjectError error) {
        // a binding failure's default message is a conversion stack ("Failed to convert ... java.lang...")
        if (error instanceof FieldError field && field.isBindingFailure()) {
            return INVALID_VALUE;
        }
        return defaultIfBlank(error.getDefaultMessage());
    }

    private static String defaultIfBlank(String message) {
        return message == null || message.isBlank() ? INVALID_VALUE : message;
    }

    private static String parameterName(MethodParameter parameter) {
        RequestParam requestParam = parameter.getParameterAnnotation(RequestParam.class);
        if (requestParam != null && !firstNonEmpty(requestParam.name(), requestParam.value()).isEmpty()) {
            return firstNonEmpty(requestParam.name(), requestParam.value());
        }
        PathVariable pathVariable = parameter.getParameterAnnotation(PathVariable.class);
        if (pathVariable != null && !firstNonEmpty(pathVariable.name(), pathVariable.value()).isEmpty()) {
            return firstNonEmpty(pathVariable.name(), pathVariable.value());
        }
        RequestHeader requestHeader = parameter.getParameterAnnotation(RequestHeader.class);
        if (requestHeader != null && !firstNonEmpty(requestHeader.name(), requestHeader.value()).isEmpty()) {
            return firstNonEmpty(requestHeader.name(), requestHeader.value());
        }
        String name = parameter.getParameterName();
        return name != null ? name : "arg" + parameter.getParameterIndex();
    }

    private static String firstNonEmpty(String name, String value) {
        return name.isEmpty() ? value : name;
    }
}
