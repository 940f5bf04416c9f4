package io.debrief.scorecard.api;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.debrief.platform.problem.EnumParameter;
import io.debrief.platform.problem.ProblemException;
import io.debrief.platform.problem.Violations;
import io.debrief.platform.security.Roles;
import io.debrief.scorecard.config.DomainSettings;
import io.debrief.scorecard.config.RubricTexts;
import io.debrief.scorecard.domain.Area;
import io.debrief.scorecard.domain.Level;
import io.debrief.scorecard.domain.Rubric;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /api/rubric?level=} (CONTRACT.md Part 2): what the handbook expects of a level in each area, its
 * assessment where it has one, and the meaning of each score, in English or Vietnamese.
 *
 * <p>The language: {@code ?lang=en|vi} when given (anything else is 400); otherwise the best match of
 * {@code Accept-Language} (RFC 4647 lookup with q-values), and English when it names neither language (a client asking
 * for, say, French gets the fallback rather than an error, as Accept-Language's semantics suggest); a malformed
 * {@code Accept-Language} is 400. The answer says which language it is in ({@code language}, {@code Content-Language})
 * and varies by {@code Accept-Language}.
 */
@Path("/api/rubric")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Interview process")
public class RubricResource {

    @Schema(name = "Rubric", example = """
            {"level":"MID","language":"en","scale":{"1":"No knowledge of or experience with the area","2":"…",
             "3":"…","4":"…","5":"…"},"areas":{"CONTAINERIZATION":{"expectations":["Uses multi-stage builds","…"],
             "assessment":"Hand over a small Python ML service …"},"MONITORING":{"expectations":["…"],
             "assessment":null}}}""")
    public record RubricView(Level level, String language, Map<String, String> scale, Map<Area, AreaView> areas) {
    }

    @Schema(name = "RubricArea")
    public record AreaView(List<String> expectations,
                           @Schema(nullable = true, description = "The handbook's assessment for the area, if any")
                           String assessment) {
    }

    private final Map<String, Rubric> rubrics;

    public RubricResource(DomainSettings.Rubrics rubrics) {
        this.rubrics = rubrics.byLanguage();
    }

    @GET
    @RolesAllowed({Roles.INTERVIEWER, Roles.RECRUITER, Roles.HIRING_MANAGER, Roles.ADMIN})
    @Operation(summary = "The rubric of a level", description = "Per area the handbook's expectations for the level and "
            + "its assessment (null where it has none), and the meaning of each score 1-5. English or Vietnamese: "
            + "?lang=en|vi, else Accept-Language (English when it names neither). Any signed-in role.")
    @APIResponse(responseCode = "200", description = "The rubric; Content-Language names its language", content =
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RubricView.class)))
    @APIResponse(responseCode = "400", description = "A missing or unknown level, an unknown lang, a malformed "
            + "Accept-Language")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "A token without any of the four roles")
    @APIResponse(responseCode = "503", description = "The service is at capacity; Retry-After says when to try again")
    public Response rubric(@Parameter(description = "JUNIOR, MID or SENIOR", required = true)
                           @QueryParam("level") String level,
                           @Parameter(description = "en or vi; overrides Accept-Language") @QueryParam("lang") String lang,
                           @Parameter(in = ParameterIn.HEADER, description = "e.g. vi, en;q=0.5")
                           @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        Level chosenLevel = level(level);
        String language = language(lang, acceptLanguage);
        Rubric rubric = rubrics.get(language);
        Map<String, String> scale = new LinkedHashMap<>();
        rubric.scale().forEach((score, meaning) -> scale.put(score.toString(), meaning));
        Map<Area, AreaView> areas = new EnumMap<>(Area.class);
        rubric.of(chosenLevel).forEach((area, r) -> areas.put(area, new AreaView(r.expectations(), r.assessment())));
        return Response.ok(new RubricView(chosenLevel, language, scale, areas))
                .header(HttpHeaders.CONTENT_LANGUAGE, language)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE)
                .build();
    }

    private static Level level(String level) {
        if (level == null || level.isEmpty()) {
            throw ProblemException.invalid("level", "is required: " + Violations.oneOf(Level.class));
        }
        return EnumParameter.of("level", level, Level.class);
    }

    static String language(String lang, String acceptLanguage) {
        if (lang != null && !lang.isEmpty()) {
            if (!RubricTexts.LANGUAGES.contains(lang)) {
                throw ProblemException.invalid("lang", "must be one of " + String.join(", ", RubricTexts.LANGUAGES));
            }
            return lang;
        }
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return RubricTexts.LANGUAGES.get(0);
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(acceptLanguage);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("Accept-Language", "is not a valid language list (RFC 9110), e.g. vi, en;q=0.5");
        }
        String match = Locale.lookupTag(ranges, RubricTexts.LANGUAGES);
        return match == null ? RubricTexts.LANGUAGES.get(0) : match;
    }
}
