package io.dltrigger.filter.model;

/** The registry publishes {@code version}: the scorers take it at their next checkpoint. */
public record ModelAnnouncement(String version) {}
