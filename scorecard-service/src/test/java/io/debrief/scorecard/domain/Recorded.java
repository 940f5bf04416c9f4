package io.debrief.scorecard.domain;

import java.util.List;

/**
 * A loop as the store reads it back after a scorecard version was stored: the interviewer's seat points at that
 * version (what {@code panel_member.latest_version} holds).
 */
final class Recorded {

    private Recorded() {
    }

    static Loop after(Loop loop, Scorecard scorecard) {
        List<PanelMember> panel = loop.panel().stream()
                .map(m -> m.interviewerId().equals(scorecard.interviewerId())
                        ? new PanelMember(m.interviewerId(), m.stage(), scorecard.scorecardId(), scorecard.version(),
                                m.scheduledEnd(), m.reminders())
                        : m)
                .toList();
        return new Loop(loop.loopId(), loop.candidate(), loop.position(), loop.level(), loop.status(), panel,
                loop.openedAt(), loop.cancelledAt(), loop.erasedAt());
    }
}
