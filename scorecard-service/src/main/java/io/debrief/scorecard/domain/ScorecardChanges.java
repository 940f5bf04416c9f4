package io.debrief.scorecard.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What changed from one scorecard version to the next, for the audit: each area's score, the recommendation and the
 * flags with their values before and after; of the free texts (notes, each area's evidence) only the names of those
 * that changed. The first version is compared with an empty scorecard: everything it sets is a change.
 */
public record ScorecardChanges(List<AuditEntry.Change> changes, List<String> freeTextChanged) {

    public static final String NOTES = "notes";

    private static final ScorecardContent EMPTY = new ScorecardContent(Map.of(), Map.of(), List.of(), List.of(), null,
            null);

    public static ScorecardChanges between(ScorecardContent before, ScorecardContent after) {
        ScorecardContent from = before == null ? EMPTY : before;
        List<AuditEntry.Change> changes = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (Area area : Area.values()) {
            Integer was = value(from.scores(), area);
            Integer is = value(after.scores(), area);
            if (!Objects.equals(was, is)) {
                changes.add(new AuditEntry.Change("scores." + area.name(), was, is));
            }
        }
        if (from.recommendation() != after.recommendation()) {
            changes.add(new AuditEntry.Change("recommendation", name(from.recommendation()),
                    name(after.recommendation())));
        }
        flags("redFlags", from.redFlags(), after.redFlags(), RedFlag.class, changes);
        flags("greenFlags", from.greenFlags(), after.greenFlags(), GreenFlag.class, changes);
        for (Area area : Area.values()) {
            if (!Objects.equals(text(value(from.evidence(), area)), text(value(after.evidence(), area)))) {
                texts.add("evidence." + area.name());
            }
        }
        if (!Objects.equals(text(from.notes()), text(after.notes()))) {
            texts.add(NOTES);
        }
        return new ScorecardChanges(changes, texts);
    }

    /** Flags compare as sets (their order on the form means nothing), listed in the vocabulary's order. */
    private static <F extends Enum<F>> void flags(String field, Collection<F> before, Collection<F> after,
                                                  Class<F> type, List<AuditEntry.Change> changes) {
        EnumSet<F> was = set(before, type);
        EnumSet<F> is = set(after, type);
        if (!was.equals(is)) {
            changes.add(new AuditEntry.Change(field, names(was), names(is)));
        }
    }

    private static <F extends Enum<F>> EnumSet<F> set(Collection<F> flags, Class<F> type) {
        EnumSet<F> set = EnumSet.noneOf(type);
        if (flags != null) {
            flags.stream().filter(Objects::nonNull).forEach(set::add);
        }
        return set;
    }

    private static List<String> names(EnumSet<? extends Enum<?>> flags) {
        return flags.stream().map(Enum::name).toList();
    }

    private static <V> V value(Map<Area, V> map, Area area) {
        return map == null ? null : map.get(area);
    }

    /** An empty text is no text: writing "" where there was none is not a change. */
    private static String text(String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
