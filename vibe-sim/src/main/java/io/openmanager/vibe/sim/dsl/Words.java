package io.openmanager.vibe.sim.dsl;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/** Quoting of input text in messages, and "did you mean" suggestions by edit distance. */
final class Words {
    private static final int MAX_QUOTED = 40;
    private static final int MAX_COMPARED = 64;

    /** Edit-distance work (matrix cells) allowed per check, so that hints stay cheap on a hostile file. */
    private long budget;
    /** Hints already computed, by candidate list and word: a file repeats its mistakes. */
    private final Map<Collection<String>, Map<String, List<String>>> memo = new IdentityHashMap<>();

    Words(long budget) {
        this.budget = budget;
    }

    /** {@code 'text'}, shortened to 40 code points with {@code …}; invisible characters become {@code U+FFFD}. */
    static String quote(String text) {
        return quote(text, '\'');
    }

    /** Like {@link #quote(String)} between the given marks. */
    static String quote(String text, char mark) {
        StringBuilder out = new StringBuilder().append(mark);
        int shown = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (shown == MAX_QUOTED) {
                out.append('…');
                break;
            }
            out.appendCodePoint(Character.isISOControl(cp) || Characters.isBidiControl(cp) ? 0xFFFD : cp);
            shown++;
            i += Character.charCount(cp);
        }
        return out.append(mark).toString();
    }

    /** {@code 'a'}, {@code 'a' or 'b'}, {@code 'a', 'b' or 'c'}. */
    static String alternatives(List<String> words) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < words.size(); i++) {
            out.append(i == 0 ? "" : i == words.size() - 1 ? " or " : ", ").append(quote(words.get(i)));
        }
        return out.toString();
    }

    /** {@code did you mean 'x'?} for the nearest candidates, or the empty string when none is near. */
    String didYouMean(String word, Collection<String> candidates) {
        List<String> nearest = nearest(word, candidates, 3);
        return nearest.isEmpty() ? "" : "did you mean " + alternatives(nearest) + "?";
    }

    /**
     * Up to {@code max} candidates near {@code word}: those within an edit distance of about a third of its length,
     * and those that start with it or contain it (so {@code cpu} finds {@code cpu_usage}), nearest first, ties in
     * candidate order. Case is ignored.
     */
    List<String> nearest(String word, Collection<String> candidates, int max) {
        return memo.computeIfAbsent(candidates, c -> new HashMap<>())
                .computeIfAbsent(word + "\0" + max, k -> compute(word, candidates, max));
    }

    private List<String> compute(String word, Collection<String> candidates, int max) {
        String target = word.length() > MAX_COMPARED ? word.substring(0, MAX_COMPARED) : word;
        target = target.toLowerCase(Locale.ROOT);
        int limit = Math.max(1, Math.min(3, (target.length() + 1) / 3));
        String[] parts = target.split("[-_.]+");
        List<String> found = new ArrayList<>();
        List<Integer> scores = new ArrayList<>();
        for (String candidate : candidates) {
            if (candidate.length() > MAX_COMPARED + limit || budget <= 0) {
                continue;
            }
            String c = candidate.toLowerCase(Locale.ROOT);
            budget -= 4L * c.length();
            int score;
            if (target.length() >= 2 && c.contains(target)) {
                score = c.startsWith(target) ? 0 : 1;
            } else {
                int distance = distance(target, c, limit);
                score = distance <= limit ? distance + 1 : Integer.MAX_VALUE;
                if (score == Integer.MAX_VALUE && containsParts(c, parts)) {
                    // db-01 finds db-primary-01: every part of the word, in order.
                    score = limit + 2 + (c.startsWith(target.substring(0, Math.min(2, target.length()))) ? 0 : 1);
                }
            }
            if (score != Integer.MAX_VALUE && !candidate.equals(word)) {
                int at = 0;
                while (at < scores.size() && scores.get(at) <= score) {
                    at++;
                }
                if (at < max) {
                    found.add(at, candidate);
                    scores.add(at, score);
                    if (found.size() > max) {
                        found.remove(max);
                        scores.remove(max);
                    }
                }
            }
        }
        return found;
    }

    /** Whether every part of a word (split at '-', '_' and '.', parts of 2 or more) occurs in order. */
    private static boolean containsParts(String candidate, String[] parts) {
        if (parts.length < 2) {
            return false;
        }
        int from = 0;
        for (String part : parts) {
            if (part.length() < 2) {
                continue;
            }
            int at = candidate.indexOf(part, from);
            if (at < 0) {
                return false;
            }
            from = at + part.length();
        }
        return true;
    }

    /**
     * Optimal-string-alignment distance (Levenshtein plus swaps of adjacent characters, so {@code hots} is one edit
     * from {@code host}), or {@code limit + 1} as soon as it must exceed {@code limit}.
     */
    private int distance(String a, String b, int limit) {
        if (Math.abs(a.length() - b.length()) > limit) {
            return limit + 1;
        }
        budget -= (long) (a.length() + 1) * (b.length() + 1);
        int[] beforePrevious = new int[b.length() + 1];
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            int rowMin = current[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int d = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d = Math.min(d, beforePrevious[j - 2] + 1);
                }
                current[j] = d;
                rowMin = Math.min(rowMin, d);
            }
            if (rowMin > limit) {
                return limit + 1;
            }
            int[] recycled = beforePrevious;
            beforePrevious = previous;
            previous = current;
            current = recycled;
        }
        return previous[b.length()];
    }
}
