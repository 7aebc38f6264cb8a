package io.haat.test;

/** A started piece of infrastructure: what callers use, and how to stop it. */
record Running<T>(T value, AutoCloseable stop) {
}
