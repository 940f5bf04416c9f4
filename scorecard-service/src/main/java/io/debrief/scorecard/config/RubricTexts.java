package io.debrief.scorecard.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.debrief.scorecard.domain.Area;
import io.debrief.scorecard.domain.Level;
import io.debrief.scorecard.domain.Rubric;

/**
 * The rubric's texts, one data file per language ({@code rubric/en.json}, {@code rubric/vi.json}): written in this
 * project's words from the handbook's "Đánh giá Kỹ năng Cụ thể", "Technical Expectations" and "Scoring Framework".
 */
public final class RubricTexts {

    /** The languages there are texts for; the first is the fallback. */
    public static final List<String> LANGUAGES = List.of("en", "vi");

    private record File(Map<Integer, String> scale, Map<Level, Map<Area, Rubric.AreaRubric>> levels) {
    }

    private RubricTexts() {
    }

    /** Every language's rubric, read (and checked complete) from the class path. */
    public static Map<String, Rubric> load(ObjectMapper mapper) {
        Map<String, Rubric> rubrics = new LinkedHashMap<>();
        for (String language : LANGUAGES) {
            String resource = "rubric/" + language + ".json";
            try (InputStream in = RubricTexts.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("no " + resource + " on the class path");
                }
                File file = mapper.readValue(in, new TypeReference<File>() { });
                rubrics.put(language, new Rubric(language, file.scale(), file.levels()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + resource, e);
            }
        }
        return rubrics;
    }
}
