package io.debrief.observability;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names a PromQL expression selects (including {@code {__name__="..."}} matchers), so that a test can
 * check them against {@link MetricCatalogue}. A small scanner, not a parser: it drops strings, label matchers, ranges
 * and Grafana variables, skips numbers and durations, the label lists of {@code by}/{@code without}/{@code on}/
 * {@code ignoring}/{@code group_left}/{@code group_right}, functions (an identifier before {@code (}) and keywords.
 * Run {@code promtool check rules} as well for the syntax.
 */
public final class PromQl {

    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "offset", "bool", "by", "without", "on",
            "ignoring", "group_left", "group_right", "inf", "nan", "atan2", "start", "end");
    /** Aggregation operators may stand before {@code by (...)} rather than {@code (}: never a metric name. */
    private static final Set<String> AGGREGATIONS = Set.of("sum", "avg", "min", "max", "count", "stddev", "stdvar",
            "topk", "bottomk", "quantile", "count_values", "group", "limitk", "limit_ratio");
    private static final Set<String> LABEL_LISTS = Set.of("by", "without", "on", "ignoring", "group_left",
            "group_right");
    private static final Pattern NAME_MATCHER = Pattern.compile("__name__\\s*=~?\\s*\"([^\"]+)\"");
    private static final Pattern GRAFANA_VARIABLE = Pattern.compile("\\$\\{[^}]*}|\\$[A-Za-z_][A-Za-z0-9_]*");

    private PromQl() {
    }

    public static Set<String> metricNames(String expression) {
        Set<String> names = new LinkedHashSet<>();
        String text = GRAFANA_VARIABLE.matcher(expression).replaceAll("5m");
        Matcher byName = NAME_MATCHER.matcher(text);
        while (byName.find()) {
            names.add(byName.group(1));
        }
        text = strip(text);
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isDigit(c) || (c == '.' && i + 1 < text.length() && Character.isDigit(text.charAt(i + 1)))) {
                while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '.')) {
                    i++; // a number or a duration (5m, 1e3, 0x1f)
                }
            } else if (Character.isLetter(c) || c == '_' || c == ':') {
                int start = i;
                while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_'
                        || text.charAt(i) == ':')) {
                    i++;
                }
                String word = text.substring(start, i);
                int next = skipSpaces(text, i);
                boolean call = next < text.length() && text.charAt(next) == '(';
                if (LABEL_LISTS.contains(word.toLowerCase()) && call) {
                    i = closing(text, next) + 1;
                } else if (!call && !KEYWORDS.contains(word.toLowerCase())
                        && !AGGREGATIONS.contains(word.toLowerCase())) {
                    names.add(word);
                }
            } else {
                i++;
            }
        }
        return names;
    }

    /** Drops string literals, {@code {...}} label matchers and {@code [...]} ranges and subqueries. */
    private static String strip(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int depthBrace = 0;
        int depthBracket = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\'' || c == '`') {
                int end = i + 1;
                while (end < text.length() && text.charAt(end) != c) {
                    end += text.charAt(end) == '\\' && c != '`' ? 2 : 1;
                }
                i = end;
                out.append(' ');
            } else if (c == '{') {
                depthBrace++;
            } else if (c == '}') {
                depthBrace--;
                out.append(' ');
            } else if (c == '[') {
                depthBracket++;
            } else if (c == ']') {
                depthBracket--;
                out.append(' ');
            } else if (depthBrace == 0 && depthBracket == 0) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static int skipSpaces(String text, int from) {
        int i = from;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int closing(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            if (text.charAt(i) == '(') {
                depth++;
            } else if (text.charAt(i) == ')' && --depth == 0) {
                return i;
            }
        }
        return text.length() - 1;
    }
}
