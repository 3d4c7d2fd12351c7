package io.openmanager.vibe.sim.dsl;

/**
 * A token of the scenario language, located by character offsets {@code [start, end)}.
 *
 * @param kind        what it is
 * @param start       offset of the first character
 * @param end         offset after the last character
 * @param text        a word's characters, a string's unescaped value, or a bad token's message
 * @param firstOnLine whether only whitespace and comments precede it on its line
 * @param glued       whether it follows the previous token with nothing in between ({@code label:"k"="v"})
 */
record Token(Kind kind, int start, int end, String text, boolean firstOnLine, boolean glued) {

    enum Kind {
        /** A run of printable ASCII other than the delimiters: keywords, names, numbers, durations, selectors. */
        WORD,
        /** A double-quoted string. */
        STRING,
        /** {@code {}. */
        OPEN,
        /** {@code }}. */
        CLOSE,
        /** Characters the language has no use for; {@link #text} says which. */
        BAD,
        /** The end of the input. */
        EOF
    }

    boolean isWord(String word) {
        return kind == Kind.WORD && text.equals(word);
    }

    /** How the token reads in a message: {@code 'word'}, {@code string "…"}, {@code end of file}. */
    String describe() {
        switch (kind) {
            case WORD:
                return Words.quote(text);
            case STRING:
                return "string " + Words.quote(text, '"');
            case OPEN:
                return "'{'";
            case CLOSE:
                return "'}'";
            case BAD:
                return text;
            default:
                return "end of file";
        }
    }
}
