package io.xstore.api.task;

/** A hyperparameter (section + name) or, with a null name, a whole section. */
public record HyperParamRef(String section, String name) {
}
