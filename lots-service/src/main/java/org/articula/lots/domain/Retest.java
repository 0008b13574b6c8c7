package org.articula.lots.domain;

import java.time.Instant;
import java.util.List;

/** The counter-sample's re-test: who tested it (a person or a laboratory), when, and its readings. */
public record Retest(String testedBy, Instant testedAt, List<Reading> readings) {
}
