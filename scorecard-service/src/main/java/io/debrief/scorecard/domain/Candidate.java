package io.debrief.scorecard.domain;

public record Candidate(String id, String name) {
}
